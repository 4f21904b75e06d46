internal import KapsoClient
internal import KapsoDiagnostics

/// `logs [--period] [--endpoint SUBSTR] [--status-code N] [--errors] [--limit N] [--all]`: the project's API calls.
public enum LogsCommand: Command {
    public static let name = "logs"
    public static let summary = "API calls made with the project's keys: status, time, errors"
    public static let usage =
        "logs [--period 24h|7d|30d] [--endpoint TEXT] [--status-code N] [--errors [--flat]] [--ids] [--limit N] [--all]"
    public static let details = """
        Newest first, 20 at a time ('next' shows more); --all prints every page as it arrives (NDJSON
        with --output json). --endpoint matches part of the path. --errors shows one row per cause (key,
        method and path, status and code) with its count and meaning, as 'errors --source api' does;
        --errors --flat (or --ids) lists each failed call.
        Examples:
          logs --errors
          logs --endpoint /messages --status-code 422
          logs --period 7d --all --output json | jq .endpoint
        """
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)"),
        FlagSpec("--endpoint", value: "TEXT", help: "only calls whose path contains TEXT"),
        FlagSpec("--status-code", value: "N", help: "only calls answered with this HTTP status"),
        FlagSpec("--errors", help: "only calls answered with 400 or more, one row per cause"),
        FlagSpec("--flat", help: "with --errors: one row per failed call instead of one per cause"),
        FlagSpec("--ids", help: "add each call's log id, the request id Kapso support looks up"),
        FlagSpec("--limit", value: "N", help: "calls per page (1-100, default 20)"),
        FlagSpec("--all", help: "every page, printed as it arrives"),
        FlagSpec(
            "--output", choices: ["table", "json", "expanded"], help: "print this command as a table or JSON (NDJSON with --all)"),
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        var filters: [(String, String)] = []
        if let period = arguments.value("--period") { filters.append(("period", period)) }
        if let endpoint = arguments.value("--endpoint") { filters.append(("endpoint", endpoint)) }
        if let code = try arguments.integer("--status-code", in: 100...599) {
            filters.append(("status_code", String(code)))
        }
        if arguments.has("--errors") { filters.append(("errors_only", "true")) }
        let limit = try arguments.integer("--limit", in: 1...100) ?? 20
        if arguments.has("--errors"), !arguments.has("--flat"), !arguments.has("--ids"), !arguments.has("--all") {
            return try grouped(filters: filters, period: arguments.value("--period") ?? "24h", limit: limit, in: context)
                .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        }
        guard arguments.has("--all") else {
            return try list(filters: filters, limit: limit, after: nil, ids: arguments.has("--ids"), in: context)
                .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        }
        let count = try ListStream(context: context, mode: context.outputMode(arguments)).run(
            fetch: { try context.client.apiLogs(filters + [("limit", "100")] + $0) },
            request: { context.client.apiLogsRequest(filters + [("limit", "100")] + $0) },
            json: \.json, table: { table($0) })
        context.session.lastList = nil
        return CommandResult(blocks: [.hint("\(count) \(count == 1 ? "call" : "calls")")])
    }

    /// Failed calls of the period, one row per cause (every page, up to `FailureFetch.maxPages`).
    private static func grouped(filters: [(String, String)], period: String, limit: Int, in context: ShellContext) throws
        -> CommandResult
    {
        let narrowing = filters.filter { $0.0 == "endpoint" || $0.0 == "status_code" }
        let fetch = try FailureFetch.load(sources: [.api], period: period, apiFilters: narrowing, in: context)
        let groups = FailureGroups(fetch.triage.entries, numbers: fetch.numbers, webhooks: fetch.webhooks)
        let json: JSONValue = .object([
            "period": .string(period), "failures": .number(String(groups.total)), "truncated": .bool(fetch.truncated),
            "groups": groups.json,
        ])
        guard !groups.groups.isEmpty else {
            return CommandResult(blocks: [.line(StyledText("no API call failed in the last \(period)", style: .good))], json: json)
        }
        let shown = Array(groups.groups.prefix(limit))
        return CommandResult(
            blocks: [
                .table(FailureGroupsTable.table(shown)),
                .hint(FailureGroupsTable.hint(groups, shown: shown.count, truncated: fetch.truncated, period: period, flat: "logs --errors --flat")),
            ], json: json)
    }

    /// One page as a table, remembered for `next`.
    static func list(
        filters: [(String, String)], limit: Int, after: String?, ids: Bool = false, in context: ShellContext
    ) throws
        -> CommandResult
    {
        let query = filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? [])
        let page = try context.client.apiLogs(query)
        context.rememberList(page, source: .apiLogs(filters: filters, limit: limit))
        guard !page.items.isEmpty else {
            return CommandResult(blocks: [.line(StyledText("no API calls match in this period"))], json: page.json)
        }
        return CommandResult(blocks: [.table(table(page.items, ids: ids)), .hint(page.footer)], json: page.json)
    }

    /// Time, method, endpoint, status, duration, key name, error.
    /// With `ids`, the log id (the request id) comes after the time.
    static func table(_ logs: [APILog], ids: Bool = false) -> Table {
        let rows = logs.map { log -> [StyledText] in
            [
                StyledText(TimeText.short(log.createdAt)), StyledText(log.httpMethod), StyledText(log.endpoint),
                StyledText(String(log.responseStatus), style: log.responseStatus >= 400 ? .bad : .plain),
                StyledText(log.responseTimeMS.map { "\($0) ms" } ?? "-"), StyledText(log.apiKeyName ?? "-"),
                StyledText(log.errorMessage ?? ""),
            ]
        }
        var columns = [
            Column("TIME", truncation: .never), Column("METHOD", truncation: .never),
            Column("ENDPOINT", truncation: .middle), Column("STATUS", truncation: .never, alignRight: true),
            Column("TOOK", truncation: .never, alignRight: true), Column("KEY"), Column("ERROR"),
        ]
        guard ids else { return Table(columns: columns, rows: rows) }
        columns.insert(Column("REQUEST ID", truncation: .never), at: 1)
        return Table(columns: columns, rows: zip(logs, rows).map { log, row in
            var row = row
            row.insert(StyledText(log.id), at: 1)
            return row
        })
    }
}
