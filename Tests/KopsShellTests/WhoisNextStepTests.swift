import KopsShell
import KopsTestSupport
import Testing

/// Session 36: `whois` of a contact's phone number labelled the command that lists their messages `fix:`, which reads as
/// if something were wrong. An id found as what it is gets `next:`; `fix:` stays where something is wrong.
@Suite struct WhoisNextStepTests {
    @Test(arguments: [
        ("whois +14155550142", "next: messages --phone-number 14155550142"),
        ("whois 100200300400501", "next: use 100200300400501"),
        ("whois 200300400500601", "fix: WABA paths take 200300400500601"),
        ("whois 0100200300400501", "fix: use 100200300400501"),
        ("whois '100200300400501 '", "fix: use 100200300400501"),
    ])
    func theNextStepIsLabelledByWhetherSomethingIsWrong(line: String, label: String) async throws {
        let ran = try await runDemo(line, number: "100200300400501")
        let lines = ran.out.split(separator: "\n").map(String.init)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(lines.count > 1 && lines[1].hasPrefix(label), "\(ran.out)")
    }
}
