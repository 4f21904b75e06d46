import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62b AM2: a webhook's signing secret upper-cased or base64-encoded was shown `<redacted>` in `reply`'s dry run and
/// question and kept out of history, yet only noted ("receives it as typed") and sent; a webhook create with it in
/// `--headers` went through. Main's build: `the text holds a value kops holds as a secret, shown masked here; Zoe Quinn
/// (14155550171) receives it as typed`. One rule now: what the redactor masks as a held signing secret, a write refuses.
@Suite struct AM2MaskedSigningSecretFormsTests {
    static let contact = "+14155550142"
    static let secret = "correcthorsebatterystaple"
    /// The secret's base64 (`Y29ycmVjdGhvcnNlYmF0dGVyeXN0YXBsZQ==`).
    static let base64 = Data(secret.utf8).base64EncodedString()

    private func shellHoldingTheSecret(_ fixture: SimulatorFixture) throws -> (Shell, BufferOutput, String) {
        let webhook = try fixture.client().createWebhook(
            .phoneNumber(Demo.support),
            fields: ["url": .string("https://hooks.example.test/cs"), "kind": .string("kapso"), "secret_key": .string(Self.secret),
                "events": .array([.string("whatsapp.message.received")])])
        let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
        #expect(shell.run(line: "webhooks get \(webhook.id)") == .ok, "\(output.err)")
        return (shell, output, webhook.id)
    }

    private func outboundBodies(_ fixture: SimulatorFixture) throws -> [String] {
        try fixture.client().messages(filters: [("direction", "outbound")], limit: 100).items.compactMap {
            $0.json["text"]?["body"]?.string
        }
    }

    @Test(arguments: ["the code is CORRECTHORSEBATTERYSTAPLE", "the code is \(base64)", "code: CorrectHorseBatteryStaple."])
    func aMaskedFormOfTheSecretIsRefused(_ text: String) async throws {
        try await withSimulator { fixture in
            let (shell, output, id) = try shellHoldingTheSecret(fixture)
            #expect(shell.run(line: "reply --to \(Self.contact) \(text)") == .usage, "\(output.err)")
            #expect(output.err.contains("holds a value kops holds as a signing secret (the secret_key of webhook \(id))"), "\(output.err)")
            #expect(output.err.contains("nothing was sent; take it out, or --send-secret to send it as typed"), "\(output.err)")
            #expect(try !outboundBodies(fixture).contains(text))
        }
    }

    /// Text the redactor leaves as it is goes as before: the words of the passphrase apart are no form of it.
    @Test func theWordsApartAreSent() async throws {
        try await withSimulator { fixture in
            let (shell, output, _) = try shellHoldingTheSecret(fixture)
            #expect(shell.run(line: "reply --to \(Self.contact) the code is correct horse battery staple") == .ok, "\(output.err)")
            #expect(try outboundBodies(fixture).contains("the code is correct horse battery staple"))
        }
    }

    @Test func aWebhookHeaderHoldingTheBase64IsNotCreated() async throws {
        try await withSimulator { fixture in
            let (shell, output, _) = try shellHoldingTheSecret(fixture)
            let line = "webhooks create --url https://hooks.example.test/cs4 --events whatsapp.message.received "
                + "--secret-key whsec_0123456789abcdef0123 --headers '{\"X-Auth\":\"\(Self.base64)\"}'"
            #expect(shell.run(line: line) == .usage, "\(output.err)")
            #expect(output.err.contains("--headers holds a value kops holds as a signing secret"), "\(output.err)")
            #expect(try fixture.client().allWebhooks(.phoneNumber(Demo.support)).allSatisfy { !$0.url.hasSuffix("/cs4") })
        }
    }
}
