import Foundation
import KopsShell
import KopsTerminal
import Testing

@Suite struct HistoryFileTests {
    @Test(arguments: [
        (["XDG_STATE_HOME": "/s"], "default", "/s/kops/history"),
        (["XDG_STATE_HOME": "/s"], "eagle", "/s/kops/history-eagle"),
        (["HOME": "/home/u"], "default", "/home/u/.local/state/kops/history"),
        (["XDG_STATE_HOME": "", "HOME": "/home/u"], "acme", "/home/u/.local/state/kops/history-acme"),
    ])
    func oneFilePerProfile(environment: [String: String], profile: String, path: String) {
        #expect(HistoryFile.defaultPath(environment: environment, profile: profile) == path)
    }

    @Test func keepsTheLastEntriesUpToTheLimitInA0600File() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = HistoryFile(path: folder.path + "/kops/history", limit: 2)
        #expect(file.load().isEmpty)
        for line in ["numbers", "use 1\nhealth", "state"] { file.append(line) }
        #expect(file.load() == ["use 1 health", "state"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anUnreadableConfigIsOneLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the file should be: unreadable even for root.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config.toml"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.toml").path
        do {
            _ = try ConfigFile(path: path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("cannot read \(path): "))
            #expect(error.message.hasSuffix("; fix its permissions or remove it"))
            #expect(!error.message.contains("\n"))
            #expect(error.exitStatus == .noInput)
        }
    }
}
