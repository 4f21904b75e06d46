import Testing

@testable import kops

/// probe22 P22-20: with HOME unset, history was not kept and config.toml not read, without a word.
@Suite struct HomeFallbackTests {
    @Test func anUnsetHomeIsThePasswdEntrysHome() {
        #expect(ProcessEnvironment.withHome([:], passwdHome: "/root")["HOME"] == "/root")
        #expect(ProcessEnvironment.withHome(["HOME": ""], passwdHome: "/root")["HOME"] == "/root")
        #expect(ProcessEnvironment.withHome(["HOME": "/home/u"], passwdHome: "/root")["HOME"] == "/home/u")
        #expect(ProcessEnvironment.withHome([:], passwdHome: nil)["HOME"] == nil)
    }

    @Test(arguments: [
        ([:], true), (["HOME": "/home/u"], false), (["XDG_STATE_HOME": "/s"], true),
        (["XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/c"], false),
    ] as [([String: String], Bool)])
    func noHomeIsSaidInOneLine(_ environment: [String: String], _ warns: Bool) {
        let warning = ProcessEnvironment.homeWarning(environment)
        #expect((warning != nil) == warns)
        #expect(warning.map { !$0.contains("\n") && $0.hasPrefix("warning: HOME is not set") } ?? true)
    }
}
