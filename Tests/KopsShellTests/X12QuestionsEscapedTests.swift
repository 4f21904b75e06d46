import KopsShell
import KopsTestSupport
import Testing

/// tester55 X12: a yes/no question names API text (a webhook's URL, a stored header's name, a contact's name); when it
/// wrapped, its first lines were written to the terminal raw, and an OSC sequence in a webhook URL set the terminal's
/// title at `webhooks delete`'s "[y/N]" (the last line, the prompt, lost only its ESC and BEL). Questions are escaped as
/// every other output is. Seed `x12-hostile-question.seed.json`: one webhook whose URL and header name hold OSC sequences.
@Suite struct X12QuestionsEscapedTests {
    static let webhook = "11111111-0000-4000-8000-0000000000a1"

    @Test(arguments: [40, 200])
    func aQuestionNamingHostileTextIsEscapedWrappedOrNot(width: Int) async throws {
        let asked = Asked(answer: false)
        let ran = try await runDemo(
            ["webhooks delete \(Self.webhook)", "webhooks update \(Self.webhook) --headers '{\"X-New\":\"1\"}'"],
            number: "100200300400501", seed: TestSeeds.file("x12-hostile-question.seed.json"), interactive: true,
            confirm: asked.confirm, width: width)
        let questions = asked.questions
        #expect(questions.count == 2, "\(questions) \(ran.map(\.err))")
        let shown = ran.map { $0.out + $0.err }.joined(separator: "") + questions.joined(separator: "")
        #expect(!shown.contains("\u{1B}") && !shown.contains("\u{07}"), "\(shown.debugDescription)")
        #expect(shown.contains("\\x1b]0;PWNED-URL\\x07x"), "\(shown)")
        #expect(shown.contains("X-Evil\\x1b]0;PWNED-HDR\\x07"), "\(shown)")
    }
}
