/// One page of a list, in either of the API's pagination styles, with the raw JSON kept.
public struct Page<Item: Sendable>: Sendable {
    /// Where the next page is, in the style the endpoint uses.
    public enum Position: Sendable, Equatable {
        /// Page style: `meta{page, per_page, total_pages, total_count}`.
        case numbered(page: Int, perPage: Int, totalPages: Int, totalCount: Int)
        /// Cursor style: `paging.next` to pass back as `after` (nil on the last page).
        case cursor(next: String?)
    }

    public var items: [Item]
    public var position: Position
    public var json: JSONValue
    /// The bytes of `items` as received, one element of `data` each, when the fetch kept them
    /// (`KapsoClient.performList`): a list printed as JSON writes them instead of serializing `json` again.
    public var received: ReceivedItems?

    /// The only keys each item's object holds when the page was read for printing (`KapsoClient.performList(_:
    /// keeping:)`): the items' `json` and the page's `data` are cut down to them, and `received` has every item's
    /// bytes. Nil when the items are as received.
    public var keptKeys: [String]? { received?.keptKeys }

    public init(items: [Item], position: Position, json: JSONValue) {
        self.items = items
        self.position = position
        self.json = json
    }

    /// True when another page exists after this one.
    public var hasMore: Bool {
        switch position {
        case .numbered(let page, _, let totalPages, _): page < totalPages
        case .cursor(let next): next != nil
        }
    }

    /// The total across pages, when the style reports one (cursor lists give none).
    public var totalCount: Int? {
        if case .numbered(_, _, _, let total) = position { return total }
        return nil
    }

    /// This page's items and those of every page after it, each read by `read` with its page number, up to page 100
    /// (page style, kapso-api.md §1.4); this page's alone when it is the last. A list whose first page is not its last
    /// is not the whole list: an id on page 2 was "not of this project" (tester53 T16, tester54 V9). A cursor page
    /// gives its own items: no caller reads cursor lists this way.
    public func withLaterPages(_ read: (Int) throws(KapsoAPIError) -> Page) throws(KapsoAPIError) -> [Item] {
        guard case .numbered(var number, _, _, _) = position else { return items }
        var all = items
        var page = self
        while page.hasMore, number < 100 {
            number += 1
            page = try read(number)
            all += page.items
        }
        return all
    }

    /// Query items that fetch the next page, or nil on the last page.
    public var nextPageQuery: [(String, String)]? {
        guard hasMore else { return nil }
        switch position {
        case .numbered(let page, let perPage, _, _): return [("page", String(page + 1)), ("per_page", String(perPage))]
        case .cursor(let next): return next.map { [("after", $0)] }
        }
    }
}

extension Page {
    /// `decode(_:item:)` of a body fetched with `KapsoClient.performList`, keeping its items' bytes.
    public static func decode(_ list: (JSONValue, ReceivedItems?), item: (JSONObject) throws(KapsoAPIError) -> Item)
        throws(KapsoAPIError) -> Page
    {
        var page = try decode(list.0, item: item)
        // Each item is decoded from one element of `data`, in order; anything else keeps no bytes.
        if let received = list.1, received.count == page.items.count { page.received = received }
        return page
    }

    /// Reads `data[]` and `meta` or `paging` from a list body.
    public static func decode(_ json: JSONValue, item: (JSONObject) throws(KapsoAPIError) -> Item) throws(KapsoAPIError)
        -> Page
    {
        guard let rows = json["data"]?.array else {
            let found = json.object == nil ? "the body is \(json.kindName)" : json["data"].map { "'data' is \($0.kindName)" }
            throw .badShape(KapsoAPIError.notAList + (found.map { " (\($0))" } ?? ""))
        }
        var items: [Item] = []
        items.reserveCapacity(rows.count)
        for row in rows {
            guard let object = row.object else { throw .badShape("list item that is not an object") }
            items.append(try item(object))
        }
        if let meta = json["meta"]?.object {
            let page = meta["page"]?.int ?? meta["current_page"]?.int ?? 1
            let perPage = meta["per_page"]?.int ?? rows.count
            return Page(
                items: items,
                position: .numbered(
                    page: page, perPage: perPage, totalPages: meta["total_pages"]?.int ?? page,
                    totalCount: meta["total_count"]?.int ?? rows.count),
                json: json)
        }
        if let paging = json["paging"]?.object {
            return Page(items: items, position: .cursor(next: paging["next"]?.string), json: json)
        }
        throw .badShape(KapsoAPIError.noPaging)
    }
}
