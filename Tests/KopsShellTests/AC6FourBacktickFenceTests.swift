import Foundation
import KopsShell
import Testing

/// tester57b AC6: a transcript whose fences became four backticks (```` ````kops ```` … ```` ```` ````, valid CommonMark,
/// what tools write when nesting) was read, but every fence line was a "difference" and check advised `--update`, which
/// wrote the recorder's ```` ``` ```` fences over the user's. Blocks are compared by their lines, not their fences, and
/// `--update` keeps the file's fences (`~~~` ones too).
@Suite struct AC6FourBacktickFenceTests {
    /// `state` and `explain` recorded offline with a number selected.
    private static func recorded() throws -> String {
        let offline = OfflineShell()
        offline.shell.context.session.phoneNumberID = "100200300400501"
        let recorder = try offline.recording()
        for line in ["state", "explain 131047"] { offline.shell.run(line: line) }
        return recorder.text
    }

    /// `text` with each ```` ```kops ```` fence and its closing ```` ``` ```` written with `fence` instead.
    static func refenced(_ text: String, with fence: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line == "```kops" ? fence + "kops" : line == "```" ? fence : String(line)
        }.joined(separator: "\n")
    }

    @Test(arguments: ["````", "`````", "~~~", "~~~~"])
    func otherFencesAreNoDifference(_ fence: String) throws {
        let file = Self.refenced(try Self.recorded(), with: fence)
        let outcome = try TranscriptChecker(expected: file, path: "v_4tick.md").replay(on: OfflineShell().shell)
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(!outcome.updateChanges)
        #expect(TranscriptParser.inFileForm(outcome.updated, like: file) == file)
    }

    /// A changed line inside such a block is still a difference, and `--update` writes the replay with the file's fences.
    @Test(arguments: ["````", "~~~"])
    func aChangedLineIsStillOneAndUpdateKeepsTheFences(_ fence: String) throws {
        let recorded = try Self.recorded()
        var lines = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let prompt = try #require(lines.firstIndex { $0.hasSuffix("> explain 131047") })
        lines[prompt + 1] += " (edited)"
        let file = Self.refenced(lines.joined(separator: "\n"), with: fence)
        let outcome = try TranscriptChecker(expected: file, path: "v_4tick.md").replay(on: OfflineShell().shell)
        #expect(outcome.diff.contains { $0.hasSuffix(" (edited)") })
        #expect(outcome.updateChanges)
        #expect(TranscriptParser.inFileForm(outcome.updated, like: file) == Self.refenced(recorded, with: fence))
    }

    /// A block whose output holds a line of backticks keeps a fence longer than it: a 4-backtick fence around a
    /// ```` ```` ```` line would close early, so `--update` writes the recorder's longer one there.
    @Test func aFenceTheOutputWouldCloseIsNotKept() {
        let original = "# kops transcript\n\n````kops\nkops(default)> x\n````\n\nnote\n"
        let updated = "# kops transcript\n\n`````kops\nkops(default)> x\n````\n`````\n\nnote\n"
        #expect(TranscriptParser.inFileForm(updated, like: original) == updated)
    }
}
