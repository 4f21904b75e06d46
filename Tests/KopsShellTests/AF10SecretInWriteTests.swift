import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester59 AF10: `reply` sent kops's own API key, a webhook signing secret or a Meta token to the contact in clear,
/// while its question and `--dry-run` showed the text masked; `webhooks create` put the project's key in a receiver's
/// header or URL without a word. tester59 AF6: `logs search --filter KEY=whsec_…` sent the secret into Kapso's logs.
@Suite struct AF10SecretInWriteTests {
    static let contact = "+14155550142"

    /// The bodies of the number's outbound messages as the simulator holds them.
    private func outboundBodies(_ fixture: SimulatorFixture) throws -> [String] {
        try fixture.client().messages(filters: [("direction", "outbound")], limit: 100).items.compactMap {
            $0.json["text"]?["body"]?.string
        }
    }

    @Test(arguments: [
        ("here is the key test_key_0123456789 ok", "kops's own Kapso API key (the key this session sends)"),
        ("key test_key_012345678 minus one", "kops's own Kapso API key (the key this session sends)"),
        ("key TEST_KEY_0123456789 upper-cased", "kops's own Kapso API key (the key this session sends)"),
        ("hook secret whsec_Zq9xT7pL2mN4vB8k", "a webhook signing secret (whsec_…)"),
        ("token EAAGm0PX4ZCpsBAKZAxyz1234567890abcdef", "a Meta access token (EAA…)"),
    ])
    func aReplyHoldingASecretIsRefusedAndNothingIsSent(_ text: String, named: String) async throws {
        try await withSimulator { fixture in
            let before = try outboundBodies(fixture)
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            for line in ["reply --to \(Self.contact) \(text)", "reply --to \(Self.contact) --dry-run \(text)"] {
                let status = shell.run(line: line)
                #expect(status == .usage, "\(line): \(output.err)")
            }
            #expect(output.err.contains("reply: the text holds \(named), shown masked on screen"), "\(output.err)")
            #expect(output.err.contains("would receive it in clear; nothing was sent"), "\(output.err)")
            #expect(!output.out.contains("\"body\""), "the dry run printed a request: \(output.out)")
            #expect(try outboundBodies(fixture) == before)
        }
    }

    /// A value only masked on screen (a word shaped like a key, a link's token or password) is what customers are sent every
    /// day (tester59b AG4: a Zoom invite, an unsubscribe link were refused): it goes as typed, and a note says so first.
    @Test(arguments: [
        "use sk_live_abcdefghijklmnop1234 now",
        "join https://us02web.zoom.us/j/85012345678?pwd=Zx81aBcDeFgHiJkLmNoPqRsTuV",
        "unsubscribe: https://example.com/unsubscribe?token=abc123def456ghi789jkl",
    ])
    func aMaskedValueIsSentWithANote(_ text: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "reply --to \(Self.contact) '\(text)'") == .ok, "\(output.err)")
            #expect((output.out + output.err).contains("the text holds "), "\(output.out)")
            #expect((output.out + output.err).contains("receives it as typed"), "\(output.out)")
            #expect(try outboundBodies(fixture).contains(text))
        }
    }

    /// A webhook secret or a Meta token goes only with `--send-secret` (tester59b AG17), which says so.
    @Test func sendSecretSendsAWebhookSecretWithANote() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "reply --to \(Self.contact) --send-secret hook secret whsec_Zq9xT7pL2mN4vB8k") == .ok, "\(output.err)")
            #expect((output.out + output.err).contains("--send-secret: the text holds a webhook signing secret"), "\(output.out)")
            #expect(try outboundBodies(fixture).contains("hook secret whsec_Zq9xT7pL2mN4vB8k"))
        }
    }

    /// kops's own key is never sent, `--send-secret` or not; a template value is read as the text is.
    @Test(arguments: [
        "reply --to \(contact) --force --send-secret key test_key_0123456789",
        "reply --to \(contact) --force --send-secret --template part_ready --param customer_name=Lee --param order_id=test_key_0123456789",
    ])
    func theOwnKeyIsNeverSent(_ line: String) async throws {
        try await withSimulator { fixture in
            let before = try outboundBodies(fixture)
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: line) == .usage, "\(output.out)\n\(output.err)")
            #expect(output.err.contains("kops's own Kapso API key"), "\(output.err)")
            #expect(output.err.contains("kops never sends its own API key"), "\(output.err)")
            #expect(try outboundBodies(fixture) == before)
        }
    }

    /// An ordinary reply is untouched.
    @Test func anOrdinaryReplyGoes() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "reply --to \(Self.contact) see you at 10") == .ok, "\(output.err)")
            #expect(try outboundBodies(fixture).contains("see you at 10"))
        }
    }

    @Test(arguments: [
        "webhooks create --url https://hooks.example.net/in --events whatsapp.message.received --headers '{\"X-API-Key\":\"test_key_0123456789\"}'",
        "webhooks create --url 'https://hooks.example.net/in?apikey=test_key_0123456789' --events whatsapp.message.received",
    ])
    func aWebhookCarryingTheOwnKeyIsNotCreated(_ line: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            #expect(shell.run(line: "webhooks") == .ok)
            let listed = output.out
            #expect(shell.run(line: line) == .usage, "\(output.err)")
            #expect(output.err.contains("holds kops's own Kapso API key"), "\(output.err)")
            #expect(output.err.contains("the receiver at hooks.example.net (with every delivery) would receive it in clear"), "\(output.err)")
            #expect(shell.run(line: "webhooks") == .ok)
            #expect(output.out.components(separatedBy: "hooks.example.net").count == listed.components(separatedBy: "hooks.example.net").count)
        }
    }

    /// A receiver's own key in a header is what `--headers` is for.
    @Test func aReceiversOwnKeyInAHeaderIsCreated() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let line = "webhooks create --url https://hooks.example.net/in --events whatsapp.message.received --headers '{\"X-Receiver-Key\":\"rk_0123456789abcdef\"}'"
            #expect(shell.run(line: line) == .ok, "\(output.err)")
            #expect(output.out.contains("created webhook"), "\(output.out)")
        }
    }

    @Test(arguments: [
        ("logs search --filter whatsapp_message_id=whsec_Zq9xT7pL2mN4vB8k", "logs search --filter whatsapp_message_id: this is a webhook signing secret"),
        ("logs search failed whsec_Zq9xT7pL2mN4vB8k", "logs search: this is a webhook signing secret"),
        ("logs search EAAGm0PX4ZCpsBAKZAxyz1234567890abcdef", "logs search: this is a Meta access token"),
    ])
    func aLogSearchHoldingACredentialIsRefused(_ line: String, said: String) async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().requests
            #expect(shell.run(line: line) == .usage, "\(output.err)")
            #expect(output.err.contains(said), "\(output.err)")
            #expect(fixture.counters().requests == before)
        }
    }
}
