import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// `WebhookAudience`: which webhooks should have received a message event at its time (probe44 P44-9, P44-11, P44-6).
/// The event happens at 2026-11-21T10:00:00Z on number 100.
@Suite struct WebhookAudienceTests {
    static let at: Int64 = 1_795_255_200

    static func webhook(_ fields: JSONObject = [:]) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://h.example.test/k", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "created_at": "2026-10-01T00:00:00Z", "updated_at": "2026-10-01T00:00:00Z",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    static let buffered: JSONObject = [
        "buffer_enabled": true, "buffer_window_seconds": 60, "buffer_events": ["whatsapp.message.received"],
    ]

    /// One webhook record against an event at 10:00 and the standing it gets.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: JSONObject
        var event: String
        var expected: WebhookAudience.Standing
        var testDescription: String { name }

        init(_ name: String, _ fields: JSONObject, _ event: String, _ expected: WebhookAudience.Standing) {
            self.name = name
            self.fields = fields
            self.event = event
            self.expected = expected
        }
    }

    static let received = "whatsapp.message.received"
    static let meta: JSONObject = ["kind": "meta", "events": []]
    static let metaPaused: JSONObject = ["kind": "meta", "events": [], "active": false]
    static let metaBuffer: JSONObject = ["kind": "meta", "events": [], "buffer_enabled": true, "buffer_events": ["whatsapp.message.received"]]
    static let createdLater: JSONObject = ["created_at": "2026-11-21T11:55:00Z", "updated_at": "2026-11-21T11:55:00Z"]
    static let changedLater: JSONObject = ["updated_at": "2026-11-21T11:00:00Z"]
    static let pausedLater: JSONObject = ["active": false, "updated_at": "2026-11-21T11:00:00Z"]
    static let pausedBefore: JSONObject = ["active": false]
    static let otherNumber: JSONObject = ["phone_number_id": "200"]
    static let otherBuffered: JSONObject = ["buffer_enabled": true, "buffer_window_seconds": 60, "buffer_events": ["whatsapp.message.sent"]]
    static let defaultWindow: JSONObject = ["buffer_enabled": true, "buffer_events": ["whatsapp.message.received"]]

    static let cases: [Case] = [
        // P44-9: created after the event; changed after it (active now, or paused now); paused before it.
        Case("created later", createdLater, received, .createdLater(1_795_262_100)),
        Case("changed later", changedLater, received, .changedLater(1_795_258_800)),
        Case("paused later", pausedLater, received, .pausedLater(1_795_258_800)),
        Case("paused before", pausedBefore, received, .paused),
        Case("unchanged", [:], received, .expected(dueBy: at, window: nil)),
        Case("another event", [:], "whatsapp.message.sent", .notSubscribed),
        Case("another number", otherNumber, received, .notSubscribed),
        // P44-11: kind meta, events [] by design, gets every message event, not Kapso's conversation events.
        Case("meta received", meta, received, .expected(dueBy: at, window: nil)),
        Case("meta read", meta, "whatsapp.message.read", .expected(dueBy: at, window: nil)),
        Case("meta conversation", meta, "whatsapp.conversation.created", .notSubscribed),
        Case("meta paused", metaPaused, received, .paused),
        // P44-6: buffered (the event in buffer_events) is due after the window; not when the event is not listed, nor
        // for kind meta (no buffering).
        Case("buffered", buffered, received, .expected(dueBy: at + 60, window: 60)),
        Case("buffer lists other events", otherBuffered, received, .expected(dueBy: at, window: nil)),
        Case("buffer default window", defaultWindow, received, .expected(dueBy: at + 5, window: 5)),
        Case("meta with buffer fields", metaBuffer, received, .expected(dueBy: at, window: nil)),
    ]

    @Test(arguments: cases)
    func standing(_ row: Case) throws {
        #expect(WebhookAudience.standing(of: try Self.webhook(row.fields), event: row.event, number: "100", at: Self.at) == row.expected, "\(row.name)")
    }

    /// P44-6: a buffered webhook's delivery is pending until its window ends (plus Kapso's 30 s ordering hold), then due;
    /// several webhooks mixed: only the due ones are blamed, the later-created one is explained.
    @Test func dueAndPendingFollowTheWindow() throws {
        let hooks = [
            try Self.webhook(["id": "plain"]), try Self.webhook([
                "id": "batch", "buffer_enabled": true, "buffer_window_seconds": 60, "buffer_events": ["whatsapp.message.received"],
            ]),
            try Self.webhook(["id": "new", "created_at": "2026-11-21T11:55:00Z", "updated_at": "2026-11-21T11:55:00Z"]),
            try Self.webhook(["id": "other", "phone_number_id": "200"]),
        ]
        let audience = WebhookAudience(webhooks: hooks, number: "100", events: [("whatsapp.message.received", Self.at)])
        #expect(audience.entries.map(\.webhook.id) == ["plain", "batch", "new"])
        #expect(audience.due(now: Self.at + 20).map(\.id) == [])
        #expect(audience.pending(now: Self.at + 20).map(\.webhook.id) == ["plain", "batch"])
        #expect(audience.due(now: Self.at + 45).map(\.id) == ["plain"])
        #expect(audience.pending(now: Self.at + 45).map(\.dueBy) == [Self.at + 60])
        #expect(audience.due(now: Self.at + 91).map(\.id) == ["plain", "batch"])
        #expect(audience.notExpected == ["https://h.example.test/k was created at 2026-11-21T11:55:00Z, after this message: it could not get it"])
        #expect(WebhookAudience.pendingText(dueBy: Self.at + 60, window: 60)
            == "its batch is due by 2026-11-21T10:01:00Z (buffering, 60 s window, https://docs.kapso.ai/docs/platform/webhooks/advanced)")
    }

    /// An outbound message's events are its statuses at their times: a webhook created between the send and the read
    /// should have had the read.
    @Test func outboundEventsAreTheStatusesAtTheirTimes() throws {
        let message = try Message(json: [
            "id": "wamid.x", "timestamp": "1795255200", "type": "text",
            "kapso": [
                "direction": "outbound", "phone_number_id": "100", "status": "read",
                "statuses": [
                    ["id": "wamid.x", "status": "sent", "timestamp": "1795255201"],
                    ["id": "wamid.x", "status": "read", "timestamp": "1795258800"],
                ],
            ],
        ])
        let between = try Self.webhook([
            "events": ["whatsapp.message.read"], "created_at": "2026-11-21T10:30:00Z", "updated_at": "2026-11-21T10:30:00Z",
        ])
        let audience = WebhookAudience(webhooks: [between], message: message)
        #expect(audience.expected.count == 1)
        #expect(audience.due(now: 1_795_262_400).map(\.id) == ["w1"])
    }
}
