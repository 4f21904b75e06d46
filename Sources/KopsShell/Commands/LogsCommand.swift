internal import KapsoClient
internal import KapsoDiagnostics

/// `logs [--period] [--endpoint SUBSTR] [--status-code N] [--errors] [--limit N] [--all]`: the project's API calls;
/// `logs search [QUERY] [flags]`: one search over every log (Kapso's log search).
public enum LogsCommand: Command {
    public static let name = "logs"
    public static let summary = "API calls made with the project's keys; 'logs search' searches every log at once"
    public static let usage =
        "logs [--period 24h|7d|30d] [--endpoint TEXT] [--status-code N] [--errors [--flat]] [--ids] [--limit N] [--all]"
        + " | logs search [QUERY] [--source S] [--period P | --around TIME|ID] [--problems] [--filter K=V]... [--all | --follow]"
    public static let details = """
        Newest first, 20 at a time ('next' shows more); --all prints every page as it arrives (NDJSON
        with --output json). --endpoint matches part of the path. --errors shows one row per cause (key,
        method and path, status and code) with its count and meaning, as 'errors --source api' does;
        --errors --flat (or --ids) lists each failed call.

        'logs search' is Kapso's log search: one table across the project's API calls (api), the webhooks
        Meta sent Kapso for each message and status (meta), message events (message), webhook deliveries
        (delivery), flow and function events. Columns: time, source, what happened, status, and the id
        that links it (request id, WAMID, delivery id). QUERY is free text (an id, a path, an error).
        --source takes external_api_log, whatsapp_webhook_event, whatsapp_message_event, webhook_delivery,
        flow_event, function_invocation_event, function_log_event or all (and Kapso's aliases api, meta,
        messages, webhooks, workflows, functions). --around takes an ISO time, any id 'whois' knows (a
        WAMID, delivery id, API log id, conversation id) or a request id from this table, and searches an
        hour either side of its moment, marking that event with '>'; it replaces --period. --problems
        reads every failure of the window and shows one row per cause with its count, first and last
        time (--flat: each event). --filter KEY=VALUE narrows by a field (repeatable; keys from Kapso's
        catalogue, e.g. request_id, response_status, whatsapp_message_id, webhook_id, event_type, status,
        phone_number_id). --follow polls for new events until Ctrl-C; --all prints every page. --cursor
        continues a search from its pagination.next_cursor (--output json). When log search is not
        enabled for the project it says so and fails, never "no results".
        Examples:
          logs --errors
          logs --endpoint /messages --status-code 422
          logs --period 7d --all --output json | jq .endpoint
          logs search --problems --period 7d
          logs search --source whatsapp_webhook_event --around wamid.HBgL...
          logs search 200300400500601 --source api
          logs search --filter webhook_id=5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --follow
        """
    public static let maxArguments: Int? = nil
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)"),
        FlagSpec("--endpoint", value: "TEXT", help: "only calls whose path contains TEXT"),
        FlagSpec("--status-code", value: "N", range: 100...599, help: "only calls answered with this HTTP status"),
        FlagSpec("--errors", help: "only calls answered with 400 or more, one row per cause"),
        FlagSpec("--flat", help: "with --errors or search --problems: one row per failure instead of one per cause"),
        FlagSpec("--ids", help: "add each call's API log id and, from log search, its request id (what support asks for)"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "calls or events per page (1-100, default 20; 100 with --all)"),
        FlagSpec("--all", help: "every page, printed as it arrives"),
        FlagSpec("--source", value: "S", help: "search: one source, e.g. whatsapp_webhook_event (default all)"),
        FlagSpec("--around", value: "TIME|ID", help: "search: an hour either side of an ISO time or an id's moment"),
        FlagSpec("--problems", help: "search: only failures"),
        FlagSpec("--filter", value: "K=V", help: "search: only events whose field K is V (repeatable)"),
        FlagSpec("--follow", help: "search: poll for new events until Ctrl-C"),
        FlagSpec("--interval", value: "S", help: "search: seconds between --follow polls (default 2, at least 1)"),
        FlagSpec("--max-polls", value: "N", range: 1...1_000_000, help: "search: stop --follow after N polls"),
        FlagSpec("--cursor", value: "C", help: "search: continue from a pagination.next_cursor"),
        FlagSpec(OutgoingSecret.sendFlag, help: "send a query, filter or --endpoint that holds a credential as typed (never kops's own key)"),
        FlagSpec(
            "--output", choices: ["table", "json", "expanded"],
            help: "print this command as a table or JSON (NDJSON with --all, --follow)"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        switch arguments.positionals.first {
        case "search"?: _ = try searchFilters(arguments)
        case let other?:
            throw ShellError.invalidValue(command: name, what: "subcommand", value: other, expected: "'search' or flags")
        case nil:
            if let flag = searchOnlyFlags.first(where: { arguments.has($0) || arguments.value($0) != nil }) {
                throw LogSearchError.misplacedFlag(flag, search: false)
            }
            // `--errors` is `errors_only`, failed calls only (kapso-api.md §5: status >= 400): a 1xx-3xx status matches
            // none, and the answer read "no API call failed" (tester53 T2).
            if arguments.has("--errors"), let code = arguments.integer("--status-code"), code < 400 {
                throw ShellError.invalidValue(
                    command: name, what: "combination", value: "--status-code \(code) with --errors",
                    expected: "one of them: --errors lists failed calls only (status 400 and up), --status-code \(code) the calls answered \(code)")
            }
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        try refuseSecrets(arguments, in: context)
        if arguments.positionals.first == "search" { return try search(arguments, in: context) }
        var filters: [(String, String)] = []
        if let period = arguments.value("--period") { filters.append(("period", period)) }
        if let endpoint = arguments.value("--endpoint") { filters.append(("endpoint", endpoint)) }
        if let code = arguments.integer("--status-code") {
            filters.append(("status_code", String(code)))
        }
        if arguments.has("--errors") { filters.append(("errors_only", "true")) }
        let limit = arguments.integer("--limit") ?? 20
        if arguments.has("--errors"), !arguments.has("--flat"), !arguments.has("--ids"), !arguments.has("--all") {
            return try grouped(filters: filters, period: arguments.value("--period") ?? "24h", limit: limit, in: context)
                .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        }
        guard arguments.has("--all") else {
            return try list(filters: filters, limit: limit, after: nil, ids: arguments.has("--ids"), in: context)
                .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        }
        return try stream(filters: filters, arguments, in: context)
    }

    /// Failed calls of the period, one row per cause (every page, up to `FailureFetch.maxPages`).
    private static func grouped(filters: [(String, String)], period: String, limit: Int, in context: ShellContext) throws
        -> CommandResult
    {
        let narrowing = filters.filter { $0.0 == "endpoint" || $0.0 == "status_code" }
        let fetch = try FailureFetch.load(sources: [.api], period: period, apiFilters: narrowing, in: context)
        let groups = fetch.groups
        let json: JSONValue = fetch.addingLeftOut(
            to: .object([
                "period": .string(period), "failures": .number(String(groups.total)), "truncated": .bool(fetch.truncated),
                "groups": groups.json,
            ]))
        guard !groups.groups.isEmpty else {
            // A filter that matched no failure says nothing of the project's other calls (tester53 T2).
            let filtered = narrowing.map { "--\($0.0 == "endpoint" ? "endpoint" : "status-code") \($0.1)" }.joined(separator: " ")
            let text = narrowing.isEmpty ? "no API call failed in the last \(period)"
                : "no API call matching \(filtered) failed in the last \(period); 'logs --errors' shows every failed call"
            var result = CommandResult(blocks: [.line(StyledText(text, style: narrowing.isEmpty ? .good : .plain))] + fetch.leftOutHint, json: json)
            fetch.sayUnread(in: &result)
            return result
        }
        let shown = Array(groups.groups.prefix(limit))
        var result = CommandResult(
            blocks: [
                .table(FailureGroupsTable.table(shown)),
                .hint(FailureGroupsTable.hint(groups, shown: shown.count, truncated: fetch.truncated, period: period, flat: "logs --errors --flat")),
            ] + fetch.leftOutHint, json: json)
        // A project list not read (the webhooks, the numbers) is named, and the command fails for it, as 'errors' does.
        fetch.sayUnread(in: &result)
        return result
    }

    /// One page as a table, remembered for `next`.
    static func list(
        filters: [(String, String)], limit: Int, after: String?, ids: Bool = false, in context: ShellContext
    ) throws
        -> CommandResult
    {
        let query = filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? [])
        let page = try Self.page(query: query, limit: limit, in: context)
        context.rememberList(page, source: .apiLogs(filters: filters, limit: limit))
        // kops's own calls (its earlier `logs`, look-ups, sends) are marked, never hidden: Kapso logs them as the key's.
        let own = context.ownLookups.kopsLogIDs(in: page.items, host: context.client.baseURL)
        // In the table's order (`ownCallOrder`): the JSON lists the same rows in the same order (tester65 V4).
        let json = own.isEmpty ? page.json : Self.ordered(OwnLookups.marking(page.json, own), ownCallOrder(page.items, own: own))
        guard !page.items.isEmpty else {
            return CommandResult(blocks: [.line(StyledText("no API calls match in this period"))], json: json)
        }
        // A failed call gets the meaning 'errors' gives it (the id resolver for ids in the path): the numbers
        // and webhooks are asked for only when the page has one. Kapso's normal answers are said to be no failures, as
        // 'errors' and 'logs --errors' leave them out (probe14 P14-12: they opened the support bundle's failed calls).
        // The page's failures are read as 'errors --flat' reads them (probe19 P19-1, P19-7): with what the resolver says
        // of the ids in their paths, a former number's records, and a held send lock's pending send.
        // The lists the meanings read, a list not read named (`FailureFetch.sayUnread`), as 'errors' names it (fixD).
        var lists: FailureFetch?
        let meanings = try Self.meanings(of: page.items, own: own, lists: &lists, in: context)
        var read = FailureFetch()
        read.unreadLists = lists?.unreadLists ?? []
        var hints = [page.footer] + [OwnLookups.markHint(own.count, noun: own.count == 1 ? "call" : "calls"), UnreadableCallStatus.note(page.items)]
            .compactMap { $0 }
        let normal = page.items.filter(ErrorTriage.isNormalAnswer).count
        if normal > 0 {
            hints.append("\(normal) of these \(normal == 1 ? "is" : "are") Kapso's normal answer, not a failure ('Marketing preference not found': no preference recorded)")
        }
        var requestIDs: [String: String] = [:]
        if ids {
            let period = filters.first { $0.0 == "period" }?.1 ?? "24h"
            switch requestIDsFromLogSearch(period: period, errorsOnly: filters.contains { $0.0 == "errors_only" }, in: context) {
            case .some(let found): requestIDs = found
            case nil: hints.append("request ids come from log search, which did not answer for this project: LOG ID is the API log id")
            }
        }
        let table = table(page.items, ids: ids, meanings: meanings, requestIDs: requestIDs, own: own)
        var result = CommandResult(blocks: [.table(table)] + hints.map(Block.hint), json: json)
        read.sayUnread(in: &result)
        return result
    }

    /// The request id of each API log (`resource_id` → `request_id` of log search's `external_api_log` events, the id
    /// Kapso's log search filters by, kapso-api.md §14.4), newest 100 of the period; nil when log search is not
    /// available or failed. An API log's own id is another id: searching `request_id` for it finds nothing (P14-11).
    static func requestIDsFromLogSearch(period: String, errorsOnly: Bool, in context: ShellContext) -> [String: String]? {
        let query = LogSearchQuery(source: "external_api_log", period: period, problemsOnly: errorsOnly, limit: 100)
        guard case .page(let page)? = try? context.client.logSearch(query) else { return nil }
        return LogSearchEvent.requestIDsByLogID(page.events)
    }

    /// Time, method, endpoint, status, duration, key name, error, and with `meanings` (one per log) the
    /// meaning of each failed call. With `ids`, the API log id and, when log search gave it, the request id come after
    /// the time (`requestColumn` says whether REQUEST ID is there; by default when one of `logs` has one). The key of a
    /// call in `own` (kops's own) is followed by `(kops)`.
    static func table(
        _ logs: [APILog], ids: Bool = false, meanings: [String]? = nil, requestIDs: [String: String] = [:], own: Set<String> = [],
        requestColumn: Bool? = nil
    ) -> Table {
        let order = ownCallOrder(logs, own: own)
        let logs = order.map { logs[$0] }
        let meanings = meanings.map { meanings in order.map { meanings[$0] } }
        let rows = logs.enumerated().map { index, log -> [StyledText] in
            [
                StyledText(TimeText.short(log.createdAt)), StyledText(log.httpMethod), StyledText(log.endpoint),
                log.unreadableResponseStatus == nil
                    ? StyledText(
                        String(log.responseStatus), style: log.responseStatus >= 400 && !ErrorTriage.isNormalAnswer(log) ? .bad : .plain)
                    : StyledText(UnreadableCallStatus.cell, style: .warn),
                StyledText(log.responseTimeMS.map { "\($0) ms" } ?? "-"), StyledText((log.apiKeyName ?? "-") + (own.contains(log.id) ? " " + OwnLookups.mark : "")),
                StyledText(log.errorMessage ?? ""),
            ] + (meanings.map { [StyledText($0[index])] } ?? [])
        }
        var columns = [
            Column("TIME", truncation: .never), Column("METHOD", truncation: .never),
            Column("ENDPOINT", truncation: .middle), Column("STATUS", truncation: .never, alignRight: true),
            Column("TOOK", truncation: .never, alignRight: true), Column("KEY"), Column("ERROR"),
        ]
        if meanings != nil { columns.append(Column("MEANING / NEXT")) }
        guard ids else { return Table(columns: columns, rows: rows) }
        let withRequests = requestColumn ?? logs.contains { requestIDs[$0.id] != nil }
        columns.insert(Column("LOG ID", truncation: .never), at: 1)
        if withRequests { columns.insert(Column("REQUEST ID", truncation: .never), at: 2) }
        return Table(columns: columns, rows: zip(logs, rows).map { log, row in
            var row = row
            row.insert(StyledText(log.id), at: 1)
            if withRequests { row.insert(StyledText(requestIDs[log.id] ?? "-"), at: 2) }
            return row
        })
    }

    /// A page's JSON with its `data` items in `order` (indices into them): as is when that is their order.
    static func ordered(_ json: JSONValue, _ order: [Int]) -> JSONValue {
        guard order != Array(order.indices), case .object(var page) = json, let items = page["data"]?.array, items.count == order.count
        else { return json }
        page["data"] = .array(order.map { items[$0] })
        return .object(page)
    }

    /// The order of `logs`'s rows on the page: the API's (newest first), but kops's own calls stamped in the same second
    /// and next to each other by endpoint, method and status. kops makes some calls at once (`trace`'s reads), and the
    /// log's order among them is the order they arrived in, which changes from run to run: a recorded `logs` page never
    /// checked the same (tester64b U11). Calls of other clients keep their places.
    static func ownCallOrder(_ logs: [APILog], own: Set<String>) -> [Int] {
        var order = Array(logs.indices)
        guard own.count > 1 else { return order }
        var start = 0
        while start < logs.count {
            var end = start + 1
            if own.contains(logs[start].id) {
                let second = logs[start].createdAt.prefix(19)
                while end < logs.count, own.contains(logs[end].id), logs[end].createdAt.prefix(19) == second { end += 1 }
                if end - start > 1 {
                    order[start..<end].sort { a, b in
                        (logs[a].endpoint, logs[a].httpMethod, logs[a].responseStatus)
                            < (logs[b].endpoint, logs[b].httpMethod, logs[b].responseStatus)
                    }
                }
            }
            start = end
        }
        return order
    }
}
