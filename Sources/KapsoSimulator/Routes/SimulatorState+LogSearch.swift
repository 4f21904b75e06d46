// MARK: - Log search (`docs/log-search.md`)

extension SimulatorState {
    /// `GET|POST /log_search`: events from every source, merged newest first, one page per call.
    ///
    /// Each source is already in newest-first order (API logs and deliveries as stored; message events through
    /// `MessageEventIndex`), so a page starts in each by binary search from the cursor and merges forward until
    /// it has `limit + 1` matches: a page costs the events it looks at, not the size of the project.
    func logSearch(_ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        guard logSearchAvailable else { return Self.logSearchUnavailable(source: request) }
        // The POST body is optional (Kapso's spec: `required: false`); none means every default.
        let search =
            request.method == "POST"
            ? try LogSearchQuery(body: request.body.isEmpty ? JSONObject() : try request.jsonObject())
            : try LogSearchQuery(query: request.query)
        let window = search.window(now: now)
        // A source whose events never carry a filtered field cannot match: it is not read at all.
        let sources = search.sources.filter { source in
            search.filters.allSatisfy { filter in
                LogSearchCatalog.filter(filter.key)?.sources.contains(source) ?? false
            }
        }
        var streams = logSearchStreams(for: sources)
        // Just past the last event served (or the window's end): newest-first order is (time, id) descending.
        let position = search.cursor.map { ($0.time, $0.id) } ?? (window.until.adding(micros: 1), "")
        for index in streams.indices { streams[index].start(after: position) }
        var events: [JSONObject] = []
        var last: (time: Timestamp, id: String)?
        var hasMore = false
        while let next = Self.newest(in: streams, since: window.since) {
            let (head, key) = streams[next].advance()
            guard Self.matches(streams[next].event(at: head, full: false), search) else { continue }
            if events.count == search.limit {
                hasMore = true
                break
            }
            events.append(streams[next].event(at: head, full: true))
            last = key
        }
        let fingerprint = search.fingerprint
        let nextCursor = hasMore ? last.map { LogSearchCursor(time: $0.time, id: $0.id, fingerprint: fingerprint, since: window.since, until: window.until).encoded } : nil
        let served = events.map { event -> JSONValue in
            var event = event
            event[LogSearchEvent.problemKey] = nil
            if Self.isHighlighted(event, search) { event["highlighted"] = true }
            return .object(event)
        }
        return .data([
            "available": true, "source": .string(search.sourceName),
            "window": ["since": .string(window.since.isoMicros), "until": .string(window.until.isoMicros)],
            "events": .array(served),
            "pagination": ["has_more": .bool(hasMore), "next_cursor": JSONValue(nextCursor)],
        ])
    }

    /// `GET /log_search/catalog`.
    func logSearchCatalog() -> APIResponse {
        // Kapso's published example of an unavailable catalogue.
        guard logSearchAvailable else { return .data(["available": false, "events": []]) }
        return .data(["available": true, "catalog": LogSearchCatalog.json])
    }

    func setLogSearchAvailable(_ available: Bool) {
        logSearchAvailable = available
        emit("log search \(available ? "available" : "unavailable")")
    }

    /// 200 with `available: false`: search is not enabled for the project (not "no results").
    private static func logSearchUnavailable(source request: APIRequest) -> APIResponse {
        let source = request.method == "GET" ? request.query["source"] : (try? request.jsonObject())?["source"]?.stringValue
        return .data([
            "available": false, "source": .string(source.flatMap { LogSearchCatalog.resolve($0)?.name } ?? "all"),
            "events": [], "pagination": ["has_more": false, "next_cursor": .null],
            "error": "Log search is not enabled for this project", "code": "log_search_unavailable",
        ])
    }

    /// One sorted stream per single source the simulator has events for; flows and functions have none.
    private func logSearchStreams(for sources: [String]) -> [LogSearchStream] {
        var streams: [LogSearchStream] = []
        for source in sources {
            switch source {
            case LogSearchCatalog.externalAPILog:
                streams.append(LogSearchStream(records: apiLogs.records, prefix: "api_") { record, _ in LogSearchEvent.apiLog(record) })
            case LogSearchCatalog.webhookDelivery:
                streams.append(LogSearchStream(records: deliveries.records, prefix: "dlv_") { record, _ in LogSearchEvent.delivery(record) })
            case LogSearchCatalog.messageEvent, LogSearchCatalog.webhookEvent:
                let meta = source == LogSearchCatalog.webhookEvent
                // The index's positions are into this very version of the messages.
                let index = currentMessageEventIndex()
                let messages = self.messages.records
                let numbers = Dictionary(phoneNumbers.records.map { ($0.id, $0.json) }) { first, _ in first }
                streams.append(
                    LogSearchStream(entries: index.entries, prefix: meta ? "wwe_" : "wme_") { entry, full in
                        let message = messages[entry.position]
                        let number = (message.json["kapso"]?["phone_number_id"]?.stringValue).flatMap { numbers[$0] }
                        return LogSearchEvent.message(entry, message, number: number, meta: meta, full: full)
                    })
            default: continue
            }
        }
        return streams
    }

    /// The message event index, rebuilt when the messages changed since it was built.
    private func currentMessageEventIndex() -> MessageEventIndex {
        if let index = messageEventIndex, index.version == messages.version { return index }
        let index = MessageEventIndex(messages)
        messageEventIndex = index
        return index
    }

    /// The stream whose next event is newest and still inside the window, if any.
    private static func newest(in streams: [LogSearchStream], since: Timestamp) -> Int? {
        var best: (index: Int, time: Timestamp, id: String)?
        for (index, stream) in streams.enumerated() {
            guard let key = stream.headKey, key.time >= since else { continue }
            if let current = best, current.time > key.time || (current.time == key.time && current.id > key.id) { continue }
            best = (index, key.time, key.id)
        }
        return best?.index
    }

    private static let searchedFields: Set<String> = [
        "message", "endpoint", "id", "resource_id", "whatsapp_message_id", "request_id", "webhook_id", "webhook_url",
        "phone_number_id", "event_type", "event", "api_key_name", "error_message", "error_title",
    ]

    private static func matches(_ event: JSONObject, _ search: LogSearchQuery) -> Bool {
        if search.problemsOnly, !LogSearchEvent.isProblem(event) { return false }
        for filter in search.filters {
            if filter.key == "endpoint_contains" {
                guard let endpoint = event["endpoint"]?.stringValue,
                    endpoint.lowercased().contains(filter.value.lowercased())
                else { return false }
                continue
            }
            guard let value = event[filter.key], text(value) == filter.value else { return false }
        }
        if let query = search.text {
            let needle = Array(query.utf8)
            // One pass over the event's members (a lookup per searched field would scan them each time).
            return event.members.contains { member in
                guard case .string(let value) = member.value, searchedFields.contains(member.key) else { return false }
                return Self.contains(value, foldedNeedle: needle)
            }
        }
        return true
    }

    /// Whether `text` contains `needle` (lowercase UTF-8), ignoring ASCII case, without allocating: a search
    /// with no match looks at every event in the window, so this runs for each of their fields.
    private static func contains(_ text: String, foldedNeedle needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard !needle.isEmpty else { return true }
            guard haystack.count >= needle.count else { return false }
            func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
            for start in 0...(haystack.count - needle.count) where folded(haystack[start]) == needle[0] {
                var offset = 1
                while offset < needle.count, folded(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }
    }

    /// A scalar as the text filters compare (`404`, `true`, `failed`); nil for null, arrays and objects.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .double: value.encodedString
        default: nil
        }
    }

    private static func isHighlighted(_ event: JSONObject, _ search: LogSearchQuery) -> Bool {
        if let id = search.highlightEventID, event["id"]?.stringValue == id { return true }
        guard let resource = search.highlightResourceID else { return false }
        return event["resource_id"]?.stringValue == resource || event["whatsapp_message_id"]?.stringValue == resource
    }
}

/// One source's events in newest-first order, read from `head` on.
struct LogSearchStream {
    let count: Int
    private(set) var head = 0
    /// The key of the event at `head` (nil past the end), made once: the merge compares it at every step.
    private(set) var headKey: (time: Timestamp, id: String)?
    private let keyAt: (Int) -> (time: Timestamp, id: String)
    private let eventAt: (Int, Bool) -> JSONObject

    /// `make(record, full)` makes the event; without `full` it may leave out what no search matches on.
    init(records: RecordList.NewestFirst, prefix: String, make: @escaping (Record, Bool) -> JSONObject) {
        count = records.count
        keyAt = { index in
            let record = records[index]
            return (record.sortTime, prefix + record.id)
        }
        eventAt = { make(records[$0], $1) }
    }

    init(
        entries: [MessageEventIndex.Entry], prefix: String,
        make: @escaping (MessageEventIndex.Entry, Bool) -> JSONObject
    ) {
        count = entries.count
        keyAt = { (entries[$0].time, prefix + entries[$0].suffix) }
        eventAt = { make(entries[$0], $1) }
    }

    func event(at index: Int, full: Bool) -> JSONObject { eventAt(index, full) }

    /// Moves past the event at `head`; returns its index and key.
    mutating func advance() -> (index: Int, key: (time: Timestamp, id: String)) {
        let taken = (head, headKey ?? keyAt(head))
        head += 1
        headKey = head < count ? keyAt(head) : nil
        return taken
    }

    /// Moves `head` to the first event strictly older than `position` in (time, id) descending order.
    mutating func start(after position: (time: Timestamp, id: String)) {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            let candidate = keyAt(middle)
            if candidate.time < position.time || (candidate.time == position.time && candidate.id < position.id) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        head = low
        headKey = head < count ? keyAt(head) : nil
    }
}
