import Foundation
import KapsoClient
import KapsoDiagnostics
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62b AM8: `webhooks create --secret-key thanks` was accepted without a word, then every reply saying thanks was
/// refused as holding "a value kops holds as a signing secret (a webhook's secret_key, or a secret given to verify)",
/// naming no webhook. Main's build printed the created webhook with no warning, and `webhooks check` was silent on it.
/// Now the write warns (length, what to do), `webhooks check` warns, and the refusal names the webhook and the fix.
@Suite struct AM8WeakWebhookSecretTests {
    static let contact = "+14155550142"

    @Test func aWordAsSecretIsWarnedAtCreateAndNamedByTheRefusal() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let create = "webhooks create --url https://hooks.example.test/weak --events whatsapp.message.received --secret-key thanks"
            #expect(shell.run(line: create) == .ok, "\(output.err)")
            let all = output.out + output.err
            #expect(all.contains("warning: this secret_key is 6 characters, letters only: easy to guess, so deliveries can be forged, and kops refuses"), "\(all)")
            #expect(all.contains("openssl rand -hex 32"), "\(all)")
            guard let id = try fixture.client().allWebhooks(.phoneNumber(Demo.support)).first(where: { $0.url.hasSuffix("/weak") })?.id
            else { Issue.record("not created"); return }
            #expect(shell.run(line: "reply --dry-run --to \(Self.contact) thanks for your order") == .usage, "\(output.err)")
            #expect(output.err.contains("(the secret_key of webhook \(id))"), "\(output.err)")
            #expect(output.err.contains("webhook \(id)'s secret_key is 6 characters, letters only"), "\(output.err)")
            #expect(output.err.contains("webhooks update \(id) --secret-key NEW"), "\(output.err)")
        }
    }

    @Test func aWordAsSecretIsWarnedAtUpdate() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            let id = try fixture.client().allWebhooks(.phoneNumber(Demo.support)).first { $0.kind == "kapso" }?.id ?? ""
            #expect(shell.run(line: "webhooks update \(id) --secret-key 2026") == .ok, "\(output.err)")
            let all = output.out + output.err
            #expect(all.contains("warning: this secret_key is 4 characters, digits only: easy to guess, so deliveries can be forged; give"), "\(all)")
        }
    }

    /// A random secret, kops's own generated one and the demo's are no finding; a word, a number or a short one are.
    @Test func webhooksCheckWarnsOfAWeakSecret() throws {
        func problems(_ secret: String) throws -> [String] {
            let webhook = try Webhook(json: [
                "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
                "active": true, "phone_number_id": "100", "secret_key": .string(secret), "payload_version": "v2",
            ])
            return WebhookCheck(
                webhooks: [webhook], deliveries: [:], period: "7d", coverageFor: "100", projectNumbers: ["100"], apiIsLocal: false
            ).findings.map { "\($0.severity.rawValue): \($0.problem) | \($0.fix)" }
        }
        let thanks = try problems("thanks")
        #expect(thanks.count == 1 && thanks[0].hasPrefix("warning: secret_key is 6 characters, letters only: easy to guess"), "\(thanks)")
        #expect(thanks.first?.contains("webhooks update w1 --secret-key NEW, with NEW from 'openssl rand -hex 32'") == true, "\(thanks)")
        #expect(try problems("correcthorsebatterystaple").first?.contains("25 characters, letters only") == true)
        #expect(try problems("whsec_x1").first?.contains("secret_key is 8 characters:") == true)
        for strong in ["whsec_0123456789abcdef0123456789abcdef", "whsec_demo_123", "not-prefixed-secret-value-7788"] {
            #expect(try problems(strong) == [], "\(strong)")
        }
    }
}
