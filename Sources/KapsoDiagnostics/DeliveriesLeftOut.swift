public import KapsoClient

/// Delivery rows a webhook's verdict cannot read, counted so that the commands that judge a receiver say they were left
/// out (tester58 AD6 item 6: `webhooks check` judged "2 of its 4 deliveries" of a log of 7 that `deliveries` lists, and
/// said nothing of the other 3). A row is read when its `status` is one Kapso documents (`pending`, `delivered`,
/// `failed`, kapso-api.md §4) and its `created_at` an ISO 8601 time (`KapsoTime.seconds(iso:)`); a row with another
/// status (`retrying`, `succeeded`) says neither that the event reached the receiver nor that it did not, and one
/// without a time cannot be placed among the others. The one rule `webhooks check`, `health` and `errors` read.
public struct DeliveriesLeftOut: Sendable, Equatable {
    /// The rows with a status Kapso does not document, by status as recorded (`(none)` for a missing one).
    public private(set) var statuses: [String: Int] = [:]
    /// The rows with a documented status but no readable `created_at`, as recorded (`(none)` for a missing one).
    public private(set) var times: [String] = []

    public init() {}

    /// The statuses Kapso documents for a delivery (kapso-api.md §4).
    public static let documentedStatuses: Set<String> = ["pending", "delivered", "failed"]

    /// `delivery` as the verdicts read it; nil, and counted here, when its status or time cannot be read.
    public mutating func read(_ delivery: WebhookDelivery) -> WebhookVerdict.Delivery? {
        guard Self.documentedStatuses.contains(delivery.status) else {
            statuses[delivery.status.isEmpty ? "(none)" : delivery.status, default: 0] += 1
            return nil
        }
        guard let read = WebhookVerdict.Delivery(delivery) else {
            times.append(delivery.createdAt.isEmpty ? "(none)" : delivery.createdAt)
            return nil
        }
        return read
    }

    /// Adds `other`'s rows (another webhook's page).
    public mutating func add(_ other: DeliveriesLeftOut) {
        statuses.merge(other.statuses, uniquingKeysWith: +)
        times += other.times
    }

    /// How many rows were left out.
    public var count: Int { statuses.values.reduce(0, +) + times.count }

    /// `3 deliveries left out of the verdict: 2 with a status Kapso does not document (retrying, succeeded), so neither
    /// delivered nor failed and 1 with a created_at that is no ISO 8601 time ('2026-11-21 11:20:00'); 'deliveries'
    /// lists them`, `of` naming what they were left out of; nil when none was.
    public func line(of what: String = "the verdict", command: String) -> String? {
        guard count > 0 else { return nil }
        var parts: [String] = []
        let odd = statuses.values.reduce(0, +)
        if odd > 0 {
            parts.append("\(odd) with a status Kapso does not document (\(statuses.keys.sorted().joined(separator: ", "))), "
                + "so neither delivered nor failed")
        }
        if !times.isEmpty {
            // As recorded, cut: it is the API's text, and two say what kind of time it is.
            let shown = Set(times).sorted().prefix(2).map { "'\($0.prefix(40))'" }.joined(separator: ", ")
            parts.append("\(times.count) with a created_at that is no ISO 8601 time (\(shown))")
        }
        let rows = count == 1 ? "1 delivery" : "\(count) deliveries"
        return "\(rows) left out of \(what): " + parts.joined(separator: " and ") + "; '\(command)' lists them"
    }

    /// `{"count": 3, "statuses": {"retrying": 1}, "times": ["2026-11-21 11:20:00"]}`.
    public var json: JSONValue {
        .object([
            "count": .number(String(count)),
            "statuses": .object(JSONObject(statuses.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .number(String($0.value))) })),
            "times": .array(times.map(JSONValue.string)),
        ])
    }
}
