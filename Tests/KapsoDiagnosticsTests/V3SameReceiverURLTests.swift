import KapsoClient
import KapsoDiagnostics
import Testing

/// tester54 V3 and V4: a delivery's `webhook_url` spelt with an upper-case host and `:443` was "a previous URL", so a
/// receiver that failed every delivery was cleared (`health`: "none fails now"; `webhooks check` exit 0), although the
/// webhook had not been updated since; and a URL whose `token=` changed printed as the previous URL and the URL now alike.
@Suite struct V3SameReceiverURLTests {
    static let now: Int64 = 1_795_262_400

    @Test(arguments: [
        ("https://HOOKS.acme.test:443/kapso/whatsapp", "https://hooks.acme.test/kapso/whatsapp", true),
        ("HTTPS://hooks.acme.test/kapso", "https://hooks.acme.test/kapso", true),
        ("http://hooks.acme.test:80", "http://hooks.acme.test/", true),
        ("https://hooks.acme.test/Kapso", "https://hooks.acme.test/kapso", false),
        ("https://hooks.acme.test:8443/kapso", "https://hooks.acme.test/kapso", false),
        ("http://hooks.acme.test/kapso", "https://hooks.acme.test/kapso", false),
        ("https://a:b@hooks.acme.test/kapso", "https://hooks.acme.test/kapso", false),
        ("https://hooks.acme.test/kapso?token=A", "https://hooks.acme.test/kapso?token=B", false),
    ])
    func twoSpellingsOfOneReceiver(a: String, b: String, same: Bool) {
        #expect(WebhookURL.sameReceiver(a, b) == same)
        #expect(WebhookURL.sameReceiver(b, a) == same)
    }

    static func webhook(updated: String) throws -> Webhook {
        try Webhook(json: [
            "id": "w3", "url": "https://hooks.acme.test/kapso/whatsapp", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100200300400501", "payload_version": "v2",
            "created_at": "2026-11-03T12:30:00Z", "updated_at": .string(updated),
        ])
    }

    static func failed(minutesAgo: Int64, url: String) -> WebhookVerdict.Delivery {
        WebhookVerdict.Delivery(
            id: "d\(minutesAgo)", event: "whatsapp.message.received", status: "failed", http: 500, attempts: 4,
            created: now - minutesAgo * 60, url: url)
    }

    @Test func failuresAtAnotherSpellingOfTheURLAreTheReceiversNow() throws {
        let verdict = WebhookVerdict(
            try Self.webhook(updated: "2026-11-03T12:30:00Z"),
            deliveries: [50, 49, 48].map { Self.failed(minutesAgo: $0, url: "https://HOOKS.acme.test:443/kapso/whatsapp") }, now: Self.now)
        #expect(verdict.previousURLs.isEmpty)
        #expect(verdict.state != .working, "\(verdict.state)")
    }

    /// Another host stays another receiver, whatever the webhook's `updated_at` says (tester54b W1: the V3 fix first read
    /// deliveries made after it as the URL's now, and sent the on-call to the wrong receiver's logs).
    @Test func anotherHostIsAPreviousURLWhateverUpdatedAtSays() throws {
        for updated in ["2026-11-03T12:30:00Z", KapsoTime.iso(Self.now - 60)] {
            let verdict = WebhookVerdict(
                try Self.webhook(updated: updated),
                deliveries: [Self.failed(minutesAgo: 50, url: "https://elsewhere.acme.test/hook")], now: Self.now)
            #expect(verdict.previousURLs.map(\.what) == ["https://elsewhere.acme.test/hook"], "\(updated)")
        }
    }

    @Test func aRotatedTokenIsNamedAsTheDifference() {
        #expect(WebhookURL.queryValuesDiffer("https://h.test/kapso?token=OLD&x=1", "https://h.test/kapso?token=NEW&x=1") == "another token= value")
        #expect(WebhookURL.queryValuesDiffer("https://h.test/kapso?token=OLD", "https://h.test/other?token=NEW") == nil)
        #expect(WebhookURL.queryValuesDiffer("https://h.test/kapso?a=1", "https://h.test/kapso?b=1") == nil)
    }
}
