internal import KapsoClient
internal import KapsoDiagnostics

/// `logs search --follow`: polls the newest events of a search and prints only the ones not seen before,
/// oldest first, as `deliveries --follow` does.
///
/// The loop (first poll, 429, failures, Ctrl-C, liveness) is `FollowLoop`'s; this prints the rows and the summary line,
/// and stops with the one-line error when search stops being available. kops's own calls (each poll is one more entry in
/// the project's API log, P45-8) are never shown as new events: they are counted in the summary line instead.
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
        var own = 0
        // One header and carried-on widths across polls, as `deliveries --follow` keeps them (tester63 AN16).
        var layout = StreamedTable()
        return try loop.run(
            // A logged event does not change: only new ones are shown.
            in: context, json: mode == .json, id: \.id, state: { _ in "" },
            fetch: { after in
                var page = query
                page.cursor = after
                let read = try LogSearchInput.page(page, in: context)
                return (read.events, read.nextCursor)
            },
            show: { new in
                let mine = context.ownLookups.kopsEventIDs(in: new.map(\.item), host: context.client.baseURL)
                own += mine.count
                let events = new.map(\.item).filter { !mine.contains($0.id) }
                guard !events.isEmpty else { return 0 }
                shown += events.count
                problems += events.filter { LogSearchReading($0).isProblem }.count
                context.emit(rows(events, json: mode == .json, redactor: context.shell?.redactor ?? Redactor(), layout: &layout))
                return events.count
            },
            summary: { summary(tally: $0, shown: shown, problems: problems, own: own) })
    }

    /// One line per event (NDJSON in JSON mode), oldest first.
    private func rows(_ events: [LogSearchEvent], json: Bool, redactor: Redactor, layout: inout StreamedTable) -> CommandResult {
        let objects = events.map { JSONValue.object($0.json) }
        if json {
            return CommandResult(json: .array(objects), jsonText: objects.map { redactor.serialized($0) }.joined(separator: "\n"))
        }
        return CommandResult(blocks: [.table(layout.next(LogsCommand.table(events, highlight: nil), redactor: redactor))], json: .array(objects))
    }

    /// `stopped after 5 polls: 2 new events (1 problem); 4 calls kops made itself (its polls) not shown`.
    private func summary(tally: FollowLoop.Tally, shown: Int, problems: Int, own: Int) -> String {
        let detail = problems > 0 ? " (\(problems) \(problems == 1 ? "problem" : "problems"))" : ""
        let mine = own > 0 ? "; \(own) \(own == 1 ? "call" : "calls") kops made itself (its polls) not shown" : ""
        return "stopped after \(tally.text): \(shown) new \(shown == 1 ? "event" : "events")\(detail)\(mine)" + tally.overflowNote
    }
}
