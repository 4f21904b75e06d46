import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// The probe37 readings of deliveries with no HTTP answer (P37-5), of webhooks by their kind (P37-19) and of Graph
/// versions against Meta's table at a call's time (P37-9), table-driven.
@Suite struct Probe37HooksReadingsTests {
    /// 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400

    static func webhook(_ fields: JSONObject) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://hooks.example.com/hook", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-11T12:00:00Z",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    // MARK: - P37-5

    /// 0, null and absent are no HTTP answer; a negative status is no status either, and unreadable, not no answer
    /// (tester54 V23); a real status is kept.
    @Test(arguments: [(0 as Int?, nil as Int?), (nil, nil), (-1, nil), (500, 500), (200, 200), (408, 408)])
    func responseStatusReading(recorded: Int?, status: Int?) {
        #expect(DeliveryAnswer(recorded).httpStatus == status)
        #expect(WebhookVerdict.Delivery(id: "d", event: "e", status: "failed", http: recorded, created: Self.now, url: "u").http == status)
        #expect(DeliveryStats.httpClass(recorded) == (status.map { "\($0 / 100)xx" } ?? (recorded == -1 ? "unreadable" : "no HTTP response")))
    }

    /// The meaning of a delivery with no HTTP answer names the checks for it, never a handler's status.
    @Test(arguments: [0 as Int?, nil])
    func noAnswerMeaning(recorded: Int?) throws {
        let meaning = ErrorTriage.deliveryMeaning(status: recorded, url: "https://hooks.example.com/hook")
        #expect(meaning.hasPrefix("no HTTP response (connection failed or timed out)"), "\(meaning)")
        #expect(meaning.contains("reachable from the internet") && meaning.contains("TLS certificate") && meaning.contains("10 s"))
        #expect(!meaning.contains("handler failed") && !meaning.contains("(0)"), "\(meaning)")
        let delivery = try WebhookDelivery(json: [
            "id": "d1", "status": "failed", "event": "whatsapp.message.received", "attempt_count": 4,
            "created_at": "2026-11-21T11:00:00Z", "webhook_id": "w1", "webhook_url": "https://hooks.example.com/hook",
            "response_status": recorded.map { .number(String($0)) } ?? .null,
        ])
        var triage = ErrorTriage()
        triage.addDeliveries([delivery])
        #expect(triage.entries.first?.error == "no HTTP response after 4 attempts", "\(triage.entries)")
    }

    // MARK: - P37-19

    /// A meta webhook's record with kapso-kind settings is read as Meta's payloads: no batches, no payload version.
    @Test func metaWebhooksGetNoBatchOrVersionAdvice() throws {
        let meta = try Self.webhook([
            "kind": "meta", "events": [], "buffer_enabled": true, "buffer_events": ["whatsapp.message.received"],
            "payload_version": "v1", "buffer_window_seconds": 90,
        ])
        #expect(WebhookPayloadShape(meta) == .meta && WebhookPayloadShape(meta).batchedEvents.isEmpty)
        let findings = WebhookCheck(webhooks: [meta], deliveries: [:], period: "7d", coverageFor: nil, now: Self.now)
            .findings.map(\.problem)
        #expect(!findings.contains { $0.contains("batch") && !$0.contains("never a batch") }, "\(findings)")
        #expect(!findings.contains { $0.contains("legacy v1") || $0.contains("buffer_window_seconds is 90") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("kind meta, yet its record has buffer_enabled and payload_version v1") }, "\(findings)")
    }

    /// A buffered kapso webhook keeps its batch advice; an unknown kind gets none, and says why.
    @Test func kapsoAndUnknownKinds() throws {
        let buffered = try Self.webhook(["buffer_enabled": true, "buffer_events": ["whatsapp.message.received"]])
        #expect(WebhookPayloadShape(buffered) == .kapso(version: "v2", batched: ["whatsapp.message.received"]))
        let odd = try Self.webhook(["kind": "Meta", "buffer_enabled": true, "events": []])
        #expect(WebhookPayloadShape(odd) == .unknownKind("Meta"))
        let findings = WebhookCheck(webhooks: [buffered, odd], deliveries: [:], period: "7d", coverageFor: nil, now: Self.now)
            .findings
        #expect(findings.contains { $0.webhookID == "w1" && $0.problem.contains("batch-shaped") })
        let mixed = try Self.webhook(["id": "w2", "kind": "Meta", "buffer_enabled": true, "events": []])
        let oddFindings = WebhookCheck(webhooks: [mixed], deliveries: [:], period: "7d", coverageFor: nil, now: Self.now)
            .findings.map(\.problem)
        #expect(oddFindings.contains { $0.hasPrefix("kind Meta is not one Kapso documents") }, "\(oddFindings)")
        #expect(!oddFindings.contains { $0.contains("batch-shaped") || $0.contains("subscribed to no events") }, "\(oddFindings)")
    }

    // MARK: - P37-9

    /// Meta's table at a time: retired, served (until a day), not yet released, never released; dates only without a time.
    @Test(arguments: [
        ("v19.0", "2026-11-21T12:00:00Z", GraphVersion.Reading.retired(on: "2026-05-21")),
        ("v20.0", "2026-11-21T12:00:00Z", .retired(on: "2026-09-24")),
        ("v20.0", "2026-09-23T23:59:59Z", .available(released: "2024-05-21", until: "2026-09-24")),
        ("v21.0", "2026-11-21T12:00:00Z", .available(released: "2024-10-02", until: "2027-01-21")),
        ("v21.0", "2027-01-21T00:00:00Z", .retired(on: "2027-01-21")),
        ("v26.0", "2026-11-21T12:00:00Z", .available(released: "2026-07-29", until: nil)),
        ("v27.0", "2026-10-01T00:00:00Z", .notYetReleased(on: "2026-11-04")),
        ("v99.0", "2026-11-21T12:00:00Z", .neverReleased),
        ("v24.1", "2026-11-21T12:00:00Z", .neverReleased),
    ])
    func versionReading(version: String, time: String, reading: GraphVersion.Reading) {
        #expect(GraphVersion.reading(version, at: KapsoTime.seconds(iso: time)) == reading)
    }

    @Test func withoutATimeOnlyTheDates() {
        #expect(GraphVersion.reading("v19.0", at: nil) == .dated(released: "2024-01-23", until: "2026-05-21"))
        #expect(GraphVersion.problem("v19.0", at: nil)?.contains("if the call came after 2026-05-21, use v24.0") == true)
        #expect(GraphVersion.problem("v26.0", at: nil) == nil)
        #expect(GraphVersion.problem("v24.0", at: Self.now) == nil)
    }

    /// A 404 on a right proxy route with a served version reads the number, not the version; a retired or unreleased
    /// version is said with its day; Graph's 2500 on a served version reads the part Graph named.
    @Test func failedCallsReadTheVersionAtTheirTime() throws {
        let graph404 =
            "(#100) Unsupported post request. Object with ID '100200300400501' does not exist, cannot be loaded due to missing permissions, or does not support this operation"
        func meaning(_ path: String, _ status: Int, _ text: String, at time: String = "2026-11-21T10:00:00Z") throws -> String {
            let log = FailureGroupsTests.log("POST", path, status, key: "backend", at: time, error: text)
            return try #require(FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers))
        }
        let served = try meaning("/meta/whatsapp/v21.0/100200300400501/messages", 404, graph404)
        #expect(served.contains("neither is the mistake") && !served.contains("v21.0"), "\(served)")
        let retired = try meaning("/meta/whatsapp/v19.0/100200300400501/messages", 404, graph404)
        #expect(retired.contains("the path asks Graph v19.0, which Meta retired on 2026-05-21"), "\(retired)")
        let early = try meaning("/meta/whatsapp/v27.0/100200300400501/messages", 404, graph404, at: "2026-10-01T10:00:00Z")
        #expect(early.contains("Graph v27.0, which Meta released only on 2026-11-04"), "\(early)")
        let later = try meaning("/meta/whatsapp/v27.0/100200300400501/messages", 404, graph404, at: "2026-11-21T10:00:00Z")
        #expect(!later.contains("v27.0"), "\(later)")
        let extra = try meaning("/meta/whatsapp/v21.0/100200300400501/messages/extra", 400, "(#2500) Unknown path components: /extra")
        #expect(extra.hasPrefix("Graph could not read /extra in the path"), "\(extra)")
        let named = try meaning("/meta/whatsapp/v99.0/100200300400501/messages", 400, "(#2500) Unknown path components: /v99.0/100200300400501/messages")
        #expect(named.hasPrefix("the path asks Graph v99.0, a version Meta never released"), "\(named)")
    }
}
