public import KapsoClient

/// Delivery rows a webhook's verdict cannot read, counted so that the commands that judge a receiver say they were left
/// out (tester58 AD6 item 6: `webhooks check` judged "2 of its 4 deliveries" of a log of 7 that `deliveries` lists, and
/// said nothing of the other 3), and rows whose status Kapso does not document read by their HTTP answer. A row is read
/// when its `status` is one Kapso documents (`pending`, `delivered`, `failed`, kapso-api.md §4; in any case: `FAILED` is
/// failed) and its `created_at` an ISO 8601 time (`KapsoTime.seconds(iso:)`). A row with another status (`retrying`,
/// `cancelled`) whose last attempt got an HTTP status other than 2xx is read as failed: "anything else [than 2xx] or a
/// timeout is a failed attempt" (kapso-api.md §10.2), whatever the status word says (tester62 AL20: four such rows
/// answered 500 read "0 %" failure and `webhooks check` said nothing). Any other row with an undocumented status says
/// neither that the event reached the receiver nor that it did not (a 2xx beside `cancelled` is no delivery kops can
/// vouch for), and one without a time cannot be placed among the others. The one rule `webhooks check`, `health`,
/// `errors`, `overview` and `deliveries stats` read.
public struct DeliveriesLeftOut: Sendable, Equatable {
    /// The rows with a status Kapso does not document, by status as recorded (`(none)` for a missing one).
    public private(set) var statuses: [String: Int] = [:]
    /// The rows with a documented status but no readable `created_at`, as recorded (`(none)` for a missing one).
    public private(set) var times: [String] = []
    /// The rows with a status Kapso does not document read as failed by their HTTP answer (`readStatus(of:)`), by status
    /// as recorded; they are in the verdict, not left out.
    public private(set) var failedByAnswer: [String: Int] = [:]
    /// The HTTP statuses of the `failedByAnswer` rows.
    public private(set) var failedAnswers: Set<Int> = []
    /// Of the `failedByAnswer` rows, those tried at least once that got no HTTP response at all (tester63b AO6).
    public private(set) var failedWithoutAnswer = 0

    public init() {}

    /// The statuses Kapso documents for a delivery (kapso-api.md §4).
    public static let documentedStatuses: Set<String> = ["pending", "delivered", "failed"]

    /// The status the verdicts read for `delivery`: a documented one in any case (`FAILED` → `failed`); `failed` for an
    /// undocumented one whose last attempt got an HTTP status other than 2xx (`DeliveryAnswer.status`), or that was tried
    /// (`attempt_count` 1 or more) and got no HTTP response at all: "Anything else or a timeout is a failed attempt"
    /// (kapso-api.md §10.2; docs.kapso.ai/docs/platform/webhooks/overview: "Your endpoint must return 200 OK within 10
    /// seconds"; tester63b AO6: `timeout` after 4 attempts with `response_status` null was in no verdict). Nil otherwise
    /// (no attempt yet, a 2xx or an unreadable answer beside a status kops does not know: not known how it went).
    public static func readStatus(of delivery: WebhookDelivery) -> String? {
        let status = delivery.status
        if documentedStatuses.contains(status) { return status }
        let lowered = status.lowercased()
        if documentedStatuses.contains(lowered) { return lowered }
        if case .status(let http) = delivery.answer, !(200...299).contains(http) { return "failed" }
        if delivery.answer == .none, let attempts = delivery.attemptCount, attempts > 0 { return "failed" }
        return nil
    }

    /// `delivery` as the verdicts read it; nil, and counted here, when its status or time cannot be read.
    public mutating func read(_ delivery: WebhookDelivery) -> WebhookVerdict.Delivery? {
        guard let status = Self.readStatus(of: delivery) else {
            statuses[delivery.status.isEmpty ? "(none)" : delivery.status, default: 0] += 1
            return nil
        }
        guard var read = WebhookVerdict.Delivery(delivery) else {
            times.append(delivery.createdAt.isEmpty ? "(none)" : delivery.createdAt)
            return nil
        }
        if status != delivery.status, status != delivery.status.lowercased() {
            failedByAnswer[delivery.status, default: 0] += 1
            if let http = read.http { failedAnswers.insert(http) } else { failedWithoutAnswer += 1 }
        }
        read.status = status
        return read
    }

    /// Adds `other`'s rows (another webhook's page).
    public mutating func add(_ other: DeliveriesLeftOut) {
        statuses.merge(other.statuses, uniquingKeysWith: +)
        times += other.times
        failedByAnswer.merge(other.failedByAnswer, uniquingKeysWith: +)
        failedAnswers.formUnion(other.failedAnswers)
        failedWithoutAnswer += other.failedWithoutAnswer
    }

    /// How many rows were left out.
    public var count: Int { statuses.values.reduce(0, +) + times.count }

    /// True when no row was left out nor read as failed by its answer: `line(of:command:)` is nil and the JSON
    /// `deliveries_left_out` is left out.
    public var isEmpty: Bool { count == 0 && failedByAnswer.isEmpty }

    /// `3 deliveries left out of the verdict: 2 with a status Kapso does not document (retrying, succeeded), so neither
    /// delivered nor failed and 1 with a created_at that is no ISO 8601 time ('2026-11-21 11:20:00'); 'deliveries'
    /// lists them`, `of` naming what they were left out of; then the rows read as failed by their answer (`4 deliveries
    /// with a status Kapso does not document (FAILED, retrying) read as failed: their last attempt was answered HTTP
    /// 500, …`). Nil when no row was left out or read so.
    public func line(of what: String = "the verdict", command: String) -> String? {
        var sentences: [String] = []
        if count > 0 {
            var parts: [String] = []
            let odd = statuses.values.reduce(0, +)
            if odd > 0 {
                parts.append("\(odd) with a status Kapso does not document (\(statuses.keys.sorted().map(Self.shown).joined(separator: ", "))), "
                    + "so neither delivered nor failed")
            }
            if !times.isEmpty {
                // As recorded, cut: it is the API's text, and two say what kind of time it is.
                let shown = Set(times).sorted().prefix(2).map { "'\($0.prefix(40))'" }.joined(separator: ", ")
                parts.append("\(times.count) with a created_at that is no ISO 8601 time (\(shown))")
            }
            let rows = count == 1 ? "1 delivery" : "\(count) deliveries"
            sentences.append("\(rows) left out of \(what): " + parts.joined(separator: " and "))
        }
        let failed = failedByAnswer.values.reduce(0, +)
        if failed > 0 {
            let rows = failed == 1 ? "1 delivery" : "\(failed) deliveries"
            var answers: [String] = []
            if !failedAnswers.isEmpty {
                answers.append("the last attempt was answered HTTP " + failedAnswers.sorted().map(String.init).joined(separator: ", "))
            }
            if failedWithoutAnswer > 0 {
                answers.append((failedWithoutAnswer == failed ? "their" : "for \(failedWithoutAnswer) of them, the")
                    + " last attempt got no HTTP response (a timeout, a refused connection or a TLS failure: which is not recorded)")
            }
            sentences.append(
                "\(rows) with a status Kapso does not document (\(failedByAnswer.keys.sorted().map(Self.shown).joined(separator: ", "))) "
                    + "read as failed: " + answers.joined(separator: "; ")
                    + (failedWithoutAnswer > 0
                        ? ", and no 2xx within Kapso's 10 s is a failed attempt" : ", and any answer but 2xx is a failed attempt")
                    + (failedWithoutAnswer > 0 ? "; whether Kapso still retries them is not known from that status" : ""))
        }
        guard !sentences.isEmpty else { return nil }
        return sentences.joined(separator: "; ") + "; '\(command)' lists them"
    }

    /// A recorded status as a list names it: quoted when blanks start or end it (`'failed '`), as is otherwise.
    public static func shown(_ status: String) -> String {
        status.first?.isWhitespace == true || status.last?.isWhitespace == true ? "'\(status)'" : status
    }

    /// `{"count": 3, "statuses": {"retrying": 1}, "times": ["2026-11-21 11:20:00"], "read_as_failed": {"FAILED": 1}}`.
    public var json: JSONValue {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(JSONObject(values.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .number(String($0.value))) }))
        }
        return .object([
            "count": .number(String(count)), "statuses": counts(statuses), "times": .array(times.map(JSONValue.string)),
            "read_as_failed": counts(failedByAnswer),
        ])
    }
}
