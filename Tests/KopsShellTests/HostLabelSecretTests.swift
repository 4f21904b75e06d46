import Foundation
import KapsoClient
@testable import KopsShell
import KopsHTTP
import Testing

/// tester46 L3: a custom header's plain-word value learned as a secret (`--headers '{"X-Token":"acme-demo"}'`) masked
/// every webhook host holding the word (`https://ops.<redacted>.test/...`). The word is shown where it is a label of a
/// host name and masked everywhere else; a token-shaped or long secret is masked in host names too.
@Suite struct HostLabelSecretTests {
    static let word = "acme-demo"
    static let redactor = Redactor(knownSecrets: [Secret("kapso_live_Zx81qP0aLm27"), Secret(word)])

    @Test(arguments: [
        "https://hooks.acme-demo.test/kapso/whatsapp",
        "ops.acme-demo.test  500  4 attempts",
        "https://acme-demo.example/in",
        "hooks.acme-demo.test/kapso/whatsapp → https://ops.acme-demo.test/kapso/conversations",
    ])
    func aPlainWordIsShownAsALabelOfAHost(_ text: String) {
        #expect(Self.redactor.redact(text) == text)
    }

    @Test(arguments: [
        "acme-demo",
        "X-Token: acme-demo",
        "header X-Token is acme-demo",
        "https://hooks.example.test/in?token=acme-demo",
        "https://hooks.example.test/in?x=acme-demo.",
        "the receiver compares it with acme-demo.",
        "https://user:acme-demo@hooks.example.test/in",
        "path /acme-demo.json",
        "acme-demo.acme-demo",
        "sub.acme-demoX.test",
        "{\"X-Token\": \"acme-demo\"}",
    ])
    func aPlainWordIsMaskedAnywhereElse(_ text: String) {
        let shown = Self.redactor.redact(text)
        #expect(!shown.contains(Self.word), "\(shown)")
        #expect(shown.contains("<redacted>"), "\(shown)")
    }

    /// The host keeps its label and the same word as a query value beside it is masked.
    @Test func aHostAndAValueOnOneLineAreToldApart() {
        let shown = Self.redactor.redact("https://hooks.acme-demo.test/in?token=acme-demo sent X-Token: acme-demo")
        #expect(shown.hasPrefix("https://hooks.acme-demo.test/in?"), "\(shown)")
        #expect(shown.components(separatedBy: Self.word).count == 2, "\(shown)")
    }

    /// Canaries: a token-shaped secret (a digit, a capital), one of 32 letters or more, and the API key stay masked
    /// inside host names.
    @Test(arguments: [
        "k3yz9pq2w", "Acme-Demo", "abcdefghijklmnopqrstuvwxyzabcdefgh", "acme_demo", "kapso_live_Zx81qP0aLm27",
    ])
    func aSecretThatIsNoPlainWordIsMaskedInAHost(_ secret: String) {
        let redactor = Redactor(knownSecrets: [Secret("kapso_live_Zx81qP0aLm27"), Secret(secret)])
        let shown = redactor.redact("https://hooks.\(secret).test/kapso and ops.\(secret).test")
        #expect(!shown.contains(secret), "\(shown)")
        #expect(!HostLabelSecrets.isPlainWord(secret))
    }

    /// A webhook's JSON: its URL keeps the host; its custom header's value is masked by field.
    @Test func aWebhookShowsItsHostAndMasksItsHeader() throws {
        let webhook = try JSONValue.parse(
            #"{"id": "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", "url": "https://ops.acme-demo.test/kapso/conversations", "#
                + #""kind": "kapso", "events": [], "active": true, "headers": {"X-Token": "acme-demo"}}"#)
        let shown = Self.redactor.redact(webhook)
        #expect(shown["url"]?.string == "https://ops.acme-demo.test/kapso/conversations")
        #expect(shown["headers"]?["X-Token"]?.string == "<redacted>")
    }
}
