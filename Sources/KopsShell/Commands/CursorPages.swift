internal import KapsoClient

/// Walks a cursor-style list to its end one page at a time, e.g. every delivery of a period for counting.
enum CursorPages {
    /// Calls `body` with each page's items; `fetch` gets the `after` query item (none for the first page).
    static func forEach<Item>(_ fetch: ([(String, String)]) throws -> Page<Item>, _ body: ([Item]) -> Void) throws {
        var after: [(String, String)] = []
        while true {
            let page = try fetch(after)
            body(page.items)
            guard case .cursor(let next?) = page.position else { return }
            after = [("after", next)]
        }
    }
}
