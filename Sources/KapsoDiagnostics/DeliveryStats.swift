public import KapsoClient

/// Counts over webhook deliveries: by status, HTTP status class, event and webhook.
public struct DeliveryStats {
    /// Failures of one webhook.
    public struct WebhookCount {
        public var url: String
        public var total = 0
        public var failed = 0
        /// Deliveries still `pending` whose last attempt failed (`isFailingPending`).
        public var failing = 0
        /// Deliveries delivered after more than one attempt (`WebhookVerdict.deliveredAfterRetry`): counted as delivered,
        /// but each attempt before the last got no 200 within 10 s (tester49 F3).
        public var retried = 0
        /// Deliveries whose status Kapso does not document and whose answer says nothing of how they went
        /// (`DeliveriesLeftOut.readStatus(of:)` nil): in neither `failed` nor the rate (tester62 AL20).
        public var unknown = 0

        public init(url: String) {
            self.url = url
        }
        /// The deliveries whose outcome is known: all but `unknown`.
        public var judged: Int { total - unknown }
        /// The share of the `judged` deliveries that failed or are pending after a failed attempt, in percent, rounded
        /// down (for ordering and the 50 % mark; the text shows `Percent.shown`): a receiver that answers 500 to everything reads 100 % while Kapso still retries, not 0 % (probe43
        /// P43-3); 0 when none is judged (`judged`, which the table shows as `-`, not a clean 0 %).
        public var failureRate: Int { judged == 0 ? 0 : (failed + failing) * 100 / judged }
        /// True when a delivery failed or is pending after a failed attempt: a rate of 0 then reads "under 1 %".
        public var hasFailures: Bool { failed + failing > 0 }
        /// The same share as a JSON number: cut after 3 decimals (the text's share, `Percent.shown`, is rounded to a whole
        /// percent), and never 0 when a delivery failed (to its first digit that is not 0), as the text's `<1 %` is never
        /// `0 %` (tester47 F11: the JSON said 0
        /// where the text said `<1 %`, so `select(.failure_rate_percent > 0)` dropped a failing receiver). 2 of 201 →
        /// `0.995`, 1 of 3 → `33.333`, 1 of 100000 → `0.001`, 1 of 2 → `50`.
        public var failureRatePercent: String {
            let bad = failed + failing
            let total = judged
            guard total > 0, bad > 0 else { return "0" }
            let whole = bad * 100 / total
            var remainder = bad * 100 % total
            var digits = ""
            while remainder != 0, digits.count < 3 || (whole == 0 && digits.allSatisfy { $0 == "0" }) {
                remainder *= 10
                digits += String(remainder / total)
                remainder %= total
            }
            while digits.last == "0" { digits.removeLast() }
            return digits.isEmpty ? "\(whole)" : "\(whole).\(digits)"
        }
    }

    /// True for a delivery still `pending` whose last attempt got an answer other than 2xx: a failed attempt
    /// (kapso-api.md §10.2: "Anything else or a timeout is a failed attempt"), retried 10, 40 and 90 s after each failure
    /// and then `failed` (§10.3), or stuck when no attempt follows (`WebhookVerdict.stuckAfter`). The reading
    /// `webhooks check` uses for deliveries being retried (`WebhookVerdict.attemptFailed`, probe28 P28-10).
    public static func isFailingPending(_ delivery: WebhookDelivery) -> Bool {
        WebhookVerdict.Delivery(delivery).map(WebhookVerdict.attemptFailed) ?? false
    }

    public private(set) var total = 0
    public private(set) var byStatus: [String: Int] = [:]
    public private(set) var byHTTPClass: [String: Int] = [:]
    public private(set) var byEvent: [String: Int] = [:]
    public private(set) var byWebhook: [String: WebhookCount] = [:]
    /// Deliveries still `pending` whose last attempt failed (`isFailingPending`), of every webhook.
    public private(set) var failing = 0
    /// Deliveries delivered after more than one attempt, of every webhook.
    public private(set) var retried = 0
    /// Deliveries with a status Kapso does not document (kapso-api.md §4: pending, delivered, failed; in any case), by
    /// status as recorded (`(none)` for none).
    public private(set) var undocumented: [String: Int] = [:]
    /// Of `undocumented`, those counted failed by their HTTP answer (`DeliveriesLeftOut.readStatus(of:)`).
    public private(set) var readAsFailed = 0
    /// Of `readAsFailed`, those tried that got no HTTP response at all (tester63b AO6).
    public private(set) var readAsFailedWithoutAnswer = 0

    /// The API's clock (Unix seconds) the deliveries were read at, for `ahead`; nil when unknown (set it once the first
    /// page came back, whose `Date` header gives it).
    public var now: Int64?
    /// Deliveries whose `created_at` is more than `MessageTime.skew` ahead of `now`, and the newest such time: counted in
    /// the period as Kapso listed them, but when they happened cannot be known (tester64b U7).
    public private(set) var ahead: (count: Int, newest: Int64) = (0, 0)

    public init(now: Int64? = nil) {
        self.now = now
    }

    /// Adds one delivery to every count.
    public mutating func add(_ delivery: WebhookDelivery) {
        total += 1
        if let now, let created = KapsoTime.seconds(iso: delivery.createdAt), created - now > MessageTime.skew {
            ahead = (ahead.count + 1, max(ahead.newest, created))
        }
        byStatus[delivery.status, default: 0] += 1
        byHTTPClass[Self.httpClass(of: delivery), default: 0] += 1
        byEvent[delivery.event, default: 0] += 1
        var webhook = byWebhook[delivery.webhookID] ?? WebhookCount(url: delivery.webhookURL)
        webhook.total += 1
        // An undocumented status is read by the delivery's HTTP answer, never as a success (tester62 AL20: four rows
        // answered 500 with statuses retrying, FAILED, … read 0 % failure).
        let status = DeliveriesLeftOut.readStatus(of: delivery)
        if status == "failed" { webhook.failed += 1 }
        if status == nil { webhook.unknown += 1 }
        // Read as recorded for a documented status: the case-folded spelling only for the other rows.
        if status != delivery.status, !DeliveriesLeftOut.documentedStatuses.contains(delivery.status.lowercased()) {
            undocumented[delivery.status.isEmpty ? "(none)" : delivery.status, default: 0] += 1
            if status == "failed" {
                readAsFailed += 1
                if delivery.answer == .none { readAsFailedWithoutAnswer += 1 }
            }
        }
        if Self.isFailingPending(delivery) {
            webhook.failing += 1
            failing += 1
        }
        if WebhookVerdict.deliveredAfterRetry(status: delivery.status, attempts: delivery.attemptCount ?? 0) {
            webhook.retried += 1
            retried += 1
        }
        byWebhook[delivery.webhookID] = webhook
    }

    /// The label a delivery is counted under: `notAttemptedLabel` for one Kapso has not tried yet (`attempt_count` 0 and
    /// no status: pending means queued or retrying, kapso-api.md §4), which has no answer because nothing was sent, not
    /// because the connection failed (probe40 P40-10); else `httpClass(_:)` of its answer alone: `unreadable` for an
    /// unreadable answer (tester54 V23). A `last_attempt_at` beside 0 attempts (Kapso may stamp the queueing time there)
    /// does not make it an attempt: the list shows it `-`, not attempted, and its footer leaves it out of "got no HTTP
    /// response" (tester60 AH2: stats counted it there). An unreadable `attempt_count` beside a null answer is still no
    /// HTTP response, as the list's HTTP cell says `none` (tester56b AA3: it was counted as an unreadable answer).
    /// A delivery Kapso marked failed is no delivery waiting for its first try, whatever its count says: it got no HTTP
    /// response (tester62 AL12: `failed`, 0 attempts, null answer was counted "not attempted yet").
    public static func httpClass(of delivery: WebhookDelivery) -> String {
        if delivery.attemptCount == 0, delivery.answer == .none, DeliveriesLeftOut.readStatus(of: delivery) != "failed" {
            return notAttemptedLabel
        }
        return httpClass(delivery.answer)
    }

    /// The label of deliveries not attempted yet, apart from `no HTTP response` (`deliveries` shows them as `-`).
    public static let notAttemptedLabel = "not attempted yet"

    /// `2xx`, `4xx`, `5xx`, `no HTTP response` (`DeliveryAnswer`: 0 or none recorded; timeout, refused, TLS) or
    /// `unreadable`.
    public static func httpClass(_ status: Int?) -> String {
        httpClass(DeliveryAnswer(status))
    }

    static func httpClass(_ answer: DeliveryAnswer) -> String {
        switch answer {
        case .status(let status): "\(status / 100)xx"
        case .none: DeliveryAnswer.noResponseLabel
        case .unreadable: DeliveryAnswer.unreadableLabel
        }
    }

    /// Counts sorted by count, largest first (ties by name), for tables.
    public static func sorted(_ counts: [String: Int]) -> [(key: String, value: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }

    /// Every count as JSON, for `--output json`.
    public var json: JSONValue {
        func object(_ counts: [String: Int]) -> JSONValue {
            .object(JSONObject(Self.sorted(counts).map { .init(key: $0.key, value: .number(String($0.value))) }))
        }
        let webhooks = byWebhook.sorted { $0.key < $1.key }.map { id, count -> JSONValue in
            .object([
                "webhook_id": .string(id), "webhook_url": .string(count.url), "total": .number(String(count.total)),
                "failed": .number(String(count.failed)), "pending_after_failed_attempt": .number(String(count.failing)),
                "delivered_after_retry": .number(String(count.retried)), "unknown_status": .number(String(count.unknown)),
                "failure_rate_percent": count.judged == 0 ? .null : .number(count.failureRatePercent),
            ])
        }
        return .object([
            "total": .number(String(total)), "by_status": object(byStatus), "by_http_class": object(byHTTPClass),
            "by_event": object(byEvent), "pending_after_failed_attempt": .number(String(failing)),
            "delivered_after_retry": .number(String(retried)), "undocumented_statuses": object(undocumented),
            "read_as_failed": .number(String(readAsFailed)), "ahead_of_api_clock": .number(String(ahead.count)),
            "webhooks": .array(webhooks),
        ])
    }

    /// `note: 4 of them are stamped ahead of the API's clock (the newest 2026-12-06T18:52:18Z, 15 d 6 h ahead of
    /// 2026-11-21T12:00:00Z): …`, when `ahead` holds any; nil otherwise. `period` is the period as typed (`24h`).
    public func aheadNote(period: String) -> String? {
        guard ahead.count > 0, let now else { return nil }
        let them = ahead.count == total ? (total == 1 ? "it is" : "all \(total) are") : "\(ahead.count) of them \(ahead.count == 1 ? "is" : "are")"
        return "note: \(them) stamped ahead of the API's clock (the newest \(KapsoTime.iso(ahead.newest)), "
            + "\(Elapsed.text(ahead.newest - now)) ahead of \(KapsoTime.iso(now))): counted in the last \(period) as Kapso "
            + "listed them, but when they happened is not known (a wrong clock where they were stamped, or an import)"
    }
}
