import KopsTestSupport
import Testing

/// tester53b U10: a webhook id with a tail copied or encoded with it (`\n`, `+`, `%250A`, `}`) was explained by `whois` and
/// `use`, but `webhooks get/check ID` and `deliveries [stats] --webhook ID` refused it as "character 37 is '\', not a hex
/// digit". They now name the tail by the same rule, in one line, with the id to give.
@Suite struct U10WebhookIDStrayTailTests {
    static let webhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    @Test(arguments: [
        ("webhooks get '\(webhook)\\n'", "a literal '\\n' after it"),
        ("webhooks check \(webhook)%250A", "'%250A' after it (a line break, percent-encoded twice"),
        ("deliveries --webhook \(webhook)+ --period 30d", "a trailing '+' (a space as form encoding writes it"),
        ("deliveries stats --webhook '\(webhook)\\n'", "a literal '\\n' after it"),
        ("webhooks get \(webhook)%7D", "'%7D' after it ('}', percent-encoded: not part of the id)"),
    ])
    func aWebhookIDsTailIsNamedAsWhoisNamesIt(line: String, miss: String) async throws {
        let ran = try await runDemo([line])[0]
        #expect(ran.status == 64, "\(ran.out)\(ran.err)")
        #expect(!ran.err.contains("not a hex digit"), "\(ran.err)")
        #expect(ran.err.contains("expected the id alone: this is \(Self.webhook) with \(miss)"), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
    }
}
