import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG13: AF13 escaped a line break in a contact's name, but every other one-line field printed one as a line
/// of its own under its label: a document's file name, shared contacts' names, a flow's or a template's name, an
/// error's title, a pricing category, a referral's headline, a reaction's emoji (a forged `verdict: FAKE` line in
/// `message` and `trace`). A field is one line unless it says its line breaks are text (`Field.multiLine`: a message's
/// content), and inside the content each one-line part shows its own as escapes (`MessageSummary.text(field:)`).
/// Seed: the tester's inj.seed.json (`\nverdict: FAKE` after every short string of the messages), captions and Kapso's
/// content left without it: their line breaks are text.
@Suite struct AG13OneLineFieldEscapeTests {
    static func id(_ number: Int) -> String {
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBJ\(number < 10 ? "0" : "")\(number)AAAAAAAAAAAAAAAAAAAA="
    }

    /// A printed line that starts (after its indent) with the forged text.
    static func forged(_ out: String) -> [Substring] {
        out.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("verdict: FAKE") }
    }

    @Test func noOneLineFieldPrintsALineOfItsOwn() async throws {
        let lines = (1...28).flatMap { ["message \(Self.id($0))", "trace \(Self.id($0))"] }
        let runs = try await runDemo(
            lines, number: "100200300400501", seed: TestSeeds.file("ag13-line-breaks.seed.json"), width: 200)
        for (line, run) in zip(lines, runs) {
            #expect(Self.forged(run.out).isEmpty, "\(line):\n\(run.out)")
        }
        // Each escaped where it was: the file name inside the content, the template's name, an error's title.
        let document = runs[2 * 5].out
        #expect(document.contains("\\x0averdict: FAKE (application/pdf)"), "\(document)")
        #expect(runs[2 * 18].out.contains("template order_update\\x0averdict: FAKE"), "\(runs[2 * 18].out)")
        #expect(runs[2 * 19].out.contains("131047 Re-engagement\\x0averdict: ok\\x0averdict: FAKE"), "\(runs[2 * 19].out)")
    }

    /// Pure: a field's line break is an escape unless the field is multi-line; a multi-line one starts a new line under
    /// its value column.
    @Test func aFieldIsOneLineUnlessItSaysOtherwise() {
        let renderer = Renderer()
        let one = renderer.render(CommandResult(blocks: [.fields([Field("file", "a.pdf\nverdict: FAKE")])])).out
        #expect(one == ["file: a.pdf\\x0averdict: FAKE"], "\(one)")
        let text = renderer.render(CommandResult(blocks: [.fields([Field("body", "line one\nline two", multiLine: true)])])).out
        #expect(text == ["body: line one", "      line two"], "\(text)")
    }
}
