extension KapsoClient {
    /// The first 3 distinct routes (path after the host, no query, each id segment `{id}`) answered 2xx with JSON: the
    /// host serves the API, so a later 404 from an endpoint every Kapso API has is not a wrong base URL (tester51 G6).
    public var servedPaths: [String] {
        var routes: [String] = []
        for url in servedURLs where routes.count < 3 {
            let route = Self.route(pathOf(url))
            if !routes.contains(route) { routes.append(route) }
        }
        return routes
    }

    /// `error` (a body `shape` could not read) with the status that came back (`answered`), once the URL this answer
    /// added to `servedURLs` (after the first `count`) is taken out again: JSON of the wrong shape (`{"ok":true}` for a
    /// list) is no sign that the host serves Kapso's API, and counted as one it made a wrong base URL read as right
    /// (tester54 V18).
    func unserved(_ error: KapsoAPIError, since count: Int, status: Int) -> KapsoAPIError {
        if servedURLs.count > count { servedURLs.removeLast(servedURLs.count - count) }
        return error.answered(status)
    }

    /// How many answered URLs `servedURLs` keeps.
    static let servedLimit = 16

    /// `path` as a route for `servedPaths`: each id segment (`PathSegment.isID`: a phone-number id, a UUID, a WAMID)
    /// becomes `{id}`, so the list names routes, not objects (`/platform/v1/whatsapp/messages/{id}`).
    static func route(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { PathSegment.isID($0) ? "{id}" : String($0) }.joined(separator: "/")
    }
}
