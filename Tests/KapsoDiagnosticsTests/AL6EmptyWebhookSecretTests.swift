import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AL6: a webhook whose `secret_key` is the empty string (the contract makes it nullable and PATCH can set it)
/// passed `webhooks check` silently while a null one got a warning: Kapso signs its deliveries with an empty HMAC key,
/// which anyone can compute. Main's build said "checked 1 webhook: 0 errors, 0 warnings, 0 info" for it.
@Suite struct AL6EmptyWebhookSecretTests {
    private func problems(secret: JSONValue) throws -> [String] {
        let webhook = try Webhook(json: [
            "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": secret, "payload_version": "v2",
        ])
        return WebhookCheck(
            webhooks: [webhook], deliveries: [:], period: "7d", coverageFor: "100", projectNumbers: ["100"], apiIsLocal: false
        ).findings.map { "\($0.severity.rawValue): \($0.problem)" }
    }

    @Test func anEmptyOrBlankSecretIsAWarning() throws {
        let warning = "warning: secret_key is empty: deliveries are signed with an empty key, which anyone can forge and a "
            + "receiver that requires a secret rejects"
        #expect(try problems(secret: "") == [warning])
        // Blanks are named as blanks, not "empty" (tester62b AM4).
        #expect(
            try problems(secret: "  ")
                == ["warning: secret_key is only blanks (2 spaces): deliveries are signed with a key anyone can guess, and a "
                    + "receiver that trims its copy of the secret holds an empty one and rejects them"])
        #expect(try problems(secret: "whsec_0123456789abcdef") == [])
    }

    @Test func onlyAPresentBlankValueCountsAsBlank() throws {
        let url: JSONValue = "https://example.com/h"
        #expect(SecretKeyState(try Webhook(json: ["id": "w", "url": url, "secret_key": ""])) == .empty)
        #expect(SecretKeyState(try Webhook(json: ["id": "w", "url": url, "secret_key": "whsec_x"])) == .set)
        #expect(SecretKeyState(try Webhook(json: ["id": "w", "url": url])) == .absent)
        #expect(SecretKeyState(try Webhook(json: ["id": "w", "url": url, "secret_key": .null])) == .absent)
    }
}
