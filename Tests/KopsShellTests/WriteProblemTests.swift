import Foundation
import KopsShell
import Testing

/// probe22 P22-16's siblings that need no other user: the culprit of a file kops keeps is named, not the system's words
/// (the history's: HistoryFileTests.aHistoryThatCannotBeWrittenSaysWhy).
@Suite struct WriteProblemTests {
    @Test func aNewFileInAMissingFolderNamesTheFolder() {
        #expect(
            WriteProblem.reason(writing: "/nonexistent-kops/sub/t.md", code: ENOENT)
                == "its folder /nonexistent-kops/sub does not exist; create it first")
        #expect(WriteProblem.refusal(writing: FileManager.default.temporaryDirectory.path + "/kops-free-\(UUID().uuidString).md") == nil)
    }

    /// probe29 P29-14: a file where a folder of the path should be is named, for a file kops writes (`record
    /// afile/x/t.md`, `listen --save afile/x`) and a folder it makes, not "does not exist; create it first".
    @Test func aFileInTheWayOfAFolderIsNamed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-afile-\(UUID().uuidString)").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(
            WriteProblem.refusal(writing: file + "/x/t.md")
                == "\(file) is a file, not a folder, so its folder \(file)/x cannot be made; move the file away, or write elsewhere")
        #expect(
            WriteProblem.reason(creatingFolder: file + "/x/y", code: ENOTDIR)
                == "\(file) is a file, not a folder, so \(file)/x/y cannot be made; move the file away")
        #expect(WriteProblem.fileAmongFolders(of: file + "/x") == file)
        #expect(WriteProblem.fileAmongFolders(of: FileManager.default.temporaryDirectory.path + "/kops-none/x") == nil)
    }
}
