public import KapsoClient

/// A message's Meta status events as they happened: sorted by their timestamps (stable for ties, so
/// equal times keep the order they were stored in), each with its time after the send.
///
/// Kapso stores `kapso.statuses[]` in arrival order, which is not always the order Meta produced them
/// (webhooks arrive out of order). Events without a readable timestamp are kept, after the timed ones,
/// in stored order, and counted in `untimedCount`, because their place in the history is unknown.
public struct StatusHistory: Sendable {
    /// One status event: `sent`, `delivered`, `read`, `failed` (or anything Meta adds later).
    public struct Event: Sendable {
        public var status: String
        /// Unix seconds, nil when the event has no readable `timestamp`.
        public var time: Int64?
        /// Seconds after the send (the message's own `timestamp`); nil when either time is unknown.
        public var sinceSend: Int64?
        /// Every `errors[]` entry of the event (failed events carry them).
        public var errors: [MessageError]
        /// Where the event was in `kapso.statuses[]`, zero-based.
        public var storedIndex: Int
    }

    /// A failure and a later delivery or read: WhatsApp reported both, so the outcome is uncertain.
    public struct Conflict: Sendable {
        public var failure: Event
        /// The delivered or read event that came after the failure (or, when the failure is last, before it).
        public var success: Event
        /// True when the failure is the later of the two.
        public var failureIsLast: Bool
    }

    /// The events, oldest first.
    public let events: [Event]
    /// The send time the deltas count from (Unix seconds).
    public let sentAt: Int64?
    /// How many events have no readable timestamp.
    public let untimedCount: Int

    /// Reads a `kapso.statuses` value; anything that is not an array of objects gives no events.
    public init(statuses: JSONValue?, sentAt: Int64?) {
        self.sentAt = sentAt
        var timed: [Event] = []
        var untimed: [Event] = []
        for (index, value) in (statuses?.array ?? []).enumerated() {
            guard let json = value.object else { continue }
            let time = Self.seconds(json["timestamp"])
            let event = Event(
                status: json["status"]?.string ?? "unknown", time: time,
                sinceSend: time.flatMap { time in sentAt.map { time - $0 } }, errors: MessageError.all(in: json["errors"]),
                storedIndex: index)
            if time == nil { untimed.append(event) } else { timed.append(event) }
        }
        // Swift's sort is not guaranteed stable; the stored index breaks ties.
        timed.sort { ($0.time ?? 0, $0.storedIndex) < ($1.time ?? 0, $1.storedIndex) }
        events = timed + untimed
        untimedCount = untimed.count
    }

    /// The history of a Platform API message (`kapso.statuses`, deltas from its `timestamp`).
    public init(message: Message) {
        self.init(statuses: message.json["kapso"]?["statuses"], sentAt: message.time)
    }

    /// The failed events, oldest first.
    public var failures: [Event] { events.filter { $0.status == "failed" } }

    /// The latest event by time; nil when the history is empty or an event has no timestamp (then
    /// which came last is unknown, and Kapso's own `kapso.status` is the better guess).
    public var latest: Event? { untimedCount > 0 ? nil : events.last }

    /// A failed event together with a delivered or read one, if the history has both.
    public var conflict: Conflict? {
        guard let failure = failures.last else { return nil }
        let successes = events.filter { $0.status == "delivered" || $0.status == "read" }
        guard let success = successes.last else { return nil }
        let failureIsLast: Bool
        switch (failure.time, success.time) {
        case (let failed?, let succeeded?): failureIsLast = failed > succeeded
        default: failureIsLast = failure.storedIndex > success.storedIndex
        }
        return Conflict(failure: failure, success: success, failureIsLast: failureIsLast)
    }

    // `"1795256160"` (Meta's string of digits) or a bare number.
    private static func seconds(_ value: JSONValue?) -> Int64? {
        if let text = value?.string { return KapsoTime.seconds(unix: text) }
        return value?.int.map(Int64.init)
    }
}
