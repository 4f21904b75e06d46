import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// `WebhookVerdict` and the findings `webhooks check` draws from it (probe11, "the webhook stopped firing"): each
/// verdict rests on the deliveries read, with their times; history is not the receiver's state now.
@Suite struct WebhookVerdictTests {
    /// The API's clock in these cases: 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400
    static let hour: Int64 = 3_600

    private func webhook(_ fields: JSONObject = [:]) throws -> Webhook {
        var json: JSONObject = [
            "id": "w1", "url": "https://hooks.example.com/v2/kapso", "kind": "kapso", "events": ["whatsapp.message.received"],
            "active": true, "phone_number_id": "100", "secret_key": "whsec_x0123456789ab", "payload_version": "v2",
            "created_at": "2026-10-22T12:00:00Z", "updated_at": "2026-11-11T12:00:00Z",
        ]
        for entry in fields.entries { json[entry.key] = entry.value }
        return try Webhook(json: json)
    }

    private func delivery(
        _ status: String, _ http: Int?, hoursAgo: Double, url: String = "https://hooks.example.com/v2/kapso",
        event: String = "whatsapp.message.received", attempts: Int = 1, id: String? = nil
    ) -> WebhookVerdict.Delivery {
        let created = Self.now - Int64((hoursAgo * Double(Self.hour)).rounded())
        return WebhookVerdict.Delivery(
            id: id ?? "d\(created)", event: event, status: status, http: http, attempts: attempts, created: created,
            lastAttempt: created + (attempts > 1 ? 140 : 0), url: url)
    }

    private func findings(
        _ hook: Webhook, _ deliveries: [WebhookVerdict.Delivery], inbound: [WebhookCheck.Inbound] = [], others: [Webhook] = []
    ) -> [String] {
        WebhookCheck(
            webhooks: [hook] + others, deliveries: [hook.id: deliveries], period: "7d", coverageFor: nil, projectNumbers: ["100"],
            now: Self.now, inbound: inbound
        ).findings.map { "\($0.severity.rawValue): \($0.problem)" }
    }

    /// P11-1: failures at the URL the webhook had before are history; the URL it has now delivered 5 of 5.
    @Test func failuresAtAPreviousURLAreHistoryNotTheReceiverNow() throws {
        let hook = try webhook(["updated_at": "2026-11-20T18:00:00Z"])
        let old = (0..<30).map { delivery("failed", 404, hoursAgo: 18.2 + Double($0), url: "https://hooks.example.com/kapso-old", attempts: 4) }
        let new = (1...5).map { delivery("delivered", 200, hoursAgo: Double($0)) }
        #expect(WebhookVerdict.provenance(url: "https://hooks.example.com/kapso-old", event: "whatsapp.message.received", of: hook)
            == .previousURL("https://hooks.example.com/kapso-old"))
        #expect(findings(hook, old + new) == [
            "info: 30 of 30 deliveries to a previous URL, https://hooks.example.com/kapso-old, failed (HTTP 404), the last at "
                + "2026-11-20T17:48:00Z (18 h 12 min ago): they say nothing about the URL it has now; 5 of 5 delivered to "
                + "https://hooks.example.com/v2/kapso since",
        ])
    }

    /// P11-2: a receiver that failed 4 days ago and delivered everything since is "recovered", info, with the times.
    @Test func aReceiverThatRecoveredDaysAgoIsHistoryWithTimes() throws {
        let failures = (0..<60).map { delivery("failed", 502, hoursAgo: 96 + Double($0) / 4, attempts: 4) }
        let since = (0..<20).map { delivery("delivered", 200, hoursAgo: 1 + Double($0) * 2) }
        #expect(findings(try webhook(), failures + since) == [
            "info: recovered: 60 of 80 deliveries failed in the last 7d (75 %), the last at 2026-11-17T12:00:00Z (4 d ago) "
                + "(HTTP 502); all 20 since were delivered, the newest at 2026-11-21T11:00:00Z (1 h ago)",
        ])
    }

    /// Recovered only hours ago: still a warning, not an error; the newest deliveries decide, not the rate.
    @Test func aRecentRecoveryIsAWarning() throws {
        let failed = (0..<3).map { delivery("failed", 200, hoursAgo: 6 + Double($0), attempts: 4) }
        let delivered = (1...4).map { delivery("delivered", 202, hoursAgo: Double($0)) }
        #expect(findings(try webhook(), failed + delivered) == [
            "warning: 3 of 7 deliveries failed in the last 7d (43 %), the last at 2026-11-21T06:00:00Z (6 h ago) (HTTP 200); "
                + "all 4 since were delivered, the newest at 2026-11-21T11:00:00Z (1 h ago)",
        ])
    }

    /// P12-5: a receiver that fails every other delivery is an error although its newest delivery went through: the
    /// rate and window are said, and `overview` names it as failing now.
    @Test func aReceiverFailingEveryOtherDeliveryFailsIntermittently() throws {
        let flapping = (0..<20).map { index in
            index % 2 == 0
                ? delivery("delivered", 200, hoursAgo: (5 + Double(index) * 30) / 60)
                : delivery("failed", 500, hoursAgo: (5 + Double(index) * 30) / 60, attempts: 4)
        }
        let verdict = WebhookVerdict(try webhook(), deliveries: flapping, now: Self.now)
        #expect(verdict.state == .intermittent(count: 1, lastFailure: Self.now - 35 * 60))
        #expect(verdict.level == .error && verdict.failsNow)
        #expect(findings(try webhook(), flapping) == [
            "error: fails intermittently: 10 of its 20 deliveries (from 2026-11-21T02:25:00Z) failed (50 %), in 10 separate "
                + "runs between deliveries (HTTP 500), the newest failure at 2026-11-21T11:25:00Z (35 min ago); it failed "
                + "again after earlier deliveries, so the one delivery since (the newest at 2026-11-21T11:55:00Z (5 min ago)) "
                + "is no recovery",
        ])
        // A digit in the path keeps the scheme (WebhookURL.mayHoldKey, probe38 P38-1).
        #expect(WebhookVerdict.overview([verdict]) == "1 webhook fails now (https://hooks.example.com/v2/kapso)")
    }

    /// P12-5 on a paused webhook: failing every other delivery before the pause is an error, by the same rule.
    @Test func aPausedReceiverThatFailedIntermittentlyIsAnError() throws {
        let hook = try webhook(["active": false, "updated_at": "2026-11-21T11:00:00Z"])
        var flapping: [WebhookVerdict.Delivery] = []
        for index in 0..<10 {
            let hoursAgo = 2 + Double(index) / 2
            flapping.append(index % 2 == 0 ? delivery("delivered", 200, hoursAgo: hoursAgo) : delivery("failed", 500, hoursAgo: hoursAgo))
        }
        let expected = "error: paused (active: false): nothing is delivered to it; last changed at 2026-11-21T11:00:00Z (1 h ago); "
            + "before that it failed intermittently: 5 of its 10 deliveries (from 2026-11-21T05:30:00Z) failed (50 %)"
        #expect(findings(hook, flapping).first == expected)
    }

    /// P12-5 (c5): one delivery after 40 failures is too thin to call a recovery; three in a row are one.
    @Test func oneDeliveryAfterAnOutageIsNoRecoveryYet() throws {
        let outage = (0..<40).map { delivery("failed", 500, hoursAgo: (30 + Double($0) * 15) / 60, attempts: 4) }
        let one = [delivery("delivered", 200, hoursAgo: 10.0 / 60)]
        let thin = findings(try webhook(), outage + one)
        #expect(thin.first?.hasPrefix(
            "error: fails intermittently: 19 of its newest 20 deliveries (from 2026-11-21T07:00:00Z) failed (95 %) (HTTP 500), "
                + "the newest failure at 2026-11-21T11:30:00Z (30 min ago); only 1 delivered since (the newest at "
                + "2026-11-21T11:50:00Z (10 min ago)): too few to call it recovered (kops wants 3 in a row); 40 of 41 deliveries "
                + "failed in the last 7d (98 %)") == true, "\(thin)")
        let three = (0..<3).map { delivery("delivered", 200, hoursAgo: (5 + Double($0) * 2) / 60) }
        let recovered = WebhookVerdict(try webhook(), deliveries: outage + three, now: Self.now)
        #expect(recovered.state == .recovered(count: 3, lastFailure: Self.now - 30 * 60))
        #expect(recovered.level == .warning && !recovered.failsNow)
    }

    /// The newest deliveries failing is an error, said with when it began and the change that came just before.
    @Test func aReceiverFailingSinceAChangeSaysWhenAndWhat() throws {
        let hook = try webhook(["updated_at": "2026-11-21T09:00:00Z"])
        let before = (0..<6).map { delivery("delivered", 200, hoursAgo: 5 + Double($0)) }
        let after = (0..<8).map { delivery("failed", 401, hoursAgo: 0.5 + Double($0) / 4, attempts: 4) }
        #expect(findings(hook, before + after) == [
            "error: 8 of 14 deliveries failed in the last 7d (57 %); failing since 2026-11-21T09:45:00Z: the newest 8 failed "
                + "(HTTP 401), the last at 2026-11-21T11:30:00Z (30 min ago); the last delivered at 2026-11-21T07:00:00Z; the "
                + "webhook was changed at 2026-11-21T09:00:00Z, between that delivery and the first failure (what changed is not "
                + "in the API: URL, secret_key, headers, events, buffering or payload_version)",
        ])
    }

    /// P11-2 (e5): failures of an event the webhook no longer subscribes to are history of that subscription.
    @Test func failuresOfAnEventNoLongerSubscribedAreHistory() throws {
        let hook = try webhook(["updated_at": "2026-11-21T06:00:00Z"])
        let read = (0..<5).map { delivery("failed", 500, hoursAgo: 8 + Double($0), event: "whatsapp.message.read", attempts: 4) }
        let received = (1...3).map { delivery("delivered", 200, hoursAgo: Double($0)) }
        #expect(findings(hook, read + received) == [
            "info: 5 of 5 deliveries of whatsapp.message.read, which it no longer subscribes to, failed (HTTP 500), the last "
                + "at 2026-11-21T04:00:00Z (8 h ago): they say nothing about the events it receives now; 3 of 3 of its events "
                + "delivered since",
        ])
    }

    /// P11-6: `pending` 20 hours after the last attempt is past every retry schedule Kapso's sources give: stuck.
    @Test func deliveriesPendingLongAfterTheRetriesAreStuck() throws {
        let pending = (0..<3).map { delivery("pending", 503, hoursAgo: 20 + Double($0), event: "whatsapp.message.received", attempts: 2, id: "p\($0)") }
        let fresh = delivery("pending", nil, hoursAgo: 0.01, id: "in-flight")
        let verdict = WebhookVerdict(try webhook(), deliveries: pending + [fresh], now: Self.now)
        #expect(verdict.stuck.map(\.id) == ["p2", "p1", "p0"])
        #expect(verdict.inFlight == 1)
        let check = WebhookCheck(
            webhooks: [try webhook()], deliveries: ["w1": pending + [fresh]], period: "7d", coverageFor: nil, now: Self.now)
        let stuck = try #require(check.findings.first)
        #expect("\(stuck.severity.rawValue): \(stuck.problem)"
            == "warning: 3 deliveries still pending with no new attempt for 19 h 57 min or more (the oldest created at "
                + "2026-11-20T14:00:00Z, 2 attempts): \(WebhookVerdict.retryOverdue), so they are stuck, not in progress")
        #expect(stuck.fix == "report them to Kapso support with the ids (p2, p1, p0); 'deliveries --webhook w1 --status pending --period 7d' lists them")
    }

    /// P11-16: a pause right after a burst matching Kapso's automatic-pause rule says so, and what arrived since.
    @Test func aPauseRightAfterAFailureBurstIsReadAsKapsosAutomaticPause() throws {
        let hook = try webhook(["active": false, "updated_at": "2026-11-21T08:15:00Z"])
        let burst = (0..<44).map { (index: Int) -> WebhookVerdict.Delivery in
            let ok = index % 10 == 0
            let hoursAgo: Double = 4 - Double(index * 20) / 3_600
            return delivery(ok ? "delivered" : "failed", ok ? 200 : 500, hoursAgo: hoursAgo, attempts: 4)
        }
        let inbound = WebhookCheck.Inbound(number: "100", times: [Self.now - 2 * Self.hour, Self.now - 5 * Self.hour], complete: true)
        let found = findings(hook, burst, inbound: [inbound])
        let expected: String = [
            "error: paused (active: false) since 2026-11-21T08:15:00Z (3 h 45 min ago) (its last change), ",
            "40 s after 39 of 44 deliveries within 14 min failed (HTTP 500): this matches Kapso's automatic pause ",
            "(https://docs.kapso.ai/docs/platform/webhooks/advanced: at least 40 deliveries, 10 failed and 85 % failed in 15 min), so Kapso probably paused it; ",
            "nothing is delivered to it since; 1 inbound message arrived on 100 since that change (the last at ",
            "2026-11-21T10:00:00Z (2 h ago)), none delivered to it",
        ].joined()
        #expect(found.first == expected)
        // A pause with no such burst stays a plain pause, a warning.
        #expect(findings(try webhook(["active": false]), [delivery("delivered", 200, hoursAgo: 300)]).first
            == "warning: paused (active: false): nothing is delivered to it; last changed at 2026-11-11T12:00:00Z (10 d ago)")
    }

    /// P11-5: an active receiver of inbound messages with no delivery while its number received messages after its
    /// last change; nothing is said when the messages predate the change.
    @Test func aWebhookThatReceivesNothingWhileMessagesArriveIsAWarning() throws {
        let inbound = WebhookCheck.Inbound(number: "100", times: (0..<7).map { Self.now - 2 * Self.hour - $0 * 60 }, complete: true)
        #expect(findings(try webhook(), [], inbound: [inbound]) == [
            "warning: no whatsapp.message.received delivery in the last 7d, although 7 inbound messages arrived on 100 in "
                + "that time (the last at 2026-11-21T10:00:00Z (2 h ago)): Kapso did not deliver them to it",
        ])
        #expect(findings(try webhook(["updated_at": "2026-11-21T11:00:00Z"]), [], inbound: [inbound]) == [])
        // A delivery since: not "receives nothing", but 1 for 7 messages is the fewer-deliveries warning (WebhookCheckFewerTests).
        #expect(findings(try webhook(), [delivery("delivered", 200, hoursAgo: 1)], inbound: [inbound]) == [
            "warning: 1 whatsapp.message.received delivery logged for the 7 inbound messages that arrived on 100 in the last 7d "
                + "(the first at 2026-11-21T09:54:00Z, the last at 2026-11-21T10:00:00Z (2 h ago)): at least 6 got no delivery, "
                + "so Kapso sends it only some of them",
        ])
        #expect(findings(try webhook(["events": ["whatsapp.message.sent"]]), [], inbound: [inbound]) == [])
    }

    /// P19-2: deliveries that went from regular to none while received messages kept arriving are a webhook that
    /// stopped firing, an error from 3 missed messages, a warning below; messages within the delivery grace, before the
    /// last delivery, or followed by one say nothing.
    @Test func deliveriesThatStopWhileMessagesArriveAreAWebhookThatStoppedFiring() throws {
        let before = (0..<10).map { delivery("delivered", 200, hoursAgo: 30 - Double($0) / 6) }
        let last = Self.now - 30 * Self.hour + 9 * 600
        let inbound = WebhookCheck.Inbound(
            number: "100", times: (0..<12).map { Self.now - 2 * Self.hour + $0 * 120 } + [last - 600], complete: true)
        let found = findings(try webhook(), before, inbound: [inbound])
        #expect(found == [
            "error: no whatsapp.message.received delivery since 2026-11-20T07:30:00Z (1 d 4 h ago), although 12 received "
                + "messages arrived on 100 since then (the first at 2026-11-21T10:00:00Z, the last at 2026-11-21T10:22:00Z "
                + "(1 h 38 min ago)): Kapso stored them but sent this webhook none, and none failed or waits, so it stopped firing",
        ], "\(found)")
        let verdict = WebhookVerdict(try webhook(), deliveries: before, now: Self.now)
        #expect(verdict.missed(inbound, period: "7d")?.since == .lastDelivery(last))
        // Two missed messages are a warning.
        let two = WebhookCheck.Inbound(number: "100", times: [Self.now - Self.hour, Self.now - 2 * Self.hour], complete: true)
        #expect(findings(try webhook(), before, inbound: [two]).first?.hasPrefix("warning: no whatsapp.message.received delivery since") == true)
        // Messages younger than the delivery grace may still be on their way.
        let fresh = WebhookCheck.Inbound(number: "100", times: (0..<5).map { Self.now - 30 - $0 * 10 }, complete: true)
        #expect(findings(try webhook(), before, inbound: [fresh]) == [])
        // A delivery after the messages: it fires.
        #expect(findings(try webhook(), before + [delivery("delivered", 200, hoursAgo: 0.5)], inbound: [inbound]) == [])
        // Another number's messages are not this webhook's.
        #expect(verdict.missed(WebhookCheck.Inbound(number: "200", times: inbound.times, complete: true), period: "7d") == nil)
        // A meta webhook gets every message event (P44-11): once the log shows its received deliveries, it is judged the
        // same; with none logged, whether Kapso logs its forwards is unknown, so nothing is counted as missed.
        let meta = try webhook(["kind": "meta", "events": []])
        #expect(WebhookVerdict(meta, deliveries: before, now: Self.now).missed(inbound, period: "7d")?.count == verdict.missed(inbound, period: "7d")?.count)
        #expect(WebhookVerdict(meta, deliveries: before, now: Self.now).missed(inbound, period: "7d") != nil)
        #expect(WebhookVerdict(meta, deliveries: [], now: Self.now).missed(inbound, period: "7d") == nil)
    }

    /// tester51 G13 (its `webhooks check` side): a received message stamped a second or two after the newest delivery
    /// may be that delivery's own (Meta stamps the message, Kapso the delivery, `TimeMatch.skew`): it is not counted as
    /// missed; one stamped later still is.
    @Test func aMessageStampedJustAfterTheNewestDeliveryIsNotMissed() throws {
        let last = Self.now - 2 * Self.hour
        let deliveries = (0..<5).map { delivery("delivered", 200, hoursAgo: 2 + Double($0)) }
        let verdict = WebhookVerdict(try webhook(), deliveries: deliveries, now: Self.now)
        for offset in [1, TimeMatch.skew] {
            #expect(verdict.missed(WebhookCheck.Inbound(number: "100", times: [last + offset], complete: true), period: "7d") == nil)
        }
        let later = WebhookCheck.Inbound(number: "100", times: [last + TimeMatch.skew + 1], complete: true)
        #expect(verdict.missed(later, period: "7d")?.count == 1)
    }

    /// tester51 G12: the fix for 404s through an ngrok URL names both causes when no delivery to it ever succeeded, and the
    /// tunnel offline as the likely one when deliveries to it succeeded before the 404s.
    @Test func anNgrokNotFoundIsWeighedByWhetherTheURLWorkedBefore() throws {
        let url = "https://abc123.ngrok-free.app/wa"
        let hook = try webhook(["url": .string(url)])
        let failures = (0..<3).map { delivery("failed", 404, hoursAgo: 1 + Double($0), url: url, attempts: 4) }
        let never = WebhookVerdict(hook, deliveries: failures, now: Self.now).failureAdvice
        #expect(never.hasPrefix("404 through the ngrok URL: either the tunnel is offline"), "\(never)")
        let worked = (0..<3).map { delivery("delivered", 200, hoursAgo: 10 + Double($0), url: url) }
        let before = WebhookVerdict(hook, deliveries: worked + failures, now: Self.now).failureAdvice
        #expect(before.hasPrefix("404 through the ngrok URL after deliveries to it succeeded"), "\(before)")
    }

    /// P19-2: the trace's advice for one message without a delivery points at 'webhooks check' only when that check
    /// can see it (the webhook got nothing after the message and receives messages).
    @Test func undeliveredAdviceNamesTheCheckOnlyWhenItSeesTheGap() {
        #expect(WebhookVerdict.undeliveredAdvice(laterDelivery: false, checkSees: true).contains("'webhooks check' counts"))
        #expect(!WebhookVerdict.undeliveredAdvice(laterDelivery: false, checkSees: false).contains("webhooks check"))
        #expect(WebhookVerdict.undeliveredAdvice(laterDelivery: true, laterAnswered: true, checkSees: true).hasPrefix("later events reached it, so Kapso skipped this one"))
        #expect(!WebhookVerdict.undeliveredAdvice(laterDelivery: nil, checkSees: true).contains("webhooks check"))
    }

    /// P11-7: Kapso allows one meta webhook per number; a second is named with the first.
    @Test func twoMetaWebhooksOnOneNumberAreAWarning() throws {
        let first = try webhook(["id": "m1", "kind": "meta", "events": [], "url": "https://meta-a.example.com/wa", "payload_version": nil])
        let second = try webhook(["id": "m2", "kind": "meta", "events": [], "url": "https://meta-b.example.com/wa", "payload_version": nil])
        let check = WebhookCheck(webhooks: [first, second], deliveries: [:], period: "7d", coverageFor: nil, now: Self.now)
        #expect(check.findings.map { "\($0.severity.rawValue) \($0.webhookID ?? "-"): \($0.problem)" } == [
            "warning m2: a second meta webhook on 100, beside m1 (https://meta-a.example.com/wa, active): Kapso allows one meta "
                + "webhook per number (https://docs.kapso.ai/docs/platform/webhooks/overview), so which of them gets Meta's payloads is not something the API says",
        ])
    }
}
