import Foundation
import KopsShell
import KopsTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Files kops rewrites by renaming a new file over the old one keep the user's mode, owner and group (`FileOwner`): the
/// history when it is trimmed or forgets a line, config.toml after `profile add`, a transcript's restore file. Before,
/// the history kept only its mode, config.toml and the restore file came back 0600, and all three moved to the writer's
/// user and group (a 0640 file of a team's group went to the writer's own group). A file kops creates is 0600.
@Suite struct ReplacedFileOwnerTests {
    /// A user and group that are not the test's (the test runs as root in CI; elsewhere only the mode is checked).
    static let other = (user: UInt32(4321), group: UInt32(5432))

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-owner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` at `path` with `mode`, owned by `other` when the test may give it away.
    private func existing(_ path: String, _ text: String, mode: mode_t) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        if getuid() == 0 { #expect(chown(path, Self.other.user, Self.other.group) == 0) }
    }

    /// The mode, user and group expected after a rewrite of a file `existing` made with `mode`.
    private func expectKept(_ path: String, mode: UInt32, _ comment: Comment) {
        guard let owner = FileOwner(path: path) else {
            Issue.record("no file at \(path)")
            return
        }
        #expect(owner.mode == mode, comment)
        if getuid() == 0 {
            #expect(owner.user == Self.other.user && owner.group == Self.other.group, comment)
        }
    }

    @Test(arguments: [0o600, 0o640, 0o644, 0o660])
    func aTrimmedHistoryKeepsItsModeOwnerAndGroup(_ mode: Int) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history"
        try existing(path, "numbers\nstate\n", mode: mode_t(mode))
        let file = HistoryFile(path: path, limit: 2)
        file.append("health")  // three entries: trimmed to two, a new file renamed over the old
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "state\nhealth\n")
        expectKept(path, mode: UInt32(mode), "trim")
        file.append("set token Zx81Qp0Lm4Vb7Nc2")
        file.forget(["Zx81Qp0Lm4Vb7Nc2"])  // a line dropped: rewritten again
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "health\n")
        expectKept(path, mode: UInt32(mode), "forget")
    }

    @Test func profileAddKeepsConfigTomlsModeOwnerAndGroupAndCreatesIt0600() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        try existing(path, "[profiles.acme]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"KAPSO_API_KEY\"\n", mode: 0o640)
        try ConfigFile(path: path).save(Profile(name: "eagle", baseURL: "https://api.kapso.ai", apiKeyEnv: "EAGLE_KEY"))
        #expect(try ConfigFile(path: path).load().profile(named: "eagle")?.apiKeyEnv == "EAGLE_KEY")
        expectKept(path, mode: 0o640, "profile add over a 0640 file")
        let fresh = folder + "/new/config.toml"
        try ConfigFile(path: fresh).save(Profile(name: "eagle", baseURL: "https://api.kapso.ai", apiKeyEnv: "EAGLE_KEY"))
        #expect(FileOwner(path: fresh)?.mode == 0o600)
        #expect(FileOwner(path: fresh)?.user == getuid())
    }

    @Test func aRestoreFileKeepsItsModeOwnerAndGroupAndIsCreated0600() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let restore = TranscriptRestore(lines: ["message wamid.…": ["message wamid.X"]])
        #expect(restore.save(besides: folder + "/new.md"))
        #expect(FileOwner(path: folder + "/new.md.restore")?.mode == 0o600)
        let path = folder + "/t.md.restore"
        try existing(path, TranscriptRestore().json, mode: 0o640)
        #expect(restore.save(besides: folder + "/t.md"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == restore.json)
        expectKept(path, mode: 0o640, "restore file rewritten")
    }
}
