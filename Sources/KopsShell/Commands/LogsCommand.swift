internal import KapsoClient

/// `logs [--period] [--endpoint SUBSTR] [--status-code N] [--errors] [--limit N] [--all]`: the project's API calls.
public enum LogsCommand: Command {
    public static let name = "logs"
    public static let summary = "API calls made with the project's keys: status, time, errors"
    public static let usage =
        "logs [--period 24h|7d|30d] [--endpoint TEXT] [--status-code N] [--errors] [--ids] [--limit N] [--all]"
    public static let details = """
        Newest first, 20 at a time ('next' shows more); --all prints every page as it arrives (NDJSON
        with --output json). --endpoint matches part of the path.
        Examples:
          logs --errors
          logs --endpoint /messages --status-code 422
          logs --period 7d --all --output json | jq .endpoint
        """
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)"),
        FlagSpec("--endpoint", value: "TEXT", help: "only calls whose path contains TEXT"),
        FlagSpec("--status-code", value: "N", help: "only calls answered with this HTTP status"),
        FlagSpec("--errors", help: "only calls answered with 400 or more"),
        FlagSpec("--ids", help: "add each call's log id, the request id Kapso support looks up"),
        FlagSpec("--limit", value: "N", help: "calls per page (1-100, default 20)"),
        FlagSpec("--all", help: "every page, printed as it arrives"),
        FlagSpec(
            "--output", choices: ["table", "json"], help: "print this command as a table or JSON (NDJSON with --all)"),
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
        guard arguments.has("--all") else {
            return try list(filters: filters, limit: limit, after: nil, ids: arguments.has("--ids"), in: context)
                .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        }
        let count = try ListStream(context: context, mode: context.outputMode(arguments)).run(
            fetch: { try context.client.apiLogs(filters + [("limit", "100")] + $0) },
            json: \.json, table: { table($0) })
        context.session.lastList = nil
        return CommandResult(blocks: [.hint("\(count) \(count == 1 ? "call" : "calls")")])
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
