import Foundation
import KopsShell
import KopsTerminal
import Testing

/// Probe24 P24-7: a file the user made read-only is read, never written, replaced nor chmod-ed.
@Suite struct ReadOnlyFilesTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "kops-readonly-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/kops", withIntermediateDirectories: true)
        return folder
    }

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        _ = stat(path, &info)
        return UInt64(info.st_ino)
    }

    @Test func aReadOnlyHistoryFileIsReadAndLeftAlone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kops/history-demo"
        try Data("old precious line 1\nold precious line 2\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o400)
        let file = HistoryFile(path: path, limit: 1)
        #expect(file.readOnly)
        #expect(file.writeProblem == "it is read-only")
        #expect(file.load() == ["old precious line 2"])
        file.append("explain 131047")
        file.trim()
        file.forget(["precious"])
        #expect(try Self.mode(path) == 0o400)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old precious line 1\nold precious line 2\n")
    }

    /// The mode the user chose is kept: no permission is taken away (session 26: the group's and others' were) or added.
    @Test func loadingKeepsTheModeTheUserChose() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kops/history"
        try Data("numbers\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        _ = HistoryFile(path: path).load()
        #expect(try Self.mode(path) == 0o644)
    }

    @Test(arguments: [true, false])
    func aReadOnlyConfigIsNotReplaced(settingDefault: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kops/config.toml"
        let text = """
            default_profile = "a"

            [profiles.a]
            base_url = "https://api.kapso.ai"
            api_key_env = "A_KEY"

            [profiles.b]
            base_url = "https://api.kapso.ai"
            api_key_env = "B_KEY"

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o400)
        let before = Self.inode(path)
        let file = ConfigFile(path: path)
        do {
            if settingDefault {
                try file.setDefault("b")
            } else {
                try file.save(Profile(name: "c", baseURL: "https://api.kapso.ai", apiKeyEnv: "C_KEY"))
            }
            Issue.record("a read-only config.toml was written")
        } catch {
            #expect(error.message == "cannot write \(path): it is read-only (mode 0400); make it writable (chmod u+w \(path)) first")
        }
        #expect(Self.inode(path) == before)
        #expect(try Self.mode(path) == 0o400)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}
