import KapsoClient
import KapsoDiagnostics
import Testing

/// fix58D (lead's review, item 2): the stuck-delivery lines of `webhooks check` and `deliveries` said "Kapso's retries end
/// about 2.5 min after the first attempt (kapso-api.md §10.3)" as a fact. §10.3 gives two schedules that disagree (Kapso's
/// docs and skills: retries 10, 40 and 90 s after each failure; a summary of the newer Delivery page: 3 attempts in all)
/// and §13 lists today's schedule as unknown. The lines now give both, say that the sources disagree, and draw the one
/// conclusion both allow (a delivery with no attempt for hours is stuck); the retrying and `explain` lines say the same.
@Suite struct WebhookRetryHedgeTests {
    /// 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400

    static func webhook() throws -> Webhook {
        try Webhook(json: [
            "id": "w1", "url": "https://hooks.example.com/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-11T12:00:00Z",
        ])
    }

    /// A delivery of `w1`, `hoursAgo` old, its last attempt 140 s after it was created.
    static func delivery(_ status: String, _ http: Int?, hoursAgo: Double, id: String) -> WebhookVerdict.Delivery {
        let created = now - Int64(hoursAgo * 3_600)
        return WebhookVerdict.Delivery(
            id: id, event: "whatsapp.message.received", status: status, http: http, attempts: 2, created: created,
            lastAttempt: created + 140, url: "https://hooks.example.com/kapso")
    }

    /// The stuck line of `webhooks check` and the note of `deliveries`, for deliveries pending 20 hours.
    static func stuckLines() throws -> [String] {
        let pending = [delivery("pending", 503, hoursAgo: 20, id: "p1")]
        let check = WebhookCheck(webhooks: [try webhook()], deliveries: ["w1": pending], period: "7d", coverageFor: nil, now: now)
        let stuck = check.findings.filter { $0.problem.contains("still pending") }.map(\.problem)
        return stuck + [WebhookVerdict.stuckNote(pending, now: now)].compactMap { $0 }
    }

    @Test func theStuckLinesStateNoSingleScheduleAsFact() throws {
        let lines = try Self.stuckLines()
        #expect(lines.count == 2, "\(lines)")
        for line in lines {
            #expect(!line.contains("2.5 min"), "\(line)")
            // Both readings of kapso-api.md §10.3, and that they disagree.
            #expect(line.contains("10 s, 40 s and 90 s after each failure by its docs"), "\(line)")
            #expect(line.contains("3 attempts in all"), "\(line)")
            #expect(line.contains("the sources disagree: https://docs.kapso.ai/docs/platform/webhooks/overview, https://docs.kapso.ai/docs/platform/webhooks/advanced"), "\(line)")
            // The conclusion holds under either: stuck.
            #expect(line.contains("either way a retry would have come within minutes, so it is stuck"), "\(line)")
        }
    }

    /// Deliveries being retried now, the stats' FAILING hint and `explain`'s pasted status give the same schedule, from one
    /// place.
    @Test func theRetryingLineGivesBothSchedules() throws {
        let retrying = [Self.delivery("pending", 503, hoursAgo: 0.02, id: "r1")]
        let verdict = WebhookVerdict(try Self.webhook(), deliveries: retrying, now: Self.now)
        let line = try #require(verdict.retryingNow)
        #expect(line.contains("Kapso retries " + WebhookVerdict.retrySchedule + " and then marks a delivery failed"), "\(line)")
        #expect(!line.contains("(kapso-api.md §10.2–10.3)"), "\(line)")
        #expect(PastedDeliveryStatus.kapsoThen.contains(WebhookVerdict.retrySchedule))
    }
}
