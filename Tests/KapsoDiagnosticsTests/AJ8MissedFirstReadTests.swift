import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester61 AJ8: `webhooks check` said "no delivery since …, although 100+ received messages arrived … (the first at …)"
/// where the "first" was only the oldest of the one page of messages read: the outage was misdated by hours. When the page
/// read was full and every message on it was missed, the time is said as the oldest read, and that older ones were not.
@Suite struct AJ8MissedFirstReadTests {
    static let now: Int64 = 1_795_262_400
    static let hour: Int64 = 3_600

    static func webhook() throws -> Webhook {
        try Webhook(json: [
            "id": "w1", "url": "https://hooks.example.com/v2/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-11T12:00:00Z",
        ])
    }

    /// The webhook's findings: its last delivery 20 h ago, then 100 messages in the last 10 h (`complete`: the whole list).
    static func problems(complete: Bool) throws -> [String] {
        let hook = try webhook()
        let deliveries = (0..<5).map { index in
            let created = now - (20 + Int64(index)) * hour
            return WebhookVerdict.Delivery(
                id: "d\(index)", event: "whatsapp.message.received", status: "delivered", http: 200, attempts: 1, created: created,
                lastAttempt: created, url: hook.url)
        }
        let times = (0..<100).map { now - 600 - Int64($0) * 360 }
        let inbound = WebhookCheck.Inbound(number: "100", times: times, complete: complete)
        return WebhookCheck(
            webhooks: [hook], deliveries: [hook.id: deliveries], period: "7d", coverageFor: nil, projectNumbers: ["100"],
            now: now, inbound: [inbound]
        ).findings.map(\.problem)
    }

    @Test func aFullPageNamesItsOldestAsTheOldestRead() throws {
        let oldest = KapsoTime.iso(Self.now - 600 - 99 * 360)
        let partial = try Self.problems(complete: false).first { $0.contains("100+ received messages") } ?? ""
        #expect(partial.contains("(the oldest read at \(oldest), older ones not read, the last at "), "\(partial)")
        #expect(!partial.contains("the first at"), "\(partial)")
        let whole = try Self.problems(complete: true).first { $0.contains("100 received messages") } ?? ""
        #expect(whole.contains("(the first at \(oldest), the last at "), "\(whole)")
    }
}
