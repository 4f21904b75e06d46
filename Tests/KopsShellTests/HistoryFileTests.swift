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

    /// The mode of a history file that exists is the user's: loading it took the group's and others' bits away, and a
    /// trim renamed a new 0600 file over it (session 26). kops creates its own 0600 (above).
    @Test func anExistingFilesModeIsKeptByLoadAppendAndTrim() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/history"
        _ = FileManager.default.createFile(atPath: path, contents: Data("numbers\nstate\n".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let mode = { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        let file = HistoryFile(path: path, limit: 2)
        #expect(file.load() == ["numbers", "state"])
        #expect(try mode() == 0o640, "load")
        file.append("health")  // three entries: the file is trimmed to two, rewritten
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "state\nhealth\n")
        #expect(try mode() == 0o640, "trim")
    }

    /// A state folder kops cannot write (read-only, or a file where a folder should be: so even root cannot) is named
    /// before the session, not found out next time (probe16 P16-7); a writable one has no problem.
    @Test func aHistoryThatCannotBeWrittenSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("state"))
        // The file in the way is named (probe22 P22-16's sibling), not only "not a directory".
        #expect(
            HistoryFile(path: folder.path + "/state/kops/history").writeProblem
                == "\(folder.path)/state is a file, not a folder, so \(folder.path)/state/kops cannot be made; move the file away")
        let writable = HistoryFile(path: folder.path + "/fresh/kops/history")
        #expect(writable.writeProblem == nil)
        #expect(FileManager.default.fileExists(atPath: writable.path))
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

/// probe22 P22-25: the file grew past `KOPS_HISTORY_SIZE` (only ↑ was limited), and an unreadable value was ignored.
@Suite struct HistoryFileLimitTests {
    @Test func theFileKeepsTheNewestEntriesUpToTheLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = HistoryFile(path: folder.path + "/kops/history", limit: 3)
        _ = file.load()
        for code in 131041...131046 { file.append("explain \(code)") }
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text == "explain 131044\nexplain 131045\nexplain 131046\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/kops") == ["history"], "no file left beside it")
        // A file longer than the limit from before (a larger size, an older kops) is cut at the next entry.
        try Data((1...1500).map { "state \($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: file.path))
        HistoryFile(path: file.path, limit: 1000).append("numbers")
        let lines = try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1000 && lines.first == "state 502" && lines.last == "numbers")
    }

    @Test(arguments: [
        ("", 1000, false), ("500", 500, false), ("0", 0, false), ("abc", 1000, true), ("-1", 1000, true), ("1e3", 1000, true),
    ])
    func aSizeThatIsNotANumberIsSaidOnce(_ value: String, _ limit: Int, _ warns: Bool) {
        let (read, warning) = HistoryFile.limit(environment: value.isEmpty ? [:] : ["KOPS_HISTORY_SIZE": value])
        #expect(read == limit)
        #expect((warning != nil) == warns)
        if let warning {
            #expect(warning == "warning: KOPS_HISTORY_SIZE '\(value)' is not a number of entries; keeping 1000 (set a whole "
                + "number of 0 or more, e.g. KOPS_HISTORY_SIZE=500)")
        }
    }
}
