import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe45 P45-7: a transcript whose `numbers` block was opened with `~~~kops` by hand (its ``` close kept). CommonMark
/// reads that block to the file's end, so `kops check` took every later block for its output and said "the file ends
/// inside it: kops was killed while it ran", while `record --append` read the file as whole and continued it. Both now
/// refuse it with one line naming FILE:LINE of the open block and where its closing fence belongs.
@Suite struct HandEditedFenceTests {
    static let number = "100200300400501"

    @Test func checkAndAppendRefuseATildeBlockClosedWithBackticks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fence-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (edited, refused, checked) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "record \(folder)/t.md --keep-pii")
            for line in ["use \(Self.number)", "numbers", "health"] { shell.run(line: line) }
            shell.run(line: "record stop")
            let recorded = try String(contentsOfFile: folder + "/t.md", encoding: .utf8)
            var lines = recorded.split(separator: "\n", omittingEmptySubsequences: false)
            let prompt = try #require(lines.firstIndex { $0.hasSuffix("> numbers") })
            #expect(lines[prompt - 1] == "```kops")
            lines[prompt - 1] = "~~~kops"
            let edited = lines.joined(separator: "\n")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: folder + "/t.md"))
            shell.run(line: "record \(folder)/t.md --append --keep-pii")
            let checked = Result { try TranscriptChecker(expected: edited, path: "t.md").replay(on: try fixture.shell().shell) }
            return (edited, output.err, checked)
        }
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        let open = try #require(lines.firstIndex { $0 == "~~~kops" }) + 1
        // Above the blank and clock lines before the next block: the line after the block's ``` (0-based `close`).
        let close = try #require(lines.indices.first { $0 > open && lines[$0] == "```" })
        let above = close + 2
        let expected = "the ~~~kops block of 'numbers' has no closing ~~~: the next block starts inside it; add a ~~~ line "
            + "above line \(above) (nothing was run or written)"
        guard case .failure(let error as ScriptError) = checked else {
            Issue.record("check did not refuse it: \(checked)")
            return
        }
        #expect(error.message == "t.md:\(open): " + expected, "\(error.message)")
        #expect(refused.contains("t.md:\(open): " + expected), "\(refused)")
        #expect(try String(contentsOfFile: folder + "/t.md", encoding: .utf8) == edited, "nothing is appended to it")
    }
}
