import KapsoClient
import KapsoDiagnostics
@testable import KopsShell
import Testing

/// tester61 AH17: `webhooks check` fixes pasted the receiver's URL unquoted (`?a=1&b=2` split the kops line at nothing
/// but read oddly in a shell, and a space or `#` broke it) and masked (`?token=<redacted>`: a command that runs and
/// makes a webhook to the wrong URL). The URL is a quoted word now (`ShellWord`), and a URL holding a secret is the
/// placeholder URL with one sentence saying what to put there.
@Suite struct AH17PastableWebhookFixTests {
    static func webhook(_ url: String) throws -> Webhook {
        try Webhook(json: [
            "id": "w1", "url": .string(url), "kind": "kapso", "events": ["whatsapp.message.received"], "active": true,
            "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
    }

    static func schemeFix(_ url: String) throws -> String {
        let check = WebhookCheck(webhooks: [try webhook(url)], deliveries: [:], period: "7d", coverageFor: nil)
        return try #require(check.findings.first { $0.fix.contains("--url") }?.fix)
    }

    @Test func aURLWithAQueryIsQuotedInTheFix() throws {
        let fix = try Self.schemeFix("http://hooks.example.com/in?a=1&b=2")
        #expect(fix.contains(#"webhooks update w1 --url "https://hooks.example.com/in?a=1&b=2""#), "\(fix)")
    }

    @Test func aURLHoldingASecretBecomesAPlaceholderWithItsReason() throws {
        let url = "http://hooks.example.com/in?token=Zq8vR2mK7pL4xW9nB3cT6yH1"
        let redactor = Redactor()
        #expect(redactor.redact(url) != url, "the redactor masks this URL")
        let fix = PastableFix.text(try Self.schemeFix(url), urls: [url], redactor: redactor)
        #expect(fix.contains("webhooks update w1 --url URL"), "\(fix)")
        #expect(fix.hasSuffix("URL stands for the receiver's URL, which holds a secret kops does not print: put it there yourself, in double quotes"))
        #expect(!redactor.redact(fix).contains("<redacted>"), "\(fix)")
    }

    @Test func aURLWithoutASecretIsKept() throws {
        let url = "http://hooks.example.com/in?a=1&b=2"
        let fix = try Self.schemeFix(url)
        #expect(PastableFix.text(fix, urls: [url], redactor: Redactor()) == fix)
    }
}
