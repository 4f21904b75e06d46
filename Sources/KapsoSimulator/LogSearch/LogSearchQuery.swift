/// One log search as asked: `GET /log_search?query=…&filters[webhook_id]=…` or the same as a POST body
/// (`{"query": …, "filters": {"webhook_id": …}}` or `"filters": [{"key": …, "value": …}]`).
///
/// Parsing validates everything (`docs/log-search.md` "Errors"): 422 naming the parameter for a bad source,
/// period, `around`, limit, boolean or filter; 400 for a cursor that is not ours or belongs to another search.
struct LogSearchQuery: Sendable {
    /// The canonical source name echoed in the answer (`all`, `external_api_log`, `functions`, ...).
    var sourceName = "all"
    /// The single sources searched.
    var sources = LogSearchCatalog.singleSources
    /// Free text, lowercased; nil when absent or empty.
    var text: String?
    var period = "24h"
    var around: Timestamp?
    var problemsOnly = false
    /// `(key, value as text)`, sorted by key then value.
    var filters: [(key: String, value: String)] = []
    var limit = 50
    var cursor: LogSearchCursor?
    var highlightEventID: String?
    var highlightResourceID: String?

    /// A context window reaches this far either side of `around` [uncertain: Kapso does not publish it].
    static let contextSeconds: Int64 = 3_600

    /// The query string's parameters; filters as `filters[KEY]=VALUE`.
    init(query: [String: String]) throws(APIError) {
        var filters: [(String, String)] = []
        for (name, value) in query where name.hasPrefix("filters[") && name.hasSuffix("]") {
            filters.append((String(name.dropFirst(8).dropLast()), value))
        }
        if let value = query["filters"] {
            throw Self.invalid("filters", "filters in a query string are sent as filters[KEY]=VALUE, not filters=\(value)", code: "invalid_filter")
        }
        var limit: Int?
        if let text = query["limit"] { limit = try Self.limit(Int(text)) }
        let problemsOnly = try Self.bool(query, "problems_only")
        let errorsOnly = try Self.bool(query, "errors_only")
        try self.init(
            source: query["source"], text: query["query"], period: query["period"], around: query["around"],
            problemsOnly: problemsOnly ?? errorsOnly,
            filters: filters, limit: limit,
            cursor: query["cursor"], highlightEventID: query["highlight_event_id"],
            highlightResourceID: query["highlight_resource_id"])
    }

    /// A POST body.
    init(body: JSONObject) throws(APIError) {
        // A member set to null is refused like any other wrong type (the spec types none of them nullable).
        func string(_ key: String) throws(APIError) -> String? {
            switch body[key] {
            case nil: return nil
            case .string(let value)?: return value
            default: throw Self.invalid(key, "\(key) must be a string", code: "invalid_parameter")
            }
        }
        func bool(_ key: String) throws(APIError) -> Bool? {
            switch body[key] {
            case nil: return nil
            case .bool(let value)?: return value
            default: throw Self.invalid(key, "\(key) must be true or false", code: "invalid_parameter")
            }
        }
        var limit: Int?
        switch body["limit"] {
        case nil: break
        case .int(let value)?: limit = try Self.limit(value)
        default: throw Self.invalid("limit", "limit must be an integer from 1 to 100", code: "invalid_parameter")
        }
        let problemsOnly = try bool("problems_only")
        let errorsOnly = try bool("errors_only")
        try self.init(
            source: try string("source"), text: try string("query"), period: try string("period"),
            around: try string("around"), problemsOnly: problemsOnly ?? errorsOnly,
            filters: try Self.filters(body["filters"]), limit: limit, cursor: try string("cursor"),
            highlightEventID: try string("highlight_event_id"), highlightResourceID: try string("highlight_resource_id"))
    }

    private init(
        source: String?, text: String?, period: String?, around: String?, problemsOnly: Bool?,
        filters: [(String, String)], limit: Int?, cursor: String?, highlightEventID: String?,
        highlightResourceID: String?
    ) throws(APIError) {
        if let source {
            guard let resolved = LogSearchCatalog.resolve(source) else {
                let names = LogSearchCatalog.sources.map(\.value).joined(separator: ", ")
                throw Self.invalid("source", "Unknown source \"\(source)\"; use one of \(names)", code: "invalid_source")
            }
            (sourceName, sources) = resolved
        }
        self.text = text.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        if let period {
            guard ["24h", "7d", "30d", "context"].contains(period) else {
                throw Self.invalid("period", "Unknown period \"\(period)\"; use 24h, 7d, 30d or context (with around)", code: "invalid_parameter")
            }
            self.period = period
        }
        if let around {
            guard let time = Timestamp(iso: around) else {
                throw Self.invalid("around", "around must be a date-time such as 2026-11-20T09:15:00Z, not \"\(around)\"", code: "invalid_parameter")
            }
            guard self.period == "context" else {
                throw Self.invalid("around", "around needs period=context (it centres a context window)", code: "invalid_parameter")
            }
            self.around = time
        } else if self.period == "context" {
            throw Self.invalid("around", "period=context needs around, the date-time to centre the window on", code: "invalid_parameter")
        }
        self.problemsOnly = problemsOnly ?? false
        let known = LogSearchCatalog.filterKeys
        for (key, _) in filters where !known.contains(key) {
            throw Self.invalid(
                "filters", "Unknown filter key \"\(key)\"; known keys: \(known.sorted().joined(separator: ", "))",
                code: "invalid_filter")
        }
        self.filters = filters.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { (key: $0.0, value: $0.1) }
        self.limit = limit ?? 50
        self.highlightEventID = highlightEventID.flatMap { $0.isEmpty ? nil : $0 }
        self.highlightResourceID = highlightResourceID.flatMap { $0.isEmpty ? nil : $0 }
        if let cursor, !cursor.isEmpty {
            guard let decoded = LogSearchCursor(cursor) else {
                throw APIError(.json(400, ["error": "Invalid cursor", "code": "invalid_cursor"]))
            }
            guard decoded.fingerprint == fingerprint else {
                throw APIError(
                    .json(400, [
                        "error": "Cursor belongs to a different search; repeat the search without cursor to start over",
                        "code": "cursor_mismatch",
                    ]))
            }
            self.cursor = decoded
        }
    }

    /// What a cursor is bound to: everything that selects events, not `limit` or the highlights.
    var fingerprint: String {
        var parts = [sourceName, text ?? "", period, around.map { String($0.micros) } ?? "", problemsOnly ? "1" : "0"]
        parts += filters.map { "\($0.key)=\($0.value)" }
        return LogSearchCursor.hash(parts.joined(separator: "\u{1}"))
    }

    /// The window searched: the cursor's, or `[now − period, now]`, or `around ± contextSeconds`.
    func window(now: Timestamp) -> (since: Timestamp, until: Timestamp) {
        if let cursor { return (cursor.since, cursor.until) }
        switch period {
        case "7d": return (now.adding(seconds: -7 * 86_400), now)
        case "30d": return (now.adding(seconds: -30 * 86_400), now)
        case "context":
            let around = around ?? now
            return (around.adding(seconds: -Self.contextSeconds), around.adding(seconds: Self.contextSeconds))
        default: return (now.adding(seconds: -86_400), now)
        }
    }

    // MARK: - Parameter parsing

    private static func bool(_ query: [String: String], _ name: String) throws(APIError) -> Bool? {
        switch query[name] {
        case nil: return nil
        case "true"?, "1"?: return true
        case "false"?, "0"?: return false
        case let value?: throw invalid(name, "\(name) must be true or false, not \"\(value)\"", code: "invalid_parameter")
        }
    }

    private static func limit(_ value: Int?) throws(APIError) -> Int {
        guard let value, (1...100).contains(value) else {
            throw invalid("limit", "limit must be an integer from 1 to 100", code: "invalid_parameter")
        }
        return value
    }

    /// `{"key": value}` or `[{"key": …, "value": …}]`; values string, integer, number or boolean.
    private static func filters(_ value: JSONValue?) throws(APIError) -> [(String, String)] {
        func text(_ key: String, _ value: JSONValue?) throws(APIError) -> String {
            switch value {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            case .bool(let flag)?: return flag ? "true" : "false"
            case .double?: return value?.encodedString ?? ""
            default:
                throw invalid(
                    "filters", "Filter \"\(key)\" needs a string, number or boolean value", code: "invalid_filter")
            }
        }
        switch value {
        case nil: return []
        case .object(let object)?:
            var pairs: [(String, String)] = []
            for member in object.members { pairs.append((member.key, try text(member.key, member.value))) }
            return pairs
        case .array(let entries)?:
            var pairs: [(String, String)] = []
            for entry in entries {
                guard let key = entry["key"]?.stringValue, !key.isEmpty else {
                    throw invalid("filters", "Each filter entry needs a \"key\" string and a \"value\"", code: "invalid_filter")
                }
                pairs.append((key, try text(key, entry["value"])))
            }
            return pairs
        default:
            throw invalid("filters", "filters must be an array of {key, value} entries or an object", code: "invalid_filter")
        }
    }

    /// 422 `{"error": message, "errors": {parameter: [message]}, "code": code}`.
    static func invalid(_ parameter: String, _ message: String, code: String) -> APIError {
        APIError(.json(422, ["error": .string(message), "errors": [parameter: [.string(message)]], "code": .string(code)]))
    }
}
