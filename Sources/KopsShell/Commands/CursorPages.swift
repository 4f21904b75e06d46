internal import KapsoClient

/// Walks a cursor-style list to its end one page at a time, e.g. every delivery of a period for counting.
enum CursorPages {
    /// The most pages one walk fetches (10,000: a million records at 100 a page).
    static let maxPages = 10_000

    /// Calls `body` with each page's items; `fetch` gets the `after` query item (none for the first page).
    ///
    /// `prefetch`, when given, gets the next page's `after` before `body` runs, so that page can be on its
    /// way while this one is shown; `fetch` still asks for it next. Throws `ListError` past `limit` pages or
    /// when the API repeats a cursor, so a broken or hostile server cannot keep a command running forever.
    static func forEach<Item>(
        limit: Int = maxPages, _ fetch: ([(String, String)]) throws -> Page<Item>,
        prefetch: (([(String, String)]) -> Void)? = nil, _ body: ([Item]) -> Void
    ) throws {
        try forEachPage(limit: limit, fetch, prefetch: prefetch) { body($0.items) }
    }

    /// `forEach`, calling `body` with each whole page.
    ///
    /// `ahead`, with `prefetch`, installs a hook for the fetch to call with the next cursor read before the page is decoded
    /// (`KapsoClient.listCursorAhead`), and nil to remove it: the next page is then asked for while this one is decoded
    /// too, not only while it is shown (docs/performance.md, "Session 48"). The hook is installed for the `fetch` call
    /// only, and a page whose decoded cursor is another than the one read ahead has that one asked for as without it.
    static func forEachPage<Item>(
        limit: Int = maxPages, _ fetch: ([(String, String)]) throws -> Page<Item>,
        prefetch: (([(String, String)]) -> Void)? = nil, ahead: ((((String) -> Void)?) -> Void)? = nil,
        _ body: (Page<Item>) -> Void
    ) throws {
        var after: [(String, String)] = []
        var cursors = PageCursors()
        for round in 0..<limit {
            var asked: String?
            if let prefetch, let ahead, round + 1 < limit {
                ahead { [cursors] next in
                    guard asked == nil, !cursors.gave(next) else { return }
                    asked = next
                    prefetch([("after", next)])
                }
            }
            let page: Page<Item>
            do {
                defer { ahead?(nil) }
                page = try fetch(after)
            }
            if let prefetch, round + 1 < limit, case .cursor(let next?) = page.position, next != asked, !cursors.gave(next) {
                prefetch([("after", next)])
            }
            body(page)
            guard case .cursor(let next?) = page.position else { return }
            guard !cursors.repeats(next) else { throw ListError.cursorRepeated }
            after = [("after", next)]
        }
        throw ListError.tooManyPages(limit: limit)
    }
}
