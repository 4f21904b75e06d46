internal import KapsoClient
internal import KapsoDiagnostics

/// `logs search --follow`: polls the newest events of a search and prints only the ones not seen before,
/// oldest first, as `deliveries --follow` does.
///
/// The loop (first poll, 429, failures, Ctrl-C, liveness) is `FollowLoop`'s; this prints the rows and the summary line,
/// and stops with the one-line error when search stops being available.
struct LogSearchFollow {
    let query: LogSearchQuery
    let loop: FollowLoop

    init(arguments: Arguments, query: LogSearchQuery) throws(ShellError) {
        var query = query
        query.limit = 100
        query.cursor = nil
        self.query = query
        loop = try FollowLoop(arguments: arguments, command: "logs search", what: "log search")
    }

    func run(in context: ShellContext, mode: OutputMode) throws -> CommandResult {
        var shown = 0
        var problems = 0
        let redactor = context.shell?.redactor ?? Redactor()
        return try loop.run(
            // A logged event does not change: only new ones are shown.
            in: context, id: \.id, state: { _ in "" },
            fetch: { try LogSearchInput.page(query, in: context).events },
            show: { new in
                let events = new.map(\.item)
                shown += events.count
                problems += events.filter { LogSearchReading($0).isProblem }.count
                context.emit(rows(events, json: mode == .json, redactor: redactor))
            },
            summary: { summary(tally: $0, shown: shown, problems: problems) })
    }

    /// One line per event (NDJSON in JSON mode), oldest first.
    private func rows(_ events: [LogSearchEvent], json: Bool, redactor: Redactor) -> CommandResult {
        let objects = events.map { JSONValue.object($0.json) }
        if json {
            return CommandResult(json: .array(objects), jsonText: objects.map { redactor.serialized($0) }.joined(separator: "\n"))
        }
        return CommandResult(blocks: [.table(LogsCommand.table(events, highlight: nil))], json: .array(objects))
    }

    private func summary(tally: FollowLoop.Tally, shown: Int, problems: Int) -> String {
        let detail = problems > 0 ? " (\(problems) \(problems == 1 ? "problem" : "problems"))" : ""
        return "stopped after \(tally.text): \(shown) new \(shown == 1 ? "event" : "events")\(detail)"
    }
}
