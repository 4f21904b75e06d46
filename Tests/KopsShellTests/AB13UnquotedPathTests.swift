import Foundation
import KopsShell
import Testing

/// tester57 AB13: a script path with spaces, typed without quotes (`source dir with spaces/ok.kops`), got the bare
/// usage line "unexpected argument 'with'". When the words joined with spaces name an existing file, the error says
/// to quote the path; otherwise the usual line stays.
@Suite struct AB13UnquotedPathTests {
    /// A folder holding `dir with spaces/ok.kops` (a script of one `explain`).
    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ab13-\(UUID().uuidString)")
        let spaced = folder.appendingPathComponent("dir with spaces")
        try FileManager.default.createDirectory(at: spaced, withIntermediateDirectories: true)
        try "explain 131047\n".write(to: spaced.appendingPathComponent("ok.kops"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: ["source", "replay"])
    func anUnquotedPathToAFileIsNamed(_ command: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/dir with spaces/ok.kops"
        let offline = OfflineShell()
        let status = offline.shell.run(line: "\(command) \(path)")
        #expect(status == .usage)
        #expect(
            offline.output.err.contains(
                "\(command): '\(path)' is a file whose path holds spaces, read as 3 words; quote the path: \(command) \"\(path)\""),
            "\(offline.output.err)")
        #expect(!offline.output.err.contains("unexpected argument"))
    }

    /// Quoted, it runs; words that name no file keep the usual line.
    @Test func aQuotedPathRunsAndOtherWordsKeepTheUsageLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quoted = OfflineShell()
        #expect(quoted.shell.run(line: "source '\(folder.path)/dir with spaces/ok.kops'") == .ok, "\(quoted.output.err)")
        let other = OfflineShell()
        _ = other.shell.run(line: "source \(folder.path)/dir with holes/ok.kops")
        #expect(other.output.err.contains("source: unexpected argument 'with'; usage: source FILE.kops"), "\(other.output.err)")
    }

    @Test func theLaunchLineReadsTheSameWords() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/dir with spaces/ok.kops"
        let found = try #require(UnquotedPath.existingFile(in: path.split(separator: " ").map(String.init) + ["--allow-writes"], folder: nil))
        #expect(found.path == path)
        #expect(found.rest == ["--allow-writes"])
        #expect(UnquotedPath.existingFile(in: [folder.path + "/dir"], folder: nil) == nil)
    }
}
