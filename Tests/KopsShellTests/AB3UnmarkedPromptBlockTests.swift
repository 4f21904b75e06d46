import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB3: a block whose fence lost its `kops` mark (```` ``` ````, ```` ```text ````, as ticket systems leave it),
/// or a prompt line whose opening fence was deleted, was skipped in silence: "no commands recorded", a diff of every later
/// block, or "output unchanged" with a changed verdict in it. It is named now, and the check is partial.
@Suite struct AB3UnmarkedPromptBlockTests {
    private static let prompt = "kops(default)> explain 131047"
    private static let reason =
        "a block with no 'kops' mark that starts with a kops prompt; mark it ```kops to have it replayed"

    @Test(arguments: [
        "```\n\(prompt)\nout\n```\n", "```text\n\(prompt)\nout\n```\n", "~~~\n\(prompt)\n~~~\n",
        "\(prompt)\nout\n```\n", "<!-- clock: 2026-11-21T12:00:00Z -->\n\(prompt)\nout\n",
    ])
    func aPromptBlockWithoutTheMarkIsNamed(_ block: String) {
        let text = "# kops transcript\n\n" + block
        #expect(TranscriptParser.commonMarkRead(text).unread.map(\.reason) == [Self.reason])
        #expect(TranscriptParser.commonMarkRead(text).unread.first?.line == 3 + (block.hasPrefix("<!--") ? 1 : 0))
    }

    /// A prompt quoted further down a text block, or below another prompt of its paragraph, is text.
    @Test(arguments: [
        "```text\nwhat I typed:\n\(prompt)\n```\n", "\(prompt)\n\(prompt)\n",
        "```\nnote\n```\n```kops\n\(prompt)\nout\n```\n",
    ])
    func aQuotedPromptIsText(_ block: String) {
        let text = "# kops transcript\n\n" + block
        #expect(TranscriptParser.commonMarkRead(text).unread.count == (block.hasPrefix("\(Self.prompt)\n\(Self.prompt)") ? 1 : 0))
    }

    /// Recorded offline: `explain 131047`, `explain 470`, `explain 131026`.
    private static func recorded() throws -> String {
        let offline = OfflineShell()
        let recorder = try offline.recording()
        for line in ["explain 131047", "explain 470", "explain 131026"] { offline.shell.run(line: line) }
        return recorder.text
    }

    @Test func everyMarkLostNamesEveryBlockAndChecksNothing() throws {
        let text = try Self.recorded().replacingOccurrences(of: "```kops\n", with: "```\n")
        let outcome = try TranscriptChecker(expected: text).replay(on: OfflineShell().shell)
        #expect(outcome.commands == 0)
        #expect(outcome.unreadBlocks.count == 3)
    }

    /// The `explain 470` block lost its opening fence: named, and the blocks after it may depend on it.
    @Test func aBlockWithoutItsOpeningFenceIsNamed() throws {
        let recorded = try Self.recorded()
        let text = recorded.replacingOccurrences(of: "```kops\nkops(default)> explain 470\n", with: "kops(default)> explain 470\n")
        #expect(text != recorded)
        let outcome = try TranscriptChecker(expected: text).replay(on: OfflineShell().shell)
        #expect(outcome.commands == 2)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "kops(default)> explain 470" }
        #expect(outcome.unreadBlocks.map(\.line) == [line.map { $0 + 1 } ?? 0])
        #expect(outcome.dependedOn?.command == "explain 470")
    }
}
