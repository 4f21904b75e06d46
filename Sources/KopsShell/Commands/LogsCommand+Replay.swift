internal import KapsoClient

// MARK: - `logs` while `kops check` replays (tester63b AO2)

extension LogsCommand {
    /// One page of the API log for `query` (its `limit` is `limit`), as the recording of the transcript being checked saw
    /// it, as far as the log can tell. A live session that records nothing, and a replay whose page holds no call of an
    /// earlier run, read `query` once, as is; a recording leaves out kops's own calls from before it began (AN11).
    ///
    /// While `kops check` replays, the calls that earlier runs of the transcript made (the recording's own look-ups,
    /// earlier checks': `OwnLookups.earlierRunIDs`) are left out of the rows; the page is then read once more with room
    /// for the rows left out (up to 100), then on with the log's cursors while it is short, so it still ends where the
    /// recording's page ended; the entries newer than the first read, and that read itself, are left out too. Its cursors
    /// are the log's own for the page's first and last rows (`boundary`).
    ///
    /// tester63b AO2: a transcript with a look-up and then `logs --errors --flat` never checked clean with a fresh state
    /// folder against an API that kept earlier runs' calls: the recording's look-up came back as the project's failure,
    /// one more row per check, each pushing the oldest row off the page. `errors` left them out already (tester62 AL2).
    /// tester65 V2: past 100 rows of earlier runs' calls the page came up short (13 of 20 rows from the sixth check).
    static func page(query: [(String, String)], limit: Int, in context: ShellContext) throws(KapsoAPIError) -> Page<APILog> {
        let first = try context.client.apiLogs(query)
        let recording = context.isRecording
        guard context.ownLookups.replaySince != nil || recording, let newest = first.items.first?.id else { return first }
        let host = context.client.baseURL
        // Each read's own note (the newest) is matched to no entry of the page it answered.
        context.ownLookups.newestUnmatched = 1
        context.ownLookups.markNewestPageRead()
        defer {
            context.ownLookups.newestUnmatched = 0
            context.ownLookups.markNewestPageRead(false)
        }
        let earlier = context.ownLookups.earlierRunIDs(in: first.items, host: host, recording: recording)
        guard !earlier.isEmpty else { return first }
        guard first.hasMore else { return try without(earlier, newerThan: nil, in: first, limit: limit) }
        var room = min(100, limit + earlier.count + 1)
        // The reads whose rows make the page: the top of the log, then the pages after it (with the cursor each was read
        // after), in order.
        var reads: [(after: String?, page: Page<APILog>)] = []
        var left = earlier
        var top = 0
        func kept() -> [APILog] {
            var rows: [APILog] = []
            for (index, read) in reads.enumerated() {
                rows += (index == 0 ? read.page.items[top...] : read.page.items[...]).filter { !left.contains($0.id) }
            }
            return rows
        }
        func leaveOut() {
            // The first read and the reads since are newer than the page: left out wherever the log's order put them (a
            // fixed-clock simulator stamps the replay's calls before the earlier runs', so they are no newer). The reads
            // after the top one are on none of the rows (their notes too); the first read by its note's mark. All the
            // session's calls the first read did not hold were left out before, its older ones too: once the refill reads
            // were left out (tester66b X2), `use` / `trace` / `logs --errors` / `logs --output expanded --limit 5` lost
            // trace's calls from its page.
            context.ownLookups.newestUnmatched = reads.count
            let own = context.ownLookups.ownLogIDs(in: reads.flatMap(\.page.items), host: host, every: true)
            left = earlier.union(OwnLookups.leftOut(own)).union(own.pageRead)
        }
        while true {
            let roomy = query.map { $0.0 == "limit" ? ("limit", String(room)) : $0 }
            let second = try context.client.apiLogs(roomy)
            context.ownLookups.markNewestReplayOnly()
            // The entries above the first read's newest are newer than that read (the first read itself among them).
            guard let index = second.items.firstIndex(where: { $0.id == newest }) else {
                return try without(earlier, newerThan: nil, in: first, limit: limit)
            }
            (reads, top) = ([(query.first { $0.0 == "after" }?.1, second)], index)
            leaveOut()
            // Read again with more room while the page comes up short (tester65 V2: after a few checks the earlier runs'
            // calls filled the room, and the page showed 14 rows, then 2, of the recording's 20).
            if kept().count >= limit || !second.hasMore || room >= 100 { break }
            room = min(100, room * 2)
        }
        // Then on with the log's cursors, 100 rows a read (at most `refillPages`).
        while kept().count < limit, reads.count <= refillPages, case .cursor(let next?) = reads[reads.count - 1].page.position {
            let more = query.filter { $0.0 != "after" && $0.0 != "limit" } + [("limit", "100"), ("after", next)]
            reads.append((next, try context.client.apiLogs(more)))
            context.ownLookups.markNewestReplayOnly()
            leaveOut()
        }
        let rows = Array(kept().prefix(limit))
        return try boundary(of: rows, reads: reads, top: top, first: first, query: query, in: context)
    }

    /// The cursor pages `page` reads at most after its read with room.
    static let refillPages = 10

    /// The page of `rows` (read by `reads`), with the log's own cursors for them: `before` and `previous` of the first
    /// read (whose first row is the page's), `after` and `next` of a read that ends at the page's last row (asked for only
    /// when no read did). A page cut from a longer read had that read's cursors, which named a row not on the page, and
    /// `next` skipped the rows between (tester65 V4: a check of `logs --output json` differed in them).
    private static func boundary(
        of rows: [APILog], reads: [(after: String?, page: Page<APILog>)], top: Int, first: Page<APILog>, query: [(String, String)],
        in context: ShellContext
    ) throws(KapsoAPIError) -> Page<APILog> {
        let ids = Set(rows.map(\.id))
        var json: [String: JSONValue] = [:]
        for read in reads {
            for item in read.page.json["data"]?.array ?? [] { if let id = item["id"]?.string, ids.contains(id) { json[id] = item } }
        }
        guard case .object(var body) = reads[0].page.json else { return reads[0].page }
        body["data"] = .array(rows.compactMap { json[$0.id] })
        var paging = first.json["paging"]?.object ?? [:]
        var cursors = paging["cursors"]?.object ?? [:]
        var end: JSONValue?
        if let last = rows.last, let (number, read) = reads.enumerated().first(where: { $0.element.page.items.contains { $0.id == last.id } }),
            let index = read.page.items.firstIndex(where: { $0.id == last.id })
        {
            if index == read.page.items.count - 1 {
                end = read.page.json["paging"]
            } else if number > 0 || index > 0 {
                // A read that ends at `last`: after the cursor the read holding it was read after (the top read: after its
                // own first row, whose cursor is its `before`).
                let after = number > 0 ? read.after : read.page.json["paging"]?["cursors"]?["before"]?.string
                let count = number > 0 ? index + 1 : index
                if let after {
                    let ending = query.filter { $0.0 != "after" && $0.0 != "limit" } + [("limit", String(count)), ("after", after)]
                    end = try context.client.apiLogs(ending).json["paging"]
                    context.ownLookups.markNewestReplayOnly()
                }
            }
        }
        if let end {
            cursors["after"] = end["cursors"]?["after"] ?? .null
            paging["next"] = end["next"] ?? .null
        }
        paging["cursors"] = .object(cursors)
        body["paging"] = .object(paging)
        return try Page.decode(.object(body), item: APILog.init(json:))
    }

    /// `page` without the entries in `left` and those above the entry `newest`, cut to `limit` rows.
    private static func without(
        _ left: Set<String>, newerThan newest: String?, in page: Page<APILog>, limit: Int
    ) throws(KapsoAPIError) -> Page<APILog>
    {
        guard case .object(var body) = page.json, let rows = body["data"]?.array else { return page }
        let start = newest.flatMap { id in rows.firstIndex { $0["id"]?.string == id } } ?? 0
        let kept = rows[start...].filter { row in row["id"]?.string.map { !left.contains($0) } ?? true }
        body["data"] = .array(Array(kept.prefix(limit)))
        return try Page.decode(.object(body), item: APILog.init(json:))
    }

    /// One page of `logs --all` without the calls earlier runs of the transcript being checked made (`page`'s rule, every
    /// page read whole, so no read with room): a live session's page as is. tester64b U13: the stream listed the earlier
    /// runs' look-up 404s as the project's failures, one more per check.
    static func withoutEarlierRuns(_ page: Page<APILog>, in context: ShellContext) throws(KapsoAPIError) -> Page<APILog> {
        let recording = context.isRecording
        guard context.ownLookups.replaySince != nil || recording else { return page }
        context.ownLookups.newestUnmatched = 1
        defer { context.ownLookups.newestUnmatched = 0 }
        let earlier = context.ownLookups.earlierRunIDs(in: page.items, host: context.client.baseURL, recording: recording)
        guard !earlier.isEmpty else { return page }
        return try without(earlier, newerThan: nil, in: page, limit: .max)
    }
}

extension LogSearchInput {
    /// `page` without the API calls earlier runs of the transcript being checked made (`LogsCommand.page`'s rule), its
    /// JSON too: a live session's page as is. tester64b U13: `logs search messages` listed the earlier runs' reads and
    /// look-ups as another client's calls. `unmatched`: the newest notes no event of `page` can be (the reads since).
    static func withoutEarlierRuns(_ page: LogSearchPage, unmatched: Int = 1, in context: ShellContext) -> LogSearchPage {
        guard context.ownLookups.replaySince != nil || context.isRecording else { return page }
        let calls = page.events.compactMap(OwnLookups.LoggedCall.init)
        context.ownLookups.newestUnmatched = unmatched
        defer { context.ownLookups.newestUnmatched = 0 }
        let earlier = OwnLookups.leftOut(context.ownLookups.ownIDs(in: calls, host: context.client.baseURL, every: true))
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

    /// `withoutEarlierRuns` of a search's first page, read on with its cursor while it is short of `limit` events (tester65
    /// V2: `logs search messages` showed 17 of the recording's 20 events at the first check, 11 at the third), the events
    /// of every read matched at once (a note matches one event), and `next_cursor` that of a read ending at the page's
    /// last event. A live session's page, and one that lost no event, as is.
    static func refilled(_ first: LogSearchPage, query: LogSearchQuery, in context: ShellContext) throws(KapsoAPIError) -> LogSearchPage {
        let kept = withoutEarlierRuns(first, in: context)
        guard context.ownLookups.replaySince != nil || context.isRecording, kept.events.count < first.events.count, first.nextCursor != nil
        else { return kept }
        let limit = query.limit ?? first.events.count
        var reads: [(cursor: String?, page: LogSearchPage)] = [(query.cursor, first)]
        var all = first
        func refill() -> LogSearchPage {
            all.events = reads.flatMap(\.page.events)
            if case .object(var body) = first.json, case .object(var data)? = body["data"] {
                data["events"] = .array(reads.flatMap { $0.page.json["data"]?["events"]?.array ?? [] })
                body["data"] = .object(data)
                all.json = .object(body)
            }
            return withoutEarlierRuns(all, unmatched: reads.count, in: context)
        }
        var page = kept
        while page.events.count < limit, reads.count <= LogsCommand.refillPages, let cursor = reads[reads.count - 1].page.nextCursor {
            var more = query
            (more.cursor, more.limit) = (cursor, 100)
            guard case .page(let next) = try context.client.logSearch(more) else { break }
            context.ownLookups.markNewestReplayOnly()
            reads.append((cursor, next))
            page = refill()
        }
        let shown = Array(page.events.prefix(limit))
        guard case .object(var body) = page.json, case .object(var data)? = body["data"] else { return page }
        let ids = Set(shown.map(\.id))
        data["events"] = .array((data["events"]?.array ?? []).filter { $0["id"]?.string.map(ids.contains) ?? false })
        // The cursor after the page's last event: that of a read from the cursor the read holding it was read after.
        var next = reads[reads.count - 1].page.nextCursor
        if let last = shown.last, let read = reads.last(where: { $0.page.events.contains { $0.id == last.id } }),
            let index = read.page.events.firstIndex(where: { $0.id == last.id })
        {
            if index < read.page.events.count - 1 || read.page.nextCursor == nil {
                var ending = query
                (ending.cursor, ending.limit) = (read.cursor, index + 1)
                if index == read.page.events.count - 1 {
                    next = nil
                } else if case .page(let end) = try context.client.logSearch(ending) {
                    context.ownLookups.markNewestReplayOnly()
                    next = end.nextCursor
                }
            } else {
                next = read.page.nextCursor
            }
        }
        if case .object(var pagination)? = data["pagination"] {
            pagination["next_cursor"] = next.map(JSONValue.string) ?? .null
            pagination["has_more"] = .bool(next != nil)
            data["pagination"] = .object(pagination)
        }
        body["data"] = .object(data)
        var result = page
        (result.events, result.nextCursor, result.json) = (shown, next, .object(body))
        return result
    }
}
