public import KopsHTTP

/// One log search (kapso-api.md §6, §14.4): what to look for, where and when.
public struct LogSearchQuery: Sendable {
    /// Free text matched against ids, paths, messages.
    public var query: String?
    /// `all` (default), `external_api_log`, `whatsapp_webhook_event`, `whatsapp_message_event`, `webhook_delivery`, ...
    public var source: String?
    /// `24h`, `7d`, `30d`, or `context` with `around`.
    public var period: String?
    /// The centre of a `context` window (ISO 8601).
    public var around: String?
    public var problemsOnly = false
    /// `key=value` pairs; with any, the search goes as a POST with a JSON body.
    public var filters: [(key: String, value: String)] = []
    /// Events per page, 1-100.
    public var limit: Int?
    /// `pagination.next_cursor` of the previous page of the same search.
    public var cursor: String?
    public var highlightEventID: String?
    public var highlightResourceID: String?

    public init(
        query: String? = nil, source: String? = nil, period: String? = nil, around: String? = nil, problemsOnly: Bool = false,
        filters: [(key: String, value: String)] = [], limit: Int? = nil, cursor: String? = nil,
        highlightEventID: String? = nil, highlightResourceID: String? = nil
    ) {
        self.query = query
        self.source = source
        self.period = period
        self.around = around
        self.problemsOnly = problemsOnly
        self.filters = filters
        self.limit = limit
        self.cursor = cursor
        self.highlightEventID = highlightEventID
        self.highlightResourceID = highlightResourceID
    }

    /// The parameters as query items, in a fixed order.
    var parameters: [(String, String)] {
        var items: [(String, String)] = []
        if let query { items.append(("query", query)) }
        if let source { items.append(("source", source)) }
        if let period { items.append(("period", period)) }
        if let around { items.append(("around", around)) }
        if problemsOnly { items.append(("problems_only", "true")) }
        if let limit { items.append(("limit", String(limit))) }
        if let cursor { items.append(("cursor", cursor)) }
        if let highlightEventID { items.append(("highlight_event_id", highlightEventID)) }
        if let highlightResourceID { items.append(("highlight_resource_id", highlightResourceID)) }
        return items
    }

    /// The POST body: the parameters, `limit` and `problems_only` typed, and `filters` as `[{key, value}]` whose
    /// values are numbers or booleans when they read as one, as Kapso's own `log-search.js` sends them.
    var body: JSONValue {
        var object = JSONObject()
        for (key, value) in parameters {
            switch key {
            case "limit": object[key] = .number(value)
            case "problems_only": object[key] = .bool(true)
            default: object[key] = .string(value)
            }
        }
        object["filters"] = .array(filters.map { .object(["key": .string($0.key), "value": Self.typed($0.value)]) })
        return .object(object)
    }

    /// `404` → number, `true` → bool, anything else → string.
    static func typed(_ text: String) -> JSONValue {
        if text == "true" || text == "false" { return .bool(text == "true") }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.count < 16, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { return .number(text) }
        return .string(text)
    }
}

extension KapsoClient {
    /// `GET /log_search?…` for a search without filters, `POST /log_search` with a JSON body when it has some.
    public func logSearchRequest(_ search: LogSearchQuery) -> HTTPRequest {
        guard !search.filters.isEmpty else { return platformRequest("/log_search", query: search.parameters) }
        var request = platformRequest("/log_search", method: "POST", body: search.body)
        // A search changes nothing: Ctrl-C or a lost answer leaves no doubt about what happened.
        request.readsOnly = true
        return request
    }

    /// One page of a search, or `.unavailable` when log search is not enabled for the project.
    ///
    /// Throws `KapsoAPIError.rejected` for a bad search: 422 (unknown source or filter key, bad period) and
    /// 400 (a cursor from another search), with the API's text.
    public func logSearch(_ search: LogSearchQuery) throws(KapsoAPIError) -> LogSearchResult {
        try LogSearchResult(json: try perform(logSearchRequest(search)))
    }

    /// `GET /log_search/catalog`.
    public func logSearchCatalog() throws(KapsoAPIError) -> LogSearchCatalog {
        try LogSearchCatalog(json: try perform(platformRequest("/log_search/catalog")))
    }
}
