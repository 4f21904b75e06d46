import Foundation
import KopsShell
import Testing

/// tester57 AB4: edits that change no content read as "output changed" in every block, with `--update` advised: the
/// blank lines between blocks removed, spaces after a prompt line (Markdown's hard break), `...` for the `…` of kops's
/// prompt (an ASCII-only copy). They are no difference now, and `--update` keeps them; a real change still is one.
@Suite struct AB4LookAlikeEditsTests {
    /// `state` and two `explain`s recorded offline with a number selected (its prompt shows `…0501`).
    private static func recorded() throws -> String {
        let offline = OfflineShell()
        offline.shell.context.session.phoneNumberID = "100200300400501"
        let recorder = try offline.recording()
        for line in ["state", "explain 131047", "explain 131026"] { offline.shell.run(line: line) }
        return recorder.text
    }

    /// `text` with `edit` applied to every block.
    static func edited(_ text: String, _ edit: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch edit {
        case "no blank lines between blocks":
            lines = lines.enumerated().filter { index, line in !(line.isEmpty && index > 0 && lines[index - 1] == "```") }.map(\.1)
        case "spaces after prompts":
            lines = lines.map { $0.hasPrefix("kops(") ? $0 + "  " : $0 }
        case "ascii prompts":
            lines = lines.map { $0.hasPrefix("kops(") ? $0.replacingOccurrences(of: "…", with: "...") : $0 }
        default:
            for other in ["no blank lines between blocks", "spaces after prompts", "ascii prompts"] {
                lines = edited(lines.joined(separator: "\n"), other).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text without the newlines it ends with (the file may end right after its last fence).
    private static func trimmed(_ text: String) -> Substring {
        text.dropLast(text.reversed().prefix { $0 == "\n" }.count)
    }

    static let edits = ["no blank lines between blocks", "spaces after prompts", "ascii prompts", "all three"]

    @Test(arguments: edits)
    func aLookAlikeEditIsNoDifference(_ edit: String) throws {
        let file = Self.edited(try Self.recorded(), edit)
        #expect(file != (try Self.recorded()))
        let outcome = try TranscriptChecker(expected: file, path: "v_noblank.md").replay(on: OfflineShell().shell)
        #expect(outcome.commands == 3)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(!outcome.updateChanges)
    }

    /// A changed output line is still a difference, and `--update` restores it while it keeps the edit.
    @Test(arguments: edits)
    func aRealChangeIsStillCaughtAndUpdateKeepsTheEdit(_ edit: String) throws {
        let recorded = try Self.recorded()
        var lines = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prompt = try #require(lines.firstIndex { $0.hasSuffix("> explain 131026") })
        lines[prompt + 1] += " (edited)"
        let file = Self.edited(lines.joined(separator: "\n"), edit)
        let outcome = try TranscriptChecker(expected: file, path: "v_noblank.md").replay(on: OfflineShell().shell)
        #expect(outcome.diff.contains { $0.hasSuffix(" (edited)") })
        #expect(outcome.diff.filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count == 2, "\(outcome.diff)")
        #expect(Self.trimmed(outcome.updated) == Self.trimmed(Self.edited(recorded, edit)))
    }

    /// The prompt's profile and number are kops's facts: `...` for another number is a difference.
    @Test func anotherNumberInAnASCIIPromptIsADifference() throws {
        let file = Self.edited(try Self.recorded(), "ascii prompts").replacingOccurrences(
            of: "kops(default:...0501)> explain 131047", with: "kops(default:...0502)> explain 131047")
        let outcome = try TranscriptChecker(expected: file, path: "v_dots.md").replay(on: OfflineShell().shell)
        #expect(outcome.diff.contains("-kops(default:...0502)> explain 131047"), "\(outcome.diff)")
    }
}
