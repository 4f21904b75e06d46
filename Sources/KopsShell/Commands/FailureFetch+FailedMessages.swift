internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - The failed messages of a period, every page (tester61 AJ1)

extension FailureFetch {
    /// The pages after `first` (the first page of `GET /whatsapp/messages?status=failed&limit=100` with `query`), as
    /// the API logs and deliveries are followed: until a page reaches back past `since` (Unix seconds; the list is newest
    /// first), up to `maxPages` pages in all (then `.message` is cut), or until the API repeats a cursor (`PageCursors`:
    /// then `.message` is in `repeatedCursor` and cut too). Before, one page was read: 100 of 250 failures, counted "100+"
    /// under a footer saying the newest 2000 were read, and the other 150 came back as Meta's log-search rows of the same
    /// causes, counted twice.
    mutating func failedMessagePages(
        after first: JSONValue, query: [(String, String)], since: Int64, client: KapsoClient
    ) throws(KapsoAPIError) -> [JSONValue] {
        var pages: [JSONValue] = []
        var json = first
        var count = 1
        var cursors = PageCursors()
        while let page = try? Page.decode(json, item: Message.init(json:)), let after = page.nextPageQuery {
            // Newest first: a page that reaches back past the period's start ends its failures.
            if let oldest = page.items.compactMap(\.time).min(), oldest < since { break }
            guard !cursors.repeats(nextOf: page) else {
                repeatedCursor.insert(.message)
                cut.insert(.message)
                break
            }
            guard count < Self.maxPages else {
                cut.insert(.message)
                break
            }
            json = try client.perform(client.platformRequest("/whatsapp/messages", query: query + after))
            pages.append(json)
            count += 1
        }
        return pages
    }
}
