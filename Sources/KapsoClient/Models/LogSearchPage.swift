/// What `GET/POST /log_search` answered: a page of events, or `available: false` (search is not enabled for
/// the project; not "no results", kapso-api.md §6, §14.4).
public enum LogSearchResult: Sendable {
    case page(LogSearchPage)
    /// `available: false`, with the API's `error` text and `code` when given (e.g. `log_search_unavailable`).
    case unavailable(message: String?, code: String?)

    /// Reads `{"data": {"available", "source", "window", "events", "pagination"}}`.
    public init(json: JSONValue) throws(KapsoAPIError) {
        guard let data = json["data"]?.object else { throw .badShape("log search response without a 'data' object") }
        guard data["available"]?.bool ?? true else {
            self = .unavailable(message: data["error"]?.string, code: data["code"]?.string)
            return
        }
        guard let rows = data["events"]?.array else { throw .badShape("log search response without an 'events' array") }
        var events: [LogSearchEvent] = []
        events.reserveCapacity(rows.count)
        for row in rows {
            guard let object = row.object else { throw .badShape("log search event that is not an object") }
            events.append(try LogSearchEvent(json: object))
        }
        let pagination = data["pagination"]?.object
        let next = pagination?["next_cursor"]?.string
        self = .page(
            LogSearchPage(
                events: events, source: data["source"]?.string ?? "all", since: data["window"]?["since"]?.string,
                until: data["window"]?["until"]?.string, nextCursor: (pagination?["has_more"]?.bool ?? true) ? next : nil,
                json: json))
    }
}

/// One page of log search events, newest first, with the window searched and the cursor to the next page.
public struct LogSearchPage: Sendable {
    public var events: [LogSearchEvent]
    /// The source searched, as the API names it (`all`, `external_api_log`, ...).
    public var source: String
    /// The window searched (ISO 8601), when the API says.
    public var since: String?
    public var until: String?
    /// `pagination.next_cursor`, nil on the last page.
    public var nextCursor: String?
    public var json: JSONValue

    public init(
        events: [LogSearchEvent], source: String, since: String?, until: String?, nextCursor: String?, json: JSONValue
    ) {
        self.events = events
        self.source = source
        self.since = since
        self.until = until
        self.nextCursor = nextCursor
        self.json = json
    }

    /// The same page as a cursor-style `Page`, whose `after` is the search's `cursor` (for `next` and `--all`).
    public var page: Page<LogSearchEvent> { Page(items: events, position: .cursor(next: nextCursor), json: json) }
}
