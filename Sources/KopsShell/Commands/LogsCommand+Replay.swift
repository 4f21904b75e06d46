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
    /// read, and that read itself, are left out too.
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
        // Each read's own note (the newest) is matched to no entry of the page it answered.
        context.ownLookups.newestUnmatched = 1
        defer { context.ownLookups.newestUnmatched = 0 }
        let earlier = context.ownLookups.earlierRunIDs(in: first.items, host: host)
        guard !earlier.isEmpty else { return first }
        guard first.hasMore, limit < 100 else { return try without(earlier, newerThan: nil, in: first, limit: limit) }
        let firstIDs = Set(first.items.map(\.id))
        var room = min(100, limit + earlier.count + 1)
        while true {
            let roomy = query.map { $0.0 == "limit" ? ("limit", String(room)) : $0 }
            let second = try context.client.apiLogs(roomy)
            // The entries above the first read's newest are newer than that read (the first read itself among them).
            guard let top = second.items.firstIndex(where: { $0.id == newest }) else {
                return try without(earlier, newerThan: nil, in: first, limit: limit)
            }
            // The first read and the reads since are this session's own calls the first page did not hold: left out
            // wherever the log's order put them (a fixed-clock simulator stamps the replay's calls before the earlier runs',
            // so they are no newer).
            let own = context.ownLookups.ownLogIDs(in: second.items, host: host, every: true)
            let left = earlier.union(own.earlierRuns).union(own.session.filter { !firstIDs.contains($0) })
            // Read again with more room while the page comes up short (tester65 V2: after a few checks the earlier runs'
            // calls filled the room, and the page showed 14 rows, then 2, of the recording's 20).
            let kept = second.items[top...].filter { !left.contains($0.id) }.count
            if kept >= limit || !second.hasMore || room >= 100 {
                return try without(left, newerThan: newest, in: second, limit: limit, more: first.json["paging"]?["next"]?.string)
            }
            room = min(100, room * 2)
        }
    }

    /// `page` without the entries in `left` and those above the entry `newest`, cut to `limit` rows.
    private static func without(
        _ left: Set<String>, newerThan newest: String?, in page: Page<APILog>, limit: Int, more: String? = nil
    ) throws(KapsoAPIError) -> Page<APILog>
    {
        guard case .object(var body) = page.json, let rows = body["data"]?.array else { return page }
        let start = newest.flatMap { id in rows.firstIndex { $0["id"]?.string == id } } ?? 0
        let kept = rows[start...].filter { row in row["id"]?.string.map { !left.contains($0) } ?? true }
        body["data"] = .array(Array(kept.prefix(limit)))
        // A read with room that reached the log's end still leaves rows after the page's last: the first read's cursor
        // says there are more, as the recording's page did (tester65 V2: "showing 20 items (more: next)" became "20 items").
        if kept.count > limit, case .object(var paging)? = body["paging"], paging["next"]?.string == nil, let more {
            paging["next"] = .string(more)
            body["paging"] = .object(paging)
        }
        return try Page.decode(.object(body), item: APILog.init(json:))
    }

    /// One page of `logs --all` without the calls earlier runs of the transcript being checked made (`page`'s rule, every
    /// page read whole, so no read with room): a live session's page as is. tester64b U13: the stream listed the earlier
    /// runs' look-up 404s as the project's failures, one more per check.
    static func withoutEarlierRuns(_ page: Page<APILog>, in context: ShellContext) throws(KapsoAPIError) -> Page<APILog> {
        guard context.ownLookups.replaySince != nil else { return page }
        context.ownLookups.newestUnmatched = 1
        defer { context.ownLookups.newestUnmatched = 0 }
        let earlier = context.ownLookups.earlierRunIDs(in: page.items, host: context.client.baseURL)
        guard !earlier.isEmpty else { return page }
        return try without(earlier, newerThan: nil, in: page, limit: .max)
    }
}

extension LogSearchInput {
    /// `page` without the API calls earlier runs of the transcript being checked made (`LogsCommand.page`'s rule), its
    /// JSON too: a live session's page as is. tester64b U13: `logs search messages` listed the earlier runs' reads and
    /// look-ups as another client's calls.
    static func withoutEarlierRuns(_ page: LogSearchPage, in context: ShellContext) -> LogSearchPage {
        guard context.ownLookups.replaySince != nil else { return page }
        let calls = page.events.compactMap(OwnLookups.LoggedCall.init)
        context.ownLookups.newestUnmatched = 1
        defer { context.ownLookups.newestUnmatched = 0 }
        let earlier = context.ownLookups.ownIDs(in: calls, host: context.client.baseURL, every: true).earlierRuns
        guard !earlier.isEmpty, case .object(var body) = page.json, case .object(var data)? = body["data"],
            let rows = data["events"]?.array
        else { return page }
        data["events"] = .array(rows.filter { row in row["id"]?.string.map { !earlier.contains($0) } ?? true })
        body["data"] = .object(data)
        var kept = page
        kept.events.removeAll { earlier.contains($0.id) }
        kept.json = .object(body)
        return kept
    }
}
