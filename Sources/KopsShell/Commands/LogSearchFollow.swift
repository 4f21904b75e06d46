internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `logs search --follow`: polls the newest events of a search and prints only the ones not seen before,
/// oldest first, as `deliveries --follow` does.
///
/// Stops after `--max-polls` or on Ctrl-C (the transport's `.cancelled`), with a summary line; backs off on 429
/// for the server's `Retry-After`; stops with the one-line error when search stops being available.
struct LogSearchFollow {
    let query: LogSearchQuery
    /// Seconds between polls.
    let interval: Double
    /// Polls before stopping, the first (which only marks what already exists) included.
    let maxPolls: Int?

    init(arguments: Arguments, query: LogSearchQuery) throws(ShellError) {
        var query = query
        query.limit = 100
        query.cursor = nil
        self.query = query
        let text = arguments.value("--interval") ?? "2"
        guard let interval = Double(text), interval >= 0, interval <= 3_600 else {
            throw .invalidValue(
                command: "logs search", what: "value for --interval", value: text, expected: "seconds from 0 to 3600")
        }
        self.interval = interval
        maxPolls = arguments.integer("--max-polls")
    }

    func run(in context: ShellContext, mode: OutputMode) throws -> CommandResult {
        var seen: Set<String> = []
        var polls = 0
        var shown = 0
        var problems = 0
        var wait = 0.0
        while maxPolls.map({ polls < $0 }) ?? true {
            if polls > 0 { Thread.sleep(forTimeInterval: max(wait, interval)) }
            wait = 0
            switch try poll(context) {
            case .cancelled:
                return CommandResult(blocks: [.hint(summary(polls: polls, shown: shown, problems: problems))])
            case .rateLimited(let retryAfter):
                wait = Double(min(retryAfter ?? 60, 300))
                context.emit(CommandResult(blocks: [.hint("rate limited; next poll in \(Int(wait)) s")]))
            case .events(let events):
                polls += 1
                // The first poll only marks what already exists.
                let new = polls == 1 ? [] : events.filter { !seen.contains($0.id) }
                seen = Set(events.map(\.id))
                shown += new.count
                problems += new.filter { LogSearchReading($0).isProblem }.count
                if !new.isEmpty {
                    context.emit(rows(new.reversed(), json: mode == .json, redactor: context.shell?.redactor ?? Redactor()))
                } else if context.isInteractive && (polls == 1 || polls % 15 == 0) {
                    let text = polls == 1 ? "following log search; Ctrl-C stops" : "still following (\(polls) polls)"
                    context.emit(CommandResult(blocks: [.hint(text)]))
                }
            }
        }
        return CommandResult(blocks: [.hint(summary(polls: polls, shown: shown, problems: problems))])
    }

    /// What one poll gave: the newest events, a 429, or Ctrl-C.
    private enum Poll {
        case events([LogSearchEvent])
        case rateLimited(retryAfter: Int?)
        case cancelled
    }

    private func poll(_ context: ShellContext) throws -> Poll {
        do {
            return .events(try LogSearchInput.page(query, in: context).events)
        } catch KapsoAPIError.rateLimited(let retryAfter, _) {
            return .rateLimited(retryAfter: retryAfter)
        } catch KapsoAPIError.transport(.cancelled) {
            return .cancelled
        }
    }

    /// One line per event (NDJSON in JSON mode), oldest first.
    private func rows(_ events: [LogSearchEvent], json: Bool, redactor: Redactor) -> CommandResult {
        let objects = events.map { JSONValue.object($0.json) }
        if json {
            return CommandResult(json: .array(objects), jsonText: objects.map { redactor.serialized($0) }.joined(separator: "\n"))
        }
        return CommandResult(blocks: [.table(LogsCommand.table(events, highlight: nil))], json: .array(objects))
    }

    private func summary(polls: Int, shown: Int, problems: Int) -> String {
        let detail = problems > 0 ? " (\(problems) \(problems == 1 ? "problem" : "problems"))" : ""
        return "stopped after \(polls) \(polls == 1 ? "poll" : "polls"): \(shown) new \(shown == 1 ? "event" : "events")\(detail)"
    }
}
