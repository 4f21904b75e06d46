extension KapsoClient {
    /// `path` as a route for `servedPaths`: each segment of 8 or more characters holding a digit (a phone-number id, a
    /// UUID, a WAMID) becomes `{id}`, so the list names routes, not objects (`/platform/v1/whatsapp/messages/{id}`).
    static func route(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.count >= 8 && $0.contains(where: \.isNumber) ? "{id}" : String($0) }.joined(separator: "/")
    }
}
