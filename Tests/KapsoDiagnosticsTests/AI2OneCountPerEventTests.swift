import KapsoClient
import KapsoDiagnostics
import Testing

/// tester61 AI2: three active webhooks of one number on one URL, the second without whatsapp.message.delivered. `webhooks
/// check` counted each line's copies by its own pairing: the second's line said whatsapp.message.received "is delivered
/// 3 times", the third's said "every whatsapp.message.received, whatsapp.message.delivered is delivered twice". Every line
/// now counts each event over every active webhook on the URL (`WebhookCopies`), so one event has one count.
@Suite struct AI2OneCountPerEventTests {
    static let received = "whatsapp.message.received"
    static let status = "whatsapp.message.delivered"

    static func webhook(_ id: String, _ events: [String]) throws -> Webhook {
        try Webhook(json: [
            "id": .string(id), "url": "https://example.com/h", "kind": "kapso", "events": .array(events.map { .string($0) }),
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
        ])
    }

    @Test func everyLineGivesAnEventTheSameCount() throws {
        let webhooks = [
            try Self.webhook("w1", [Self.received, Self.status]), try Self.webhook("w2", [Self.received]),
            try Self.webhook("w3", [Self.received, Self.status]),
        ]
        let check = WebhookCheck(webhooks: webhooks, deliveries: [:], period: "7d", coverageFor: nil)
        let problems = check.findings.map(\.problem).filter { $0.contains("also active") }
        #expect(problems.count == 2, "\(problems)")
        for problem in problems {
            #expect(problem.contains("every \(Self.received) is delivered 3 times (3 active webhooks on this URL)"), "\(problem)")
            #expect(!problem.contains("\(Self.received) is delivered twice"), "\(problem)")
            #expect(!problem.contains("\(Self.received), \(Self.status)"), "\(problem)")
        }
        let third = try #require(problems.first { $0.contains(Self.status) })
        #expect(third.hasSuffix("every \(Self.status) twice"), "\(third)")
    }

    @Test func theCreateWarningCountsAsTheCheckDoes() throws {
        let webhooks = [try Self.webhook("w1", [Self.received, Self.status]), try Self.webhook("w2", [Self.received])]
        let copies = WebhookCopies(webhooks + [try Self.webhook("w3", [Self.received, Self.status])])
        #expect(
            copies.duplicates(of: try Self.webhook("w3", [Self.received, Self.status]))
                == "every \(Self.received) is delivered 3 times (3 active webhooks on this URL), every \(Self.status) twice")
    }
}
