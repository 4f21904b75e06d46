internal import KopsHTTP

// MARK: - Two spellings of a receiver's URL

extension WebhookURL {
    /// True when `a` and `b` name the same receiver: equal, or equal but for the letter case of the scheme and host, a
    /// default port written out (`:443` for https, `:80` for http) and an empty path for `/` (RFC 3986 §6.2.2.1, §6.2.3:
    /// a URL compared so is the same resource). The path, query and user part are compared as they are. A delivery's
    /// `webhook_url` spelt `https://HOOKS.example:443/x` beside the webhook's `https://hooks.example/x` was "a previous
    /// URL", and the receiver's failures were cleared (tester54 V3). A `?` with no query after it is dropped too: RFC 3986
    /// §6.2.3 does not license that in general, but an HTTP receiver is reached by the same path and an empty query
    /// carries nothing, so Kapso's POST to either lands in the same handler (tester61b AK5: such twins were not found).
    public static func sameReceiver(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let left = URLParts(a), let right = URLParts(b), left.scheme == right.scheme, left.port == right.port,
            left.host.lowercased() == right.host.lowercased()
        else { return false }
        return parts(a) == parts(b)
    }

    /// What tells `previous` from `now` when the redactor would print both alike: `another token= value`, when the two
    /// are the same receiver but for the values of query parameters (the names listed), whose values a webhook's URL may
    /// hold as secrets and are printed `<redacted>` (tester54 V4: "deliveries to a previous URL X … no delivery to X
    /// since", one text for both). Nil when they differ otherwise.
    public static func queryValuesDiffer(_ previous: String, _ now: String) -> String? {
        let (old, new) = (split(previous), split(now))
        guard sameReceiver(String(old.base), String(new.base)) else { return nil }
        let oldPairs = old.query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) }
        let newPairs = new.query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) }
        guard oldPairs.map({ $0.first ?? "" }) == newPairs.map({ $0.first ?? "" }) else { return nil }
        let changed = zip(oldPairs, newPairs).filter { $0.0 != $0.1 }.map { String($0.0.first ?? "") + "=" }
        guard !changed.isEmpty else { return nil }
        return "another \(changed.joined(separator: ", ")) value"
    }

    /// The user part and what follows the host and port (path, query, fragment), the path `/` when empty.
    private static func parts(_ url: String) -> (user: Substring, rest: String) {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return ("", url) }
        let afterScheme = url[url.index(colon, offsetBy: 3)...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let authority = afterScheme[..<end]
        let user = authority.lastIndex(of: "@").map { authority[..<$0] } ?? ""
        var rest = afterScheme[end...]
        if rest.hasSuffix("?") { rest = rest.dropLast() }
        return (user, rest.first == "/" ? String(rest) : "/" + rest)
    }

    /// `url` cut at its query: what comes before the `?` (fragment dropped) and the query.
    private static func split(_ url: String) -> (base: Substring, query: Substring) {
        let withoutFragment = url.firstIndex(of: "#").map { url[..<$0] } ?? url[...]
        guard let mark = withoutFragment.firstIndex(of: "?") else { return (withoutFragment, "") }
        return (withoutFragment[..<mark], withoutFragment[withoutFragment.index(after: mark)...])
    }
}
