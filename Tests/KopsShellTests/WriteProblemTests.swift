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
}
