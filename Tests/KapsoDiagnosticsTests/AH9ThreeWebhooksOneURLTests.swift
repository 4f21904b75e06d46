import KapsoClient
import KapsoDiagnostics
import Testing

/// tester60 AH9: three active webhooks of one number on one URL, all subscribed to whatsapp.message.received: `webhooks
/// check` paired each later one with the first and said "every whatsapp.message.received is delivered twice", but each
/// event reaches the receiver three times, the count an engineer quotes. Each finding now counts every copy.
@Suite struct AH9ThreeWebhooksOneURLTests {
    static func webhook(_ id: String) throws -> Webhook {
        try Webhook(json: [
            "id": .string(id), "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x0123456789ab", "payload_version": "v2",
        ])
    }

    @Test func threeOnOneURLAreDeliveredThreeTimes() throws {
        let check = WebhookCheck(
            webhooks: [try Self.webhook("w1"), try Self.webhook("w2"), try Self.webhook("w3")], deliveries: [:], period: "7d",
            coverageFor: nil)
        let problems = check.findings.map(\.problem)
        #expect(problems.count == 2, "\(problems)")
        for problem in problems {
            #expect(
                problem.hasSuffix("also active: every whatsapp.message.received is delivered 3 times (3 active webhooks on this URL)"),
                "\(problem)")
        }
    }
}
