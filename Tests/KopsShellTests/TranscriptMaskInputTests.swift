import Foundation
import KopsShell
import Testing

/// probe43 P43-13: the placeholders and masked numbers of a masked transcript, typed back from a ticket where an id or a
/// number goes, were read as damaged input ("unexpected argument '1>'", "U+2022 BULLET … is not ASCII"). Each is named as
/// what it is, with where the real value is, on every input path, before any request.
@Suite struct TranscriptMaskInputTests {
    static let advice = "the transcript does not hold the real one: ask whoever recorded it (the lines they typed are in the "
        + "FILE.md.restore kept beside it) or for a recording made with 'record --keep-pii'"

    static func placeholder(_ text: String, _ standsFor: String) -> String {
        "'\(text)' is a placeholder of a masked kops transcript (it stands for \(standsFor)), not the value itself; \(advice)"
    }

    static func number(_ text: String) -> String {
        "'\(text)' is a number masked in a kops transcript (its middle digits are hidden as •), not the number itself; \(advice)"
    }

    /// The usage problem a script check finds in `line`, as printed; nil when it has none.
    private func problem(_ line: String) -> String? {
        let check = ScriptCheck(lines: ScriptLine.parse("use 100200300400501\n" + line), registry: .standard, variables: [], environment: [:])
        return check.problem.map { ErrorReport($0.error).message }
    }

    @Test(arguments: [
        ("trace <message 1>", "trace: " + placeholder("<message 1>", "a WAMID")),
        // `2>` closing the placeholder is no shell redirection here.
        ("trace <message 2>", "trace: " + placeholder("<message 2>", "a WAMID")),
        ("trace '<message 1>'", "trace: " + placeholder("<message 1>", "a WAMID")),
        ("message <message 12>", "message: " + placeholder("<message 12>", "a WAMID")),
        ("reply --message '<message 2>' hi", "reply --message: " + placeholder("<message 2>", "a WAMID")),
        ("reply --message <message 2> hi", "reply: " + placeholder("<message 2>", "a WAMID")),
        ("whois <contact 1>", "whois: " + placeholder("<contact 1>", "a contact's name or WhatsApp username")),
        ("whois 1415•••0171", "whois: " + number("1415•••0171")),
        ("whois +44 207 ••• 0958", "whois: " + number("+44 207 ••• 0958")),
        ("use <user 1>", "use: " + placeholder("<user 1>", "a business-scoped user id")),
        ("health 1415•••0171", "health: " + number("1415•••0171")),
        ("reply --to <user 1> --dry-run hi", "reply: " + placeholder("<user 1>", "a business-scoped user id")),
        ("reply --to '1415•••0171' --dry-run hi", "reply --to: " + number("1415•••0171")),
        ("messages --phone-number 1415•••0171",
         "messages --phone-number: " + number("1415•••0171") + "; its last 4 digits filter the list: messages --phone-number 0171"),
        ("conversations --phone-number '+1 415 ••• 0142'",
         "conversations --phone-number: " + number("+1 415 ••• 0142") + "; its last 4 digits filter the list: conversations --phone-number 0142"),
        ("conversation <conversation 1>", "conversation: '<conversation 1>' is a placeholder (words in < >), not an id; put the id itself in its place"),
        ("webhooks get <group 1>", "webhooks: " + placeholder("<group 1>", "a WhatsApp group id")),
    ])
    func aTranscriptMaskIsNamedWhereAnIDGoes(line: String, message: String) {
        #expect(problem(line) == message)
    }

    /// Ids in brackets (copied out of Markdown) and placeholders in a message's text are not masks to refuse.
    @Test(arguments: ["whois <100200300400501>", "whois US.48210937561029384756", "reply --to +14155550142 Hi <contact 1>", "trace"])
    func otherTextIsReadAsBefore(line: String) {
        #expect(problem(line) == nil)
    }

    /// At the prompt (no script check) the split placeholder is named too, and nothing is sent.
    @Test func theShellNamesASplitPlaceholder() async throws {
        let run = try await runShell(["trace <message 3>", "reply --to <user 1> hi"])
        #expect(run.err == "error: trace: \(Self.placeholder("<message 3>", "a WAMID"))\n"
            + "error: reply: \(Self.placeholder("<user 1>", "a business-scoped user id"))\n")
        #expect(run.statuses == [.usage, .usage])
        #expect(run.requests == 0)
    }
}
