import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL17: `reply` sent a webhook's signing secret to the customer when it was not `whsec_`-shaped
/// (`correcthorsebatterystaple`), with only a note, although kops held it as that webhook's `secret_key`; without a
/// `webhooks get` first it did not even note it. A value kops holds as a signing secret is refused without
/// `--send-secret` whatever its shape.
@Suite struct AL17HeldSigningSecretTests {
    static let contact = "+14155550142"
    static let secret = "correcthorsebatterystaple"
    static let text = "the code is correcthorsebatterystaple"

    private func createWebhook(_ fixture: SimulatorFixture) throws -> Webhook {
        try fixture.client().createWebhook(
            .phoneNumber(Demo.support),
            fields: ["url": .string("https://hooks.example.test/cs"), "kind": .string("kapso"), "secret_key": .string(Self.secret),
                "events": .array([.string("whatsapp.message.received")])])
    }

    private func outboundBodies(_ fixture: SimulatorFixture) throws -> [String] {
        try fixture.client().messages(filters: [("direction", "outbound")], limit: 100).items.compactMap {
            $0.json["text"]?["body"]?.string
        }
    }

    @Test func aWebhookSecretReadInTheSessionIsRefused() async throws {
        try await withSimulator { fixture in
            let webhook = try createWebhook(fixture)
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "webhooks get \(webhook.id)") == .ok, "\(output.err)")
            #expect(shell.run(line: "reply --to \(Self.contact) \(Self.text)") == .usage, "\(output.err)")
            #expect(output.err.contains("holds a value kops holds as a signing secret"), "\(output.err)")
            #expect(output.err.contains("nothing was sent; take it out, or --send-secret to send it as typed"), "\(output.err)")
            #expect(!(output.out + output.err).contains(Self.secret))
            #expect(try !outboundBodies(fixture).contains(Self.text))
        }
    }

    /// A secret given to `verify` (a Meta app secret, a Kapso secret of any shape) is a signing secret too.
    @Test func aSecretGivenToVerifyIsRefusedInADryRun() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            _ = shell.run(line: "verify --secret my-kapso-secret-value --signature sha256=00 --body '{}'")
            #expect(shell.run(line: "reply --dry-run --to \(Self.contact) the secret is my-kapso-secret-value") == .usage, "\(output.err)")
            #expect(output.err.contains("holds a value kops holds as a signing secret"), "\(output.err)")
        }
    }

    @Test func sendSecretSendsItWithANote() async throws {
        try await withSimulator { fixture in
            let webhook = try createWebhook(fixture)
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "webhooks get \(webhook.id)") == .ok, "\(output.err)")
            #expect(shell.run(line: "reply --send-secret --to \(Self.contact) \(Self.text)") == .ok, "\(output.err)")
            #expect((output.out + output.err).contains("--send-secret: the text holds a value kops holds as a signing secret"), "\(output.err)")
            #expect(try outboundBodies(fixture).contains(Self.text))
        }
    }
}
