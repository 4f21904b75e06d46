import Foundation
import KopsShell
import KopsTerminal
import Testing

/// probe38 P38-8: a relative `XDG_STATE_HOME` was used from the current folder, so the history (the one sink whose
/// safety rests on it being private) followed the user into project folders. The XDG Base Directory spec: a relative
/// path in these variables is invalid and ignored. Each such variable is said once at start.
@Suite struct XDGFolderTests {
    @Test(arguments: [
        (["XDG_STATE_HOME": "relstate", "HOME": "/home/u"], "/home/u/.local/state/kops/history"),
        (["XDG_STATE_HOME": "./s", "HOME": "/home/u"], "/home/u/.local/state/kops/history"),
        (["XDG_STATE_HOME": "", "HOME": "/home/u"], "/home/u/.local/state/kops/history"),
        (["XDG_STATE_HOME": "/var/s", "HOME": "/home/u"], "/var/s/kops/history"),
        (["XDG_STATE_HOME": "relstate"], nil),
    ] as [([String: String], String?)])
    func aRelativeStateFolderIsIgnored(environment: [String: String], history: String?) {
        #expect(HistoryFile.defaultPath(environment: environment) == history)
        #expect(OwnLookups.defaultPath(environment: environment) == history.map { $0.replacingOccurrences(of: "/history", with: "/own-lookups") })
    }

    @Test func aRelativeConfigFolderIsIgnored() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/u"]) == "/home/u/.config/kops/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/home/u"]) == "/c/kops/config.toml")
    }

    @Test func eachRelativeFolderIsSaidOnce() {
        let warnings = XDGFolder.warnings(environment: ["XDG_STATE_HOME": "relstate", "XDG_CONFIG_HOME": "/c", "HOME": "/home/u"])
        #expect(warnings == [
            "warning: XDG_STATE_HOME 'relstate' is not an absolute path, so kops ignores it (as the XDG Base Directory spec "
                + "says) and uses ~/.local/state; set it to an absolute path, or unset it",
        ])
        #expect(XDGFolder.warnings(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/u"]).isEmpty)
    }
}
