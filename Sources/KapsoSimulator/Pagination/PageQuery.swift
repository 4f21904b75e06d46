/// Page-style paging (`?page=2&per_page=20`): the body's `meta` plus `X-Total`-family and `Link` headers.
struct PageQuery: Sendable {
    var page: Int
    var perPage: Int

    /// Reads `page` (default 1) and `per_page` (default 20, at most `maxPerPage`); anything else is a 400.
    static func parse(_ query: [String: String], maxPerPage: Int = 100) throws(APIError) -> PageQuery {
        let page = try positiveInt(query["page"], name: "page", default: 1, max: Int.max)
        let perPage = try positiveInt(query["per_page"], name: "per_page", default: 20, max: maxPerPage)
        return PageQuery(page: page, perPage: perPage)
    }

    static func positiveInt(_ text: String?, name: String, default value: Int, max: Int) throws(APIError) -> Int {
        guard let text else { return value }
        guard let number = Int(text), number >= 1, number <= max else {
            throw .badRequest("Invalid \(name) parameter")
        }
        return number
    }

    /// The `{"data": [...], "meta": {...}}` response for this page of `items`, with paging headers.
    func response(for items: [JSONValue], request: APIRequest) -> APIResponse {
        response(total: items.count, request: request) { Array(items[$0]) }
    }

    /// The same for `total` items of which only this page's are made, by `items(range)`.
    func response(total: Int, request: APIRequest, items: (Range<Int>) -> [JSONValue]) -> APIResponse {
        let totalPages = (total + perPage - 1) / perPage
        let offset = (page - 1).multipliedReportingOverflow(by: perPage)
        let start = offset.overflow ? total : min(max(0, offset.partialValue), total)
        let slice = items(start..<min(total, start + perPage))
        let meta: JSONValue = [
            "page": .int(page), "per_page": .int(perPage), "total_pages": .int(totalPages), "total_count": .int(total),
        ]
        var response = APIResponse.json(200, ["data": .array(slice), "meta": meta])
        response.headers += [
            ("X-Total", String(total)), ("X-Total-Pages", String(totalPages)), ("X-Per-Page", String(perPage)),
            ("X-Page", String(page)),
        ]
        var links: [String] = []
        if page < totalPages { links.append("<\(link(request, page: page + 1))>; rel=\"next\"") }
        if page > 1 { links.append("<\(link(request, page: min(page - 1, max(totalPages, 1))))>; rel=\"prev\"") }
        if !links.isEmpty { response.headers.append(("Link", links.joined(separator: ", "))) }
        return response
    }

    private func link(_ request: APIRequest, page: Int) -> String {
        var query = request.query
        query["page"] = String(page)
        query["per_page"] = String(perPage)
        let encoded = query.keys.sorted().map { "\(QueryEncoding.escape($0))=\(QueryEncoding.escape(query[$0] ?? ""))" }
        let host = request.header("host") ?? "127.0.0.1"
        return "http://\(host)\(request.path)?" + encoded.joined(separator: "&")
    }
}

/// Percent-encoding for query components.
enum QueryEncoding {
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~".contains(character) {
                out.append(character)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }
}
