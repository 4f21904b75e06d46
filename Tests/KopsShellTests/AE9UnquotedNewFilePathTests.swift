import Foundation
import KopsShell
import Testing

/// tester58b AE9 (AB13's leftover): `record dir with spaces/out.md` and `bundle dir with spaces/b.md`, a new file in an
/// existing folder whose name holds spaces, still got only "unexpected argument 'with'": AB13 named an unquoted path
/// only when it was an existing file, and these commands write a new one. Now the words joined naming a file in an
/// existing folder with spaces get the one line that says to quote the path; quoted, the path works.
@Suite struct AE9UnquotedNewFilePathTests {
    /// A fresh folder holding an empty `my dir`.
    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ae9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my dir"), withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["record", "bundle"])
    func anUnquotedNewFileInAFolderWithSpacesIsNamed(_ command: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/my dir/t.md"
        let offline = OfflineShell()
        #expect(offline.shell.run(line: "\(command) \(path) --force") == .usage)
        #expect(
            offline.output.err.contains(
                "\(command): '\(path)' is a path that holds spaces, read as 2 words; quote the path: \(command) \"\(path)\" --force"),
            "\(offline.output.err)")
        #expect(offline.output.err.split(separator: "\n").count == 1, "\(offline.output.err)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Quoted, `record` writes there; words that name no folder with spaces keep the usage line (`record t.md extra`).
    @Test func aQuotedPathRecordsAndOtherWordsKeepTheUsageLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/my dir/t.md"
        let quoted = OfflineShell()
        #expect(quoted.shell.run(line: "record '\(path)'") == .ok, "\(quoted.output.err)")
        quoted.shell.run(line: "explain 131047")
        #expect(quoted.shell.run(line: "record stop") == .ok, "\(quoted.output.err)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("> explain 131047"))
        for line in ["record \(folder.path)/t.md extra", "record \(folder.path)/no dir/t.md"] {
            let other = OfflineShell()
            #expect(other.shell.run(line: line) == .usage)
            #expect(other.output.err.contains("record: unexpected argument"), "\(other.output.err)")
        }
    }
}
