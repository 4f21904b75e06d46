import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe15 P15-4: a paused webhook is never "healthy" nor its failures "history", in every reader of `WebhookVerdict`
/// (`NumberWebhooks` for `health` and `overview`, `headline` for `errors`, `overview`'s line, `webhooks check`).
@Suite struct NumberWebhooksTests {
    /// The API's clock in these cases: 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400

    private func webhook(_ fields: JSONObject = [:]) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://hooks.example.com/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-21T11:45:00Z",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    /// 48 deliveries from 11:30 every 18 s, the first 4 delivered, then 44 failed with 401 (the tester's case).
    private static let burst: [WebhookVerdict.Delivery] = (0..<48).map { index in
        let created = now - 1_800 + Int64(index * 18)
        return WebhookVerdict.Delivery(
            id: "d\(index)", event: "whatsapp.message.received", status: index < 4 ? "delivered" : "failed",
            http: index < 4 ? 200 : 401, attempts: index < 4 ? 1 : 4, created: created, url: "https://hooks.example.com/kapso")
    }

    enum Case: String, CaseIterable {
        case autoPausedOnlyReceiver, userPausedOnlyReceiver, pausedBesideAnActiveReceiver, activeAndDelivering
    }

    /// (the number's severity, its label, whether its messages reach no receiver) per case.
    @Test(arguments: Case.allCases) func aPausedReceiverIsNeverHealthy(_ which: Case) throws {
        let paused = try webhook(["active": false])
        let other = try webhook(["id": "w2", "url": "https://other.example.com/kapso"])
        let (webhooks, deliveries): ([Webhook], [WebhookVerdict.Delivery]) =
            switch which {
            case .autoPausedOnlyReceiver: ([paused], Self.burst)
            case .userPausedOnlyReceiver: ([paused], [])
            case .pausedBesideAnActiveReceiver: ([paused, other], [])
            case .activeAndDelivering: ([other], [])
            }
        let verdicts = Dictionary(uniqueKeysWithValues: webhooks.map { ($0.id, WebhookVerdict($0, deliveries: $0.id == "w1" ? deliveries : [], now: Self.now)) })
        let number = NumberWebhooks(number: "100", webhooks: webhooks, verdicts: verdicts, now: Self.now)
        let expected: (WebhookCheck.Severity?, String?, Bool) =
            switch which {
            case .autoPausedOnlyReceiver, .userPausedOnlyReceiver: (.error, "blocking", true)
            case .pausedBesideAnActiveReceiver: (.warning, nil, false)
            case .activeAndDelivering: (nil, nil, false)
            }
        #expect(number.severity == expected.0)
        #expect((number.blocking != nil ? "blocking" : nil) == expected.1)
        #expect(!number.pausedMessageReceivers.isEmpty == expected.2)
        // The paused webhook's state in words: 'errors' says it beside its failed deliveries ("now: …").
        if let verdict = verdicts["w1"] { #expect(verdict.headline?.hasPrefix("paused (active: false; last changed at ") == true) }
    }

    /// The tester's case in words: the cause names the pause and Kapso's rule, the fix the receiver's 401 and the resume
    /// command; `overview` no longer calls the failures history.
    @Test func anAutoPausedOnlyReceiverSaysWhatToDo() throws {
        let hook = try webhook(["active": false])
        let verdict = WebhookVerdict(hook, deliveries: Self.burst, now: Self.now)
        #expect(verdict.pause == .matchesAutoPause && verdict.severity == .error && verdict.losesEvents)
        let number = NumberWebhooks(number: "100", webhooks: [hook], verdicts: ["w1": verdict], now: Self.now)
        #expect(number.blocking?.problem
            == "inbound messages of 100 reach no receiver: its only webhook for them, hooks.example.com/kapso, is paused "
                + "(active: false; last changed at 2026-11-21T11:45:00Z (15 min ago)) after 44 of 48 deliveries in 14 min "
                + "failed (HTTP 401), which matches Kapso's automatic pause")
        #expect(number.blocking?.fix.hasPrefix("fix the receiver first (the receiver refused it (401): ") == true)
        #expect(number.blocking?.fix.contains("then webhooks update w1 --active true") == true)
        let line = WebhookVerdict.overview([verdict])
        #expect(line == "1 webhook is paused, so nothing reaches its receiver (hooks.example.com/kapso: 44 of 48 deliveries "
            + "failed, which matches Kapso's automatic pause)")
        #expect(line?.contains("history") == false)
    }
}
