internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - logs search

extension LogsCommand {
    /// Flags only `logs search` takes, and flags only plain `logs` takes.
    static let searchOnlyFlags = ["--source", "--around", "--problems", "--filter", "--follow", "--cursor", "--interval", "--max-polls"]
    static let listOnlyFlags = ["--endpoint", "--status-code", "--errors", "--ids"]
    /// Pages of problems read at most for one grouped view (100 events each).
    static let maxProblemPages = 20

    /// `logs search [QUERY] [--source S] [--period P | --around TIME|ID] [--problems] [--filter K=V]... [--limit N]
    /// [--cursor C] [--all | --follow]`.
    /// The flags of a `logs search` line, checked before anything is fetched: list-only flags, conflicting flags,
    /// malformed `--filter`s and `--interval`; returns the filters.
    static func searchFilters(_ arguments: Arguments) throws -> [(key: String, value: String)] {
        if let flag = listOnlyFlags.first(where: { arguments.has($0) || arguments.value($0) != nil }) {
            throw LogSearchError.misplacedFlag(flag, search: true)
        }
        if arguments.has("--follow"), arguments.has("--all") { throw LogSearchError.conflict("--follow", "--all") }
        if arguments.value("--around") != nil {
            if arguments.value("--period") != nil { throw LogSearchError.periodWithAround }
            if arguments.has("--follow") { throw LogSearchError.conflict("--around", "--follow") }
        }
        if arguments.has("--follow") { _ = try LogSearchFollow(arguments: arguments, query: LogSearchQuery()) }
        if let text = arguments.value("--around") { _ = try Self.around(text) }
        let filters = try LogSearchInput.filters(arguments.all("--filter"))
        // A credential as a filter's value would be sent to Kapso and kept in its API logs (kapso-api.md §5): refused as
        // every id argument refuses it (tester59 AF6).
        for filter in filters { try IDArgument.refuseCredential(filter.value, command: "logs search", flag: "--filter \(filter.key)", expected: nil) }
        // The query's words go to Kapso in the URL (tester59b AG5): a credential there is refused the same way.
        for word in arguments.positionals.dropFirst() {
            if let reason = IDShape.credential(IDInput.cleaned(word)) { throw ShellError.credentialAsID(command: "logs search", reason: reason) }
        }
        // A WAMID that cannot be read filters nothing: said as `trace` says it, not "no events match" (tester56b AA5).
        for filter in filters where filter.key.hasSuffix("message_id") && filter.value.lowercased().hasPrefix("wamid.") {
            guard case .failure = WAMID.canonical(IDInput.cleaned(filter.value)), let reason = IDArgument.wamidReason(filter.value) else { continue }
            throw ShellError.unreadableID(command: "logs search --filter \(filter.key)", value: IDInput.echo(filter.value), reason: reason)
        }
        return filters
    }

    /// `--around` read as a time (ZonelessTime.read; P28-13, P29-6) or an id, before any look-up; else refused.
    static func around(_ text: String) throws(ShellError) -> Around {
        switch ZonelessTime.readTyped(text) {
        case .time(let time, _): return .time(time)
        case .problem(let problem): throw .invalidValue(command: "logs search", what: "value for --around", value: text, expected: "a time; " + problem)
        case .notATime: break
        }
        try IDArgument.refuseCredential(text, command: "logs search", flag: "--around", expected: nil)
        switch IDInput.read(text) {
        case .success(let value): return .id(value)
        // Not an id `whois` reads, such as a request id (`req_…`) or a log search event id: log search itself
        // knows when it happened.
        case .failure(.unknownForm): return .searched(text.trimmingCharacters(in: .whitespaces))
        case .failure(let problem):
            // A WAMID cut short at its end: looked up by its start, as `trace` and `whois` look it up (tester56b AA5).
            if let stem = WAMID.beforeCutMark(IDInput.cleaned(text)), case .success(let value) = IDInput.read(stem) { return .id(value) }
            throw .unreadableID(
                command: "logs search --around", value: IDInput.echo(text),
                reason: (IDArgument.wamidReason(text, cutByTable: true) ?? problem.reason)
                    + "; give an ISO time such as 2026-11-21T11:35:00Z or an id 'whois' knows")
        }
    }

    /// What `--around` names: a moment, or an id whose moment the resolver finds.
    enum Around {
        case time(Int64)
        case id(IDInput)
        /// Text in no form `whois` reads, looked up in log search.
        case searched(String)
    }

    static func search(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let filters = try searchFilters(arguments)
        let following = arguments.has("--follow") || arguments.has("--all")
        let limit = arguments.integer("--limit") ?? (following ? 100 : 20)
        let text = arguments.positionals.dropFirst().joined(separator: " ")
        var query = LogSearchQuery(
            query: text.isEmpty ? nil : text, source: arguments.value("--source"), period: arguments.value("--period"),
            problemsOnly: arguments.has("--problems"), filters: filters, limit: limit, cursor: arguments.value("--cursor"))
        let catalog = try LogSearchInput.catalog(in: context)
        try LogSearchInput.check(query, against: catalog)
        if let around = arguments.value("--around") {
            let centre = try LogSearchInput.moment(of: around, in: context)
            query.period = "context"
            query.around = KapsoTime.iso(centre.time)
            query.highlightResourceID = centre.highlight
            query.highlightEventID = centre.highlightEvent
        }
        let mode = context.outputMode(arguments)
        if arguments.has("--follow") {
            return try LogSearchFollow(arguments: arguments, query: query).run(in: context, mode: mode)
        }
        if arguments.has("--all") {
            let count = try ListStream(context: context, mode: mode).run(
                fetch: { after in
                    var page = query
                    if let cursor = after.first(where: { $0.0 == "after" })?.1 { page.cursor = cursor }
                    return try LogSearchInput.page(page, in: context).page
                },
                json: \.json,
                // kops's own calls marked on their lines as the table marks them (tester63 AN4).
                own: { context.ownLookups.kopsEventIDs(in: $0, host: context.client.baseURL) },
                table: {
                    table(
                        $0, highlight: query.highlightResourceID ?? query.highlightEventID,
                        own: context.ownLookups.kopsEventIDs(in: $0, host: context.client.baseURL))
                })
            context.session.lastList = nil
            return CommandResult(blocks: [.hint("\(count) \(count == 1 ? "event" : "events")")])
        }
        let forced = arguments.value("--output").flatMap(OutputMode.init(rawValue:))
        if query.problemsOnly, query.around == nil, query.cursor == nil, !arguments.has("--flat") {
            return try problems(query, in: context).shown(as: forced)
        }
        if query.around != nil, query.cursor == nil {
            return try nearest(query, in: context).shown(as: forced)
        }
        return try searchPage(query, in: context).shown(as: forced)
    }

    /// Problem events that are not the project's: kops's own look-ups (`OwnLookups`) and Kapso's normal
    /// 404 answers (`ErrorTriage.isNormalAnswer`), as `errors` leaves them out; with their counts (of kops's
    /// look-ups, this session's only).
    static func leavingOut(_ events: [LogSearchEvent], in context: ShellContext) -> (events: [LogSearchEvent], own: Int, normal: Int) {
        let own = context.ownLookups.ownEventIDs(in: events, host: context.client.baseURL)
        var normal = 0
        let kept = events.filter { event in
            if own.contains(event.id) { return false }
            if ErrorTriage.isNormalAnswer(
                method: event.httpMethod, endpoint: event.endpoint, status: event.responseStatus, message: event.text("error_message"))
            {
                normal += 1
                return false
            }
            return true
        }
        return (kept, own.session.count, normal)
    }

    /// `--around`: the `limit` events nearest the moment (read from up to `maxProblemPages` pages of the window),
    /// newest first; the API's pages start at the window's newest edge, an hour away from the moment.
    static func nearest(_ query: LogSearchQuery, in context: ShellContext) throws -> CommandResult {
        var search = query
        search.limit = 100
        var page = try LogSearchInput.page(search, in: context)
        let firstJSON = page.json
        var events = page.events
        var pages = 1
        while let cursor = page.nextCursor, pages < maxProblemPages {
            search.cursor = cursor
            page = try LogSearchInput.page(search, in: context)
            events += page.events
            pages += 1
        }
        context.session.lastList = nil
        let centre = query.around.flatMap { KapsoTime.seconds(iso: $0) } ?? 0
        let distance = { (event: LogSearchEvent) in KapsoTime.seconds(iso: event.time).map { abs($0 - centre) } ?? .max }
        let shown = events.enumerated()
            .sorted { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }
            .prefix(query.limit ?? 20)
            .sorted { $0.offset < $1.offset }
            .map(\.element)
        let window = [page.since, page.until].compactMap { $0 }.map(TimeText.short).joined(separator: " to ")
        // The API's page shape (`data.window`, `data.events`), with the events shown and how many the window had.
        var data = firstJSON["data"]?.object ?? JSONObject()
        let own = context.ownLookups.kopsEventIDs(in: shown, host: context.client.baseURL)
        data["events"] = .array(shown.map { .object($0.json) })
        data["pagination"] = ["has_more": false, "next_cursor": .null]
        data["around"] = query.around.map(JSONValue.string) ?? .null
        data["events_in_window"] = .number(String(events.count))
        data["window_truncated"] = .bool(page.nextCursor != nil)
        let json = OwnLookups.marking(["data": .object(data)], own)
        let span = window.isEmpty ? "" : " from \(window)"
        guard !shown.isEmpty else {
            let what = query.problemsOnly ? "no problems" : "no events"
            return CommandResult(blocks: [.line(StyledText("\(what) match\(span)"))], json: json)
        }
        let noun = shown.count == 1 ? "event" : "events"
        var hint = "\(shown.count) \(noun)\(span)"
        if shown.count < events.count || page.nextCursor != nil {
            let total = "\(events.count)\(page.nextCursor == nil ? "" : "+")"
            hint += ", the \(shown.count) nearest \(query.around.map(TimeText.short) ?? "the moment") of \(total); '--all' lists them all"
        }
        let marked = query.highlightResourceID ?? query.highlightEventID
        if let highlight = query.highlightResourceID ?? query.highlightEventID.map({ _ in "the event --around named" }) {
            hint += shown.contains(where: \.isHighlighted) ? "; > marks \(highlight)" : "; \(highlight) itself is not among these events"
        }
        let mark = OwnLookups.markHint(own.count, noun: own.count == 1 ? "event" : "events").map { [Block.hint($0)] } ?? []
        return CommandResult(blocks: [.table(table(shown, highlight: marked, own: own)), .hint(hint)] + mark, json: json)
    }

    /// `--problems`: every problem of the window (up to `maxProblemPages` pages), one row per cause.
    static func problems(_ query: LogSearchQuery, in context: ShellContext) throws -> CommandResult {
        var problems = LogSearchProblems()
        var search = query
        search.limit = 100
        var page = try LogSearchInput.page(search, in: context)
        var pages = 1
        var own = 0
        var normal = 0
        func add(_ events: [LogSearchEvent]) {
            let kept = leavingOut(events, in: context)
            own += kept.own
            normal += kept.normal
            problems.add(kept.events)
        }
        add(page.events)
        while let cursor = page.nextCursor, pages < maxProblemPages {
            search.cursor = cursor
            page = try LogSearchInput.page(search, in: context)
            add(page.events)
            pages += 1
        }
        let leftOut: [Block] = FailureFetch.leftOut(own: own, normal: normal).map { [.hint($0)] } ?? []
        context.session.lastList = nil
        let truncated = page.nextCursor != nil
        let window = [page.since, page.until].compactMap { $0 }.map(TimeText.short).joined(separator: " to ")
        let span = window.isEmpty ? "" : " from \(window)"
        let json: JSONValue = [
            "since": page.since.map(JSONValue.string) ?? .null, "until": page.until.map(JSONValue.string) ?? .null,
            "problems": .number(String(problems.total)), "truncated": .bool(truncated), "groups": problems.json,
            "left_out": ["own_lookups": .number(String(own)), "normal_answers": .number(String(normal))],
        ]
        guard problems.total > 0 else {
            if let narrowed = try noProblemMatch(query, span: span, in: context) {
                return CommandResult(blocks: [.line(StyledText(narrowed))] + leftOut, json: json)
            }
            return CommandResult(blocks: [.line(StyledText("no problems\(span)", style: .good))] + leftOut, json: json)
        }
        let rows = problems.groups.map { group -> [StyledText] in
            [
                StyledText(String(group.count)), StyledText(group.reading.source), StyledText(group.reading.what),
                StyledText(group.reading.status, style: .bad), StyledText(TimeText.short(group.first)),
                StyledText(TimeText.short(group.last)), StyledText(group.reading.link),
            ]
        }
        let table = Table(
            columns: [
                Column("COUNT", truncation: .never, alignRight: true), Column("SOURCE", truncation: .never), Column("WHAT"),
                Column("STATUS", truncation: .never), Column("FIRST", truncation: .never), Column("LAST", truncation: .never),
                Column("NEWEST ID", truncation: .never),
            ], rows: rows)
        let count = problems.total == 1 ? "1 problem" : "\(problems.total)\(truncated ? "+" : "") problems"
        let causes = problems.groups.count == 1 ? "1 cause" : "\(problems.groups.count) causes"
        let hint = "\(count) in \(causes)\(span); '--flat' lists each event"
            + (truncated ? " (the first \(maxProblemPages * 100) were read)" : "")
        return CommandResult(blocks: [.table(table), .hint(hint)] + leftOut, json: json)
    }

    /// One page as a table, remembered for `next`.
    static func searchPage(_ query: LogSearchQuery, in context: ShellContext) throws -> CommandResult {
        var page = try LogSearchInput.page(query, in: context)
        var leftOut: [Block] = []
        if query.problemsOnly {
            let kept = leavingOut(page.events, in: context)
            page.events = kept.events
            leftOut = FailureFetch.leftOut(own: kept.own, normal: kept.normal).map { [.hint($0)] } ?? []
        }
        var first = query
        first.cursor = nil
        context.session.lastList = page.nextCursor.map { context.session.cursor(.logSearch(first), nextQuery: [("after", $0)]) }
        let window = [page.since, page.until].compactMap { $0 }.map(TimeText.short).joined(separator: " to ")
        let span = window.isEmpty ? "" : " from \(window)"
        guard !page.events.isEmpty else {
            let what = query.problemsOnly ? "no problems" : "no events"
            // An API log's own id (a UUID, the LOG ID of 'logs --ids') is no request id: nothing matches it (P14-11).
            let logID = query.filters.first { $0.key == "request_id" && IDInput.isUUID($0.value) }.map { filter in
                [Block.hint(
                    "\(filter.value) has the shape of an API log id (LOG ID in 'logs --ids'), not of a request id: "
                        + "'logs --ids' shows each call's request id beside its log id")]
            } ?? []
            return CommandResult(blocks: [.line(StyledText("\(what) match\(span)"))] + logID + leftOut, json: page.json)
        }
        let noun = page.events.count == 1 ? "event" : "events"
        var hint = "\(page.events.count) \(noun)\(span)" + (page.nextCursor == nil ? "" : " (more: next)")
        if let highlight = query.highlightResourceID.map({ "\($0)" }) ?? query.highlightEventID.map({ _ in "the event --around named" }) {
            hint += page.events.contains(where: \.isHighlighted)
                ? "; > marks \(highlight)" : "; \(highlight) itself is not among these events"
        }
        let marked = query.highlightResourceID ?? query.highlightEventID
        let own = context.ownLookups.kopsEventIDs(in: page.events, host: context.client.baseURL)
        let mark = OwnLookups.markHint(own.count, noun: own.count == 1 ? "event" : "events").map { [Block.hint($0)] } ?? []
        return CommandResult(
            blocks: [.table(table(page.events, highlight: marked, own: own)), .hint(hint)] + mark + leftOut,
            json: own.isEmpty ? page.json : OwnLookups.marking(page.json, own))
    }

    /// Time, source, what happened, status and the linking id; problems in red, the highlighted event marked `>`, the
    /// source of an event in `own` (a call kops made itself) followed by `(kops)`.
    static func table(_ events: [LogSearchEvent], highlight: String?, own: Set<String> = []) -> Table {
        var columns = [
            Column("TIME", truncation: .never), Column("SOURCE", truncation: .never), Column("WHAT"),
            Column("STATUS", truncation: .never), Column("ID", truncation: .never),
        ]
        var rows = events.map { event -> [StyledText] in
            let reading = LogSearchReading(event)
            return [
                StyledText(TimeText.short(reading.time)),
                StyledText(reading.source + (own.contains(event.id) ? " " + OwnLookups.mark : "")), StyledText(reading.what),
                StyledText(reading.status, style: reading.isProblem ? .bad : .plain), StyledText(reading.link),
            ]
        }
        guard highlight != nil else { return Table(columns: columns, rows: rows) }
        columns.insert(Column("", truncation: .never), at: 0)
        rows = zip(events, rows).map { event, row in [StyledText(event.isHighlighted ? ">" : "")] + row }
        return Table(columns: columns, rows: rows)
    }
}
