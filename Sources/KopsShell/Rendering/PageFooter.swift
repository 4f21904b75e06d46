public import KapsoClient

extension Page {
    /// "showing 20 of 45 (more: next)": never a silently truncated list.
    public var footer: String {
        let total = totalCount.map { " of \($0)" } ?? ""
        let noun = items.count == 1 ? "item" : "items"
        return hasMore ? "showing \(items.count)\(total) \(noun) (more: next)" : "\(items.count) \(noun)"
    }

    /// Page number from a page-style query, for turning `next` into a `page` argument.
    static func pageNumber(in query: [(String, String)]) -> Int {
        query.first { $0.0 == "page" }.flatMap { Int($0.1) } ?? 1
    }
}

extension ShellContext {
    /// Remembers where the list continues, or forgets the last list when it ended.
    func rememberList<Item>(_ page: Page<Item>, source: ListSource) {
        session.lastList = page.nextPageQuery.map { session.cursor(source, nextQuery: $0) }
    }
}
