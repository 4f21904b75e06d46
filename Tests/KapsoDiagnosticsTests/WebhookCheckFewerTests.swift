import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// `webhooks check` said nothing of a receiver of inbound messages that got far fewer `whatsapp.message.received`
/// deliveries than its number received messages (only none at all, or none since a time, had findings). Counted from
/// the webhook's last change, every delivery since counted, so the number said is a floor.
@Suite struct WebhookCheckFewerTests {
    static let changed: Int64 = 1_795_000_000
    static let now = changed + 5_000

    static func webhook(_ extra: JSONObject = [:]) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://example.com/h", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x0123456789ab", "payload_version": "v2",
            "created_at": .string(KapsoTime.iso(changed - 86_400)), "updated_at": .string(KapsoTime.iso(changed)),
        ]
        for entry in extra.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    static func delivery(_ at: Int64, _ index: Int) -> WebhookVerdict.Delivery {
        WebhookVerdict.Delivery(
            id: "d\(index)", event: "whatsapp.message.received", status: "delivered", http: 200, created: at,
            url: "https://example.com/h")
    }

    /// Ten messages after the change (at +100 … +1000 s), five before it; deliveries at `deliveredAt`.
    static func problems(
        _ hook: Webhook, deliveredAt: [Int64], complete: Bool = true, before: Int = 5
    ) -> [String] {
        let times = (1...10).map { changed + Int64($0) * 100 } + (0..<before).map { changed - 100 - Int64($0) * 100 }
        let check = WebhookCheck(
            webhooks: [hook], deliveries: ["w1": deliveredAt.enumerated().map { delivery($1, $0) }], period: "7d",
            coverageFor: nil, now: now, inbound: [WebhookCheck.Inbound(number: "100", times: times, complete: complete)])
        return check.findings.map(\.problem)
    }

    @Test func twoDeliveriesForTenMessagesSinceTheChangeIsAWarning() throws {
        // The newest delivery comes after the newest message, so "stopped firing" does not apply.
        let found = Self.problems(try Self.webhook(), deliveredAt: [Self.changed + 150, Self.changed + 1_005])
        #expect(found == [
            "2 whatsapp.message.received deliveries logged for the 10 inbound messages that arrived on 100 since its last "
                + "change at \(KapsoTime.iso(Self.changed)) (the first at \(KapsoTime.iso(Self.changed + 100)), the last at "
                + "\(KapsoTime.iso(Self.changed + 1_000)) (1 h 6 min ago)): at least 8 got no delivery, so Kapso sends it only some of them"
        ])
    }

    @Test func aPageThatDoesNotReachTheChangeCountsAFloor() throws {
        let found = Self.problems(try Self.webhook(), deliveredAt: [Self.changed + 150, Self.changed + 1_005], complete: false, before: 0)
        #expect(found.first?.hasPrefix("2 whatsapp.message.received deliveries logged for the 10+ inbound messages") == true, "\(found)")
    }

    /// Messages before the change (when it may have been paused), deliveries close to the messages, batching, kind meta
    /// or no `updated_at`: nothing can be said, so nothing is.
    @Test(arguments: [
        ([:], [changed + 150, changed + 250, changed + 350, changed + 450, changed + 550, changed + 650, changed + 1_005]),
        (["buffer_enabled": true, "buffer_events": ["whatsapp.message.received"]], [changed + 150, changed + 1_005]),
        (["kind": "meta", "events": [], "payload_version": .null], [changed + 150, changed + 1_005]),
        (["updated_at": .null], [changed + 150, changed + 1_005]),
    ] as [(JSONObject, [Int64])])
    func nothingIsSaidWhenTheCountsCannotTell(extra: JSONObject, deliveredAt: [Int64]) throws {
        #expect(!Self.problems(try Self.webhook(extra), deliveredAt: deliveredAt).contains { $0.contains("logged for the") })
    }

    @Test func messagesBeforeTheChangeDoNotCount() throws {
        // Two deliveries, the five messages before the change and three after: nothing is missing after the change.
        let hook = try Self.webhook(["updated_at": .string(KapsoTime.iso(Self.changed + 750))])
        let found = Self.problems(hook, deliveredAt: [Self.changed + 800, Self.changed + 1_005])
        #expect(!found.contains { $0.contains("logged for the") }, "\(found)")
    }
}
