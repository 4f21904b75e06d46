import KapsoClient
import KapsoDiagnostics
import Testing

/// tester60 AH5: a delivery Kapso recorded `delivered` with HTTP 500 was counted a success by `webhooks check` without a
/// word, while the reverse (failed, answered 200) is named. The check now says the two fields disagree.
@Suite struct AH5DeliveredWithErrorTests {
    static let now: Int64 = 1_795_262_400

    static func check(_ http: Int) throws -> [String] {
        let webhook = try Webhook(json: [
            "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
        let delivery = WebhookVerdict.Delivery(
            id: "d1", event: "whatsapp.message.received", status: "delivered", http: http, created: now - 600,
            url: "https://example.com/h", webhookID: "w1")
        return WebhookCheck(webhooks: [webhook], deliveries: ["w1": [delivery]], period: "7d", coverageFor: nil, now: now)
            .findings.map(\.problem)
    }

    @Test func aDeliveredRowAnswered500IsNamed() throws {
        let problems = try Self.check(500)
        #expect(problems.contains { $0.hasPrefix("1 delivery counted delivered although the receiver answered 500 (the newest d1") }, "\(problems)")
    }

    @Test func aDeliveredRowAnswered200IsNot() throws {
        let problems = try Self.check(200)
        #expect(!problems.contains { $0.contains("counted delivered although") }, "\(problems)")
    }
}
