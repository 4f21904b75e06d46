public import KapsoClient

/// Problem events of a search, one group per cause: same source, same one-line reading, same status
/// (`logs search --problems`), so 48 identical 404s are one row beside the single failed reply.
public struct LogSearchProblems: Sendable {
    /// One cause: how often, when first and last, and the newest event's linking id.
    public struct Group: Sendable, Equatable {
        /// The API's source name, e.g. `external_api_log`.
        public var sourceName: String
        public var reading: LogSearchReading
        public var count: Int
        /// ISO times of the oldest and newest event.
        public var first: String
        public var last: String
    }

    /// Most frequent first; ties newest first.
    public var groups: [Group] {
        grouped.sorted { ($0.count, $0.last) > ($1.count, $1.last) }
    }

    /// Problem events added.
    public private(set) var total = 0
    private var grouped: [Group] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Adds the problem events among `events` (others are skipped).
    public mutating func add(_ events: [LogSearchEvent]) {
        for event in events {
            let reading = LogSearchReading(event)
            guard reading.isProblem else { continue }
            total += 1
            let key = event.source + "\u{1}" + reading.what + "\u{1}" + reading.status
            guard let at = index[key] else {
                index[key] = grouped.count
                grouped.append(Group(sourceName: event.source, reading: reading, count: 1, first: reading.time, last: reading.time))
                continue
            }
            grouped[at].count += 1
            if reading.time < grouped[at].first { grouped[at].first = reading.time }
            if reading.time > grouped[at].last {
                grouped[at].last = reading.time
                grouped[at].reading = reading
            }
        }
    }

    /// The groups as JSON: `[{source, what, status, count, first, last, id}]`.
    public var json: JSONValue {
        .array(
            groups.map { group in
                [
                    "source": .string(group.sourceName), "what": .string(group.reading.what),
                    "status": .string(group.reading.status), "count": .number(String(group.count)),
                    "first": .string(group.first), "last": .string(group.last), "id": .string(group.reading.link),
                ]
            })
    }
}
