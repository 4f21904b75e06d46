extension GraphVersion {
    /// The Graph version a base URL ends in (`https://api.kapso.ai/meta/whatsapp/v16.0/` → `v16.0`; `/meta/v16.0` too),
    /// nil when it ends in none. kops cuts it with the rest of the path (`KapsoClient.hostOnly`, as Kapso's own scripts
    /// do) and calls `kapso` itself.
    public static func ending(_ baseURL: String) -> String? {
        var url = Substring(baseURL)
        while url.hasSuffix("/") { url.removeLast() }
        guard let slash = url.lastIndex(of: "/") else { return nil }
        let segment = url[url.index(after: slash)...]
        guard segment.hasPrefix("v"), segment.count > 1, segment.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        let before = url[..<slash]
        return before.hasSuffix("/meta/whatsapp") || before.hasSuffix("/meta") ? String(segment) : nil
    }

    /// `note: the base URL (env KAPSO_API_BASE_URL) ends in Graph v16.0 …`: said once at start when the base URL ends in
    /// a version Meta no longer serves or never released at `time` (Unix seconds), nil otherwise. kops works on the host
    /// alone, but the variable is the user's integration's too (kapso-api.md §1.2: every script reads
    /// `KAPSO_API_BASE_URL`), and an integration that calls the URL as given asks that version: in an "every call returns
    /// 404" story the version is the clue (probe41 P41-10: it was cut without a word). `source` as `state` names it.
    public static func baseURLNote(_ baseURL: String, source: String?, at time: Int64) -> String? {
        guard let version = ending(baseURL) else { return nil }
        let what: String
        switch reading(version, at: time) {
        case .retired(let day): what = "a version Meta retired on \(day) (\(self.source))"
        case .neverReleased: what = "a version Meta never released (\(self.source); the newest is \(newest))"
        case .notYetReleased(let day): what = "a version Meta releases only on \(day) (\(self.source))"
        case .available, .dated: return nil
        }
        return "note: the base URL" + (source.map { " (\($0))" } ?? "") + " ends in Graph \(version), \(what): kops uses its "
            + "host only and calls /meta/whatsapp/\(kapso) itself, but an integration that calls this URL as given is refused "
            + "or answered 404; give it the host only, or \(kapso)"
    }
}
