import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe40: the facts behind `trace`, `webhooks check`, `health` and `deliveries stats` that read a delivery or a check
/// with false confidence (P40-1, P40-5, P40-6, P40-9, P40-10).
@Suite struct Probe40DiagnosticsTests {
    /// The API's clock in these cases: 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400

    static func delivery(_ fields: JSONObject) throws -> WebhookDelivery {
        var json: JSONObject = [
            "id": "d1", "event": "whatsapp.message.received", "status": "delivered", "attempt_count": 1,
            "created_at": "2026-11-21T11:10:01Z", "response_status": 200, "last_attempt_at": "2026-11-21T11:10:01Z",
            "webhook_id": "w1", "webhook_url": "https://hooks.acme.test/kapso", "phone_number_id": "100200300400501",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try WebhookDelivery(json: json)
    }

    // MARK: - P40-1

    /// A delivery naming the WhatsApp-id form of a Brazilian or Mexican mobile is about the contact kops holds in the
    /// dialled form, and back; another contact's number, or a landline's other digits, is not.
    @Test(arguments: [
        ("553187654321", "5531987654321", true), ("+553187654321", "5531987654321", true),
        ("+5531987654321", "553187654321", true), ("525512345678", "5215512345678", true),
        ("+5215512345678", "525512345678", true), ("+14155551301", "14155551301", true),
        ("+14155551302", "14155551301", false), ("553187654322", "5531987654321", false),
        ("551132654321", "5511932654321", false),
    ])
    func aDeliveryIsAboutTheOtherFormOfTheSameContact(named: String, contact: String, same: Bool) throws {
        let delivery = try Self.delivery(["conversation_phone_number": .string(named)])
        #expect(delivery.mayConcern(contact: contact) == same, "\(named) \(contact)")
    }

    @Test func aDeliveryNamingNoContactMayConcernAny() throws {
        #expect(try Self.delivery([:]).mayConcern(contact: "5531987654321"))
    }

    // MARK: - P40-6

    /// Cloudflare's 530 (a 1xxx error: 1033 tunnel down, 1016 origin DNS) is Cloudflare's answer, not the handler's.
    @Test(arguments: ["https://hooks2.acme-tunnel.test/kapso", "https://api.acme.test/webhooks/kapso"])
    func cloudflares530IsNotTheHandlers(url: String) {
        let meaning = ErrorTriage.deliveryMeaning(status: 530, url: url)
        #expect(!meaning.contains("handler failed"), "\(meaning)")
        #expect(meaning.hasPrefix("Cloudflare, in front of the receiver, answered for it"), "\(meaning)")
        #expect(meaning.contains("1033") && meaning.contains("1016") && meaning.contains("never reached the handler"), "\(meaning)")
        #expect(meaning.contains("cloudflared"), "\(meaning)")
    }

    /// A trycloudflare.com quick tunnel answering 530 is down: start it again and register its new URL.
    @Test func aQuickTunnels530IsTheTunnelDown() {
        let meaning = ErrorTriage.deliveryMeaning(status: 530, url: "https://shanghai-mounted-manor-asks.trycloudflare.com/webhook")
        #expect(meaning.hasPrefix("the Cloudflare quick tunnel is down (530, Cloudflare's error 1033"), "\(meaning)")
        #expect(meaning.contains("register the URL it prints"), "\(meaning)")
        #expect(!meaning.contains("handler failed"), "\(meaning)")
    }

    // MARK: - P40-5

    static func webhook(_ id: String) throws -> Webhook {
        try Webhook(json: [
            "id": .string(id), "url": "https://mixed.acme.test/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100200300400501", "payload_version": "v2",
            "created_at": "2026-11-10T10:00:00Z", "updated_at": "2026-11-10T10:00:00Z",
        ])
    }

    static func failed(_ http: Int, minutesAgo: Int64) -> WebhookVerdict.Delivery {
        let created = now - minutesAgo * 60
        return WebhookVerdict.Delivery(
            id: "d\(created)", event: "whatsapp.message.received", status: "failed", http: http, attempts: 4, created: created,
            url: "https://mixed.acme.test/kapso")
    }

    /// Three 401s, then a 500 last: the fix names the 401s' cause first (3 of 4), then the 500's; the other order of a
    /// 429 and three 301s names the redirect first, whichever came last (before: only the newest failure's status).
    @Test func theFixNamesEveryCauseSeenTheDominantFirst() throws {
        let mixed = WebhookVerdict(
            try Self.webhook("w42"), deliveries: [60, 50, 40].map { Self.failed(401, minutesAgo: $0) } + [Self.failed(500, minutesAgo: 30)],
            now: Self.now)
        let advice = mixed.failureAdvice
        #expect(advice.hasPrefix("3 of 4 failures: the receiver refused it (401)"), "\(advice)")
        #expect(advice.contains("; 1 of 4 failures: the receiver's handler failed (500)"), "\(advice)")
        let redirects = WebhookVerdict(
            try Self.webhook("w41"), deliveries: [60, 19, 18].map { Self.failed(301, minutesAgo: $0) } + [Self.failed(429, minutesAgo: 17)],
            now: Self.now)
        #expect(redirects.failureAdvice.hasPrefix("3 of 4 failures: the receiver answered a redirect (301)"), "\(redirects.failureAdvice)")
        #expect(redirects.failureAdvice.contains("1 of 4 failures: the receiver rate-limited Kapso (429)"), "\(redirects.failureAdvice)")
        // Two codes with the same advice are one cause, both codes named: a 301 and a 308 are one redirect.
        let both = WebhookVerdict(
            try Self.webhook("w44"), deliveries: [Self.failed(301, minutesAgo: 60), Self.failed(308, minutesAgo: 50), Self.failed(500, minutesAgo: 40)],
            now: Self.now)
        #expect(both.failureAdvice.hasPrefix("2 of 3 failures: the receiver answered a redirect (301, 308): "), "\(both.failureAdvice)")
        #expect(!both.failureAdvice.contains("(308): "), "\(both.failureAdvice)")
        let redirectsOnly = WebhookVerdict(
            try Self.webhook("w45"), deliveries: [Self.failed(308, minutesAgo: 60), Self.failed(301, minutesAgo: 50)], now: Self.now)
        #expect(redirectsOnly.failureAdvice.hasPrefix("the receiver answered a redirect (301, 308): "), "\(redirectsOnly.failureAdvice)")
        // One cause: the one meaning, as before.
        let one = WebhookVerdict(try Self.webhook("w43"), deliveries: [60, 50].map { Self.failed(401, minutesAgo: $0) }, now: Self.now)
        #expect(one.failureAdvice.hasPrefix("the receiver refused it (401)"), "\(one.failureAdvice)")
        // webhooks check's fix line carries both.
        let check = WebhookCheck(
            webhooks: [mixed.webhook], deliveries: [mixed.webhook.id: mixed.current], period: "7d", coverageFor: nil,
            projectNumbers: ["100200300400501"], now: Self.now, inbound: [])
        let fix = check.findings.first { $0.problem.contains("4 of 4 deliveries failed") }?.fix ?? ""
        #expect(fix.hasPrefix("3 of 4 failures: the receiver refused it (401)") && fix.contains("(500)"), "\(check.findings)")
    }

    // MARK: - P40-9

    /// A check Kapso could not decide (`passed: null` with an error) is not known, never "not subscribed".
    @Test(arguments: [
        ("webhook_subscription", "Could not fetch subscribed apps"), ("webhook_verified", "Could not fetch the webhook state"),
    ])
    func aCheckKapsoCouldNotDecideIsNotKnownInTheTable(name: String, error: String) throws {
        let health = try PhoneNumberHealth(json: [
            "status": "degraded", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
                name: ["passed": nil, "error": .string(error)],
            ],
        ])
        let finding = try #require(HealthTriage(health).findings.first { $0.check == name })
        #expect(finding.severity == .unknown)
        #expect(finding.detail == "not known: \(error)", "\(finding.detail)")
    }

    /// Kapso's own `subscribed: false` stays "not subscribed".
    @Test func anUnsubscribedAppStaysNotSubscribed() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "unhealthy", "timestamp": "2026-11-21T12:00:00Z",
            "checks": ["webhook_subscription": ["passed": false, "details": ["subscribed": false]]],
        ])
        #expect(HealthTriage(health).findings.first?.detail == "not subscribed")
    }

    // MARK: - P40-10

    /// Deliveries Kapso has not attempted yet are counted apart from those that got no HTTP response.
    @Test func neverAttemptedDeliveriesAreNotNoHTTPResponse() throws {
        var stats = DeliveryStats()
        for index in 0..<3 {
            stats.add(try Self.delivery([
                "id": .string("p\(index)"), "status": "pending", "attempt_count": 0, "response_status": nil, "last_attempt_at": nil,
            ]))
        }
        stats.add(try Self.delivery(["id": "f1", "status": "failed", "attempt_count": 4, "response_status": nil]))
        stats.add(try Self.delivery([:]))
        #expect(stats.byHTTPClass[DeliveryStats.notAttemptedLabel] == 3, "\(stats.byHTTPClass)")
        #expect(stats.byHTTPClass[DeliveryAnswer.noResponseLabel] == 1, "\(stats.byHTTPClass)")
        #expect(stats.byHTTPClass["2xx"] == 1, "\(stats.byHTTPClass)")
    }
}
