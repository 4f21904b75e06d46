internal import KapsoClient

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
    /// a path kops cuts (`KapsoClient.hostOnly`: `/platform/v1`, `/meta/whatsapp[/vX.Y]`), nil otherwise. kops calls
    /// the rest itself, but the variable is the user's integration's too: Kapso's scripts take `KAPSO_API_BASE_URL` as
    /// the host only and append their own path (kapso-api.md §1.2; only integrate-whatsapp's `env.js` strips one), so in
    /// an "every call returns 404" story the path is the clue (probe41 P41-10, probe43 P43-10: it was cut without a word).
    /// A Graph version Meta no longer serves or never released at `time` (Unix seconds) is named as such. `source` as
    /// `state` names it. The URL kops uses is named as it is, a path before the cut part kept (probe43 P43-7).
    public static func baseURLNote(_ baseURL: String, source: String?, at time: Int64) -> String? {
        var given = Substring(baseURL)
        while given.hasSuffix("/") { given.removeLast() }
        let used = KapsoClient.hostOnly(baseURL)
        guard given.count > used.count, given.hasPrefix(used) else { return nil }
        let cut = String(given.dropFirst(used.count))
        let start = "note: the base URL" + (source.map { " (\($0))" } ?? "")
        let calls = "kops uses \(used) and adds the API's paths itself"
        if let version = ending(baseURL) {
            let what: String?
            switch reading(version, at: time) {
            case .retired(let day): what = "a version Meta retired on \(day) (\(self.source))"
            case .neverReleased: what = "a version Meta never released (\(self.source); the newest is \(newest))"
            case .notYetReleased(let day): what = "a version Meta releases only on \(day) (\(self.source))"
            case .available, .dated: what = nil
            }
            if let what {
                return start + " ends in Graph \(version), \(what): " + calls + ", but an integration that calls this URL as "
                    + "given is refused or answered 404; give it \(used), or \(kapso)"
            }
        }
        return start + " ends in \(cut), which kops cuts: " + calls + "; Kapso's scripts take KAPSO_API_BASE_URL as the host "
            + "only and append their own path (gokapso/agent-skills), so one given this URL calls \(given)/platform/v1/… and "
            + "is answered 404: give them \(used)"
    }
}
