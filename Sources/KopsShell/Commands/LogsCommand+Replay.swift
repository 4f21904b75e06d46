internal import KapsoClient

// MARK: - `logs` while `kops check` replays (tester63b AO2)

extension LogsCommand {
    /// One page of the API log for `query` (its `limit` is `limit`), as the recording of the transcript being checked saw
    /// it, as far as the log can tell. A live session, and a replay whose page holds no call of an earlier run, read
    /// `query` once, as is.
    ///
    /// While `kops check` replays, the calls that earlier runs of the transcript made (the recording's own look-ups,
    /// earlier checks': `OwnLookups.earlierRunIDs`) are left out of the rows; the page is then read once more with room
    /// for the rows left out, so it still ends where the recording's page ended, and the entries newer than the first
    /// read (that read itself) are left out too.
    ///
    /// tester63b AO2: a transcript with a look-up and then `logs --errors --flat` never checked clean with a fresh state
    /// folder against an API that kept earlier runs' calls: the recording's look-up came back as the project's failure,
    /// one more row per check, each pushing the oldest row off the page. `errors` left them out already (tester62 AL2).
    /// Left as is: when the second read holds other new calls, the page is cut to `limit` rows and `next` continues after
    /// the second read's last row.
    static func page(query: [(String, String)], limit: Int, in context: ShellContext) throws(KapsoAPIError) -> Page<APILog> {
        let first = try context.client.apiLogs(query)
        guard context.ownLookups.replaySince != nil, let newest = first.items.first?.id else { return first }
        let host = context.client.baseURL
        let earlier = context.ownLookups.earlierRunIDs(in: first.items, host: host)
        guard !earlier.isEmpty else { return first }
        guard first.hasMore, limit < 100 else { return try without(earlier, newerThan: nil, in: first, limit: limit) }
        let roomy = query.map { $0.0 == "limit" ? ("limit", String(min(100, limit + earlier.count + 1))) : $0 }
        let second = try context.client.apiLogs(roomy)
        // The entries above the first read's newest are newer than that read (the first read itself among them).
        guard second.items.contains(where: { $0.id == newest }) else { return try without(earlier, newerThan: nil, in: first, limit: limit) }
        let left = earlier.union(context.ownLookups.earlierRunIDs(in: second.items, host: host))
        return try without(left, newerThan: newest, in: second, limit: limit)
    }

    /// `page` without the entries in `left` and those above the entry `newest`, cut to `limit` rows.
    private static func without(_ left: Set<String>, newerThan newest: String?, in page: Page<APILog>, limit: Int)
        throws(KapsoAPIError) -> Page<APILog>
    {
        guard case .object(var body) = page.json, let rows = body["data"]?.array else { return page }
        let start = newest.flatMap { id in rows.firstIndex { $0["id"]?.string == id } } ?? 0
        let kept = rows[start...].filter { row in row["id"]?.string.map { !left.contains($0) } ?? true }
        body["data"] = .array(Array(kept.prefix(limit)))
        return try Page.decode(.object(body), item: APILog.init(json:))
    }
}
