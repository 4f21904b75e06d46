import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53 T1: at 80 columns `webhooks check`'s finding about a webhook whose URL has a secret in its query was
/// wrapped for the URL's raw length and redacted after: a short URL's line grew by `<redacted>` past column 80, and a
/// long URL's query, cut onto a line of its own, lost the `):` after it to the redaction. Prose is now redacted first.
@Suite struct T1ProseRedactedBeforeWrapTests {
    private func check(url: String) async throws -> String {
        try await withSimulator { fixture in
            let webhook = try fixture.client().createWebhook(
                .phoneNumber("100200300400501"),
                fields: ["url": .string(url), "kind": .string("kapso"), "secret_key": .string("whsec_t1_0123456789"),
                    "events": .array([.string("whatsapp.message.received")]), "payload_version": .string("v1")])
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.terminalWidth = { 80 }
            _ = shell.run(line: "webhooks check \(webhook.id)")
            return output.out + output.err
        }
    }

    @Test func aShortURLsLineStaysWithinTheWidth() async throws {
        let shown = try await check(url: "https://h.test/k?token=abcdef&sig=zzzzzz")
        #expect(shown.contains("(https://h.test/k?token=<redacted>&sig=<redacted>): uses legacy v1"), "\(shown)")
        let wide = shown.split(separator: "\n").filter { $0.count > 80 && !$0.hasPrefix("       webhooks ") }
        #expect(wide.isEmpty, "\(wide)")
    }

    /// In a terminal the long URL was cut at its `?` and the `):` lost; this shell's output keeps the word whole, so
    /// this test passes on the old code too: it pins that redacting first drops nothing and leaves no secret.
    @Test func aLongURLsQueryKeepsTheTextAfterIt() async throws {
        let shown = try await check(url: "https://hooks.acme-demo.test/kapso/" + String(repeating: "W", count: 27) + "whatsapp?token=abcdef&sig=zzzzzz")
        #expect(shown.contains("&sig=<redacted>):\n"), "\(shown)")
        #expect(!shown.contains("abcdef") && !shown.contains("zzzzzz"), "\(shown)")
    }
}
