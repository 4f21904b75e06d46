internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `errors [--period] [--source message|api|webhook] [--limit N]`: one triage view over everything that failed.
public enum ErrorsCommand: Command {
    public static let name = "errors"
    public static let summary = "what failed, newest first: outbound messages, API calls, webhook deliveries"
    public static let usage = "errors [--period 24h|7d|30d] [--source message|api|webhook] [--limit N]"
    public static let details = """
        Fetches message errors (of the selected number, if any): failed messages, messages with a
        failed status anywhere in their history, and received messages with errors (e.g. 131051); API
        calls answered with an error; and failed webhook deliveries, at once, and explains each code.
        Examples:
          errors
          errors --source api --period 7d
        """
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)"),
        FlagSpec("--source", choices: ErrorTriage.Source.allCases.map(\.rawValue), help: "only one kind of failure"),
        FlagSpec("--limit", value: "N", help: "entries to show (1-100, default 20)"),
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let period = arguments.value("--period") ?? "24h"
        let limit = try arguments.integer("--limit", in: 1...100) ?? 20
        let sources =
            arguments.value("--source").flatMap(ErrorTriage.Source.init(rawValue:)).map { [$0] }
            ?? ErrorTriage.Source.allCases
        let client = context.client
        let window = [("period", period), ("errors_only", "true"), ("limit", "100")]
        let number = context.session.phoneNumberID.map { [("phone_number_id", $0)] } ?? []
        // Messages: those whose final status is failed, plus the latest 100 of any status, because a
        // failure can be followed by a delivery and received messages can carry errors[] too.
        let requests: [(ErrorTriage.Source, HTTPRequest)] = sources.flatMap { source -> [(ErrorTriage.Source, HTTPRequest)] in
            switch source {
            case .message:
                [
                    (source, client.platformRequest("/whatsapp/messages", query: number + [("status", "failed"), ("limit", "100")])),
                    (source, client.platformRequest("/whatsapp/messages", query: number + [("limit", "100")])),
                ]
            case .api: [(source, client.apiLogsRequest(window))]
            case .webhook: [(source, client.webhookDeliveriesRequest(window))]
            }
        }
        let responses = client.transport.sendAll(requests.map(\.1))
        var triage = ErrorTriage()
        var more = false
        for ((source, request), response) in zip(requests, responses) {
            let json: JSONValue
            do {
                json = try client.decode(try response.get(), for: request)
            } catch let error as TransportError {
                throw KapsoAPIError.transport(error)
            }
            // The page of recent messages of any status says nothing about more failures.
            let recentMessages = source == .message && !request.url.contains("status=failed")
            more = more || (!recentMessages && !(json["paging"]?["next"]?.isNull ?? true))
            switch source {
            case .message: triage.addMessages(json, since: context.now() - seconds(period))
            case .api: triage.addAPILogs(try client.apiLogs(from: json).items)
            case .webhook: triage.addDeliveries(try client.webhookDeliveries(from: json).items)
            }
        }
        let entries = triage.newest(limit)
        let json: JSONValue = .object([
            "period": .string(period),
            "data": .array(
                entries.map {
                    .object(["source": .string($0.source.rawValue), "time": .string($0.time), "item": .object($0.json)])
                }),
        ])
        guard !entries.isEmpty else { return .line("nothing failed in the last \(period)", style: .good, json: json) }
        let rows = entries.map { entry -> [StyledText] in
            [
                StyledText(TimeText.short(entry.time)), StyledText(entry.source.rawValue), StyledText(entry.subject),
                StyledText(entry.error, style: .bad), StyledText(entry.meaning),
            ]
        }
        let table = Table(
            columns: [
                Column("TIME", truncation: .never), Column("SOURCE", truncation: .never),
                Column("WHAT", truncation: .middle),
                Column("ERROR"), Column("MEANING / NEXT"),
            ], rows: rows)
        let found = "\(triage.entries.count)\(more ? "+" : "")"
        let shown = entries.count == triage.entries.count && !more ? found : "newest \(entries.count) of \(found)"
        let noun = triage.entries.count == 1 && !more ? "failure" : "failures"
        return CommandResult(blocks: [.table(table), .hint("\(shown) \(noun) in the last \(period)")], json: json)
    }

    private static func seconds(_ period: String) -> Int64 {
        switch period {
        case "7d": 7 * 86_400
        case "30d": 30 * 86_400
        default: 86_400
        }
    }
}
