/// Cursor-style paging (`?limit=20&after=...`) over a newest-first `RecordList`, answering with `paging`.
///
/// When only `page`/`per_page` are given the list is served in the deprecated offset mode with `meta`
/// (what older scripts and SDKs still send; `kapso-api.md` §1.4).
enum CursorQuery {
    enum Position: Sendable {
        case first
        case after(RecordKey)
        case before(RecordKey)
    }

    enum Mode: Sendable {
        case cursor(limit: Int, position: Position)
        case offset(PageQuery)
    }

    /// Reads `limit` (1–100, default 20), `after`/`before`, or the legacy `page`/`per_page`; 400 on bad values.
    /// An empty `after`/`before` (`?before=&after=`, what a client sends for "no cursor") counts as absent.
    static func parse(_ sent: [String: String]) throws(APIError) -> Mode {
        let query = sent.filter { !(["after", "before"].contains($0.key) && $0.value.isEmpty) }
        let cursorKeys = ["limit", "after", "before"].filter { query[$0] != nil }
        if cursorKeys.isEmpty, query["page"] != nil || query["per_page"] != nil {
            let page = try PageQuery.parse(query)
            guard page.page <= 50, page.page * page.perPage <= 5000 else {
                throw APIError(
                    .json(400, [
                        "message": "legacy_offset_pagination_limit_exceeded",
                        "detail": "Offset pagination is limited to 50 pages and 5000 records; use cursor pagination",
                    ]))
            }
            return .offset(page)
        }
        var limit = 20
        if let text = query["limit"] {
            guard let value = Int(text), (1...100).contains(value) else { throw .badRequest("Invalid limit parameter") }
            limit = value
        }
        switch (query["after"], query["before"]) {
        case (nil, nil): return .cursor(limit: limit, position: .first)
        case (let after?, nil):
            guard let key = Cursor.decode(after) else { throw .badRequest("Invalid cursor") }
            return .cursor(limit: limit, position: .after(key))
        case (nil, let before?):
            guard let key = Cursor.decode(before) else { throw .badRequest("Invalid cursor") }
            return .cursor(limit: limit, position: .before(key))
        default: throw .badRequest("Invalid cursor: send either after or before, not both")
        }
    }

    /// The list response for the records of `list` that match, in `mode`. Records older than `since` never
    /// match: they are cut off by a binary search rather than scanned (a `period` window).
    static func response(
        _ list: RecordList, mode: Mode, column: String, request: APIRequest, since: Timestamp? = nil,
        matching: (Record) -> Bool
    ) -> APIResponse {
        let all = list.records
        let records = all[..<(since.map { since in RecordList.index(in: all) { $0.sortTime < since } } ?? all.count)]
        switch mode {
        case .offset(let page):
            let matches = records.indices.filter { matching(records[$0]) }
            return page.response(total: matches.count, request: request) { range in
                matches[range].map { JSONValue.object(records[$0].json) }
            }
        case .cursor(let limit, let position):
            let window = select(records, limit: limit, position: position, matching: matching)
            let first = window.indices.first.map { Cursor.encode(records[$0].key, column: column) }
            let last = window.indices.last.map { Cursor.encode(records[$0].key, column: column) }
            let paging: JSONValue = [
                "cursors": ["before": JSONValue(first), "after": JSONValue(last)],
                "next": window.hasNext ? JSONValue(last) : .null,
                "previous": window.hasPrevious ? JSONValue(first) : .null,
            ]
            let data = window.indices.map { JSONValue.object(records[$0].json) }
            return .json(200, ["data": .array(data), "paging": paging])
        }
    }

    private struct Window {
        var indices: [Int] = []
        var hasNext = false
        var hasPrevious = false
    }

    private static func select<Records: RandomAccessCollection<Record>>(
        _ records: Records, limit: Int, position: Position, matching: (Record) -> Bool
    ) -> Window where Records.Index == Int {
        var window = Window()
        switch position {
        case .first, .after:
            var start = 0
            if case .after(let key) = position { start = RecordList.index(in: records) { key < $0.key } }
            var index = start
            while index < records.endIndex, window.indices.count < limit {
                if matching(records[index]) { window.indices.append(index) }
                index += 1
            }
            window.hasNext = records[index...].contains(where: matching)
            window.hasPrevious = records[..<start].contains(where: matching)
        case .before(let key):
            let end = RecordList.index(in: records) { !($0.key < key) }
            var index = end - 1
            while index >= 0, window.indices.count < limit {
                if matching(records[index]) { window.indices.insert(index, at: 0) }
                index -= 1
            }
            window.hasPrevious = index >= 0 && records[...index].contains(where: matching)
            window.hasNext = records[end...].contains(where: matching)
        }
        return window
    }
}
