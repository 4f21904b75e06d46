internal import Foundation
internal import KapsoClient
internal import KopsHTTP

/// The poll loop behind every `--follow` (`deliveries --follow`, `logs search --follow`): polls the newest
/// items every `interval` seconds and hands on only the ones not seen before, oldest first.
///
/// The first poll only marks what already exists. Stops after `--max-polls` or on Ctrl-C (the transport's
/// `.cancelled`); backs off on 429 for the server's `Retry-After` (at most 300 s, 60 s without one); shows
/// liveness on stderr only when a person is watching. Any other error ends the loop with the error.
struct FollowLoop {
    /// Seconds between polls.
    let interval: Double
    /// Polls before stopping, the first included.
    let maxPolls: Int?
    /// What is followed, for the liveness line: `deliveries`, `log search`.
    let what: String

    /// Reads `--interval` (seconds, 0–3600, default 2) and `--max-polls`; `command` names the command in errors.
    init(arguments: Arguments, command: String, what: String) throws(ShellError) {
        let text = arguments.value("--interval") ?? "2"
        guard let interval = Double(text), interval >= 0, interval <= 3_600 else {
            throw .invalidValue(command: command, what: "value for --interval", value: text, expected: "seconds from 0 to 3600")
        }
        self.interval = interval
        maxPolls = arguments.integer("--max-polls")
        self.what = what
    }

    /// Polls `fetch` (the newest items, newest first) until `maxPolls` or Ctrl-C, and gives each poll's new
    /// items, oldest first, to `show`. Returns how many polls answered.
    func run<Item>(
        in context: ShellContext, id: (Item) -> String, fetch: () throws -> [Item], show: ([Item]) -> Void
    ) throws -> Int {
        var seen: Set<String> = []
        var polls = 0
        var wait = 0.0
        while maxPolls.map({ polls < $0 }) ?? true {
            if polls > 0 { Thread.sleep(forTimeInterval: max(wait, interval)) }
            wait = 0
            let items: [Item]
            do {
                items = try fetch()
            } catch KapsoAPIError.rateLimited(let retryAfter, _) {
                wait = Double(min(retryAfter ?? 60, 300))
                context.emit(CommandResult(blocks: [.hint("rate limited; next poll in \(Int(wait)) s")]))
                continue
            } catch KapsoAPIError.transport(.cancelled) {
                return polls
            }
            polls += 1
            let new = polls == 1 ? [] : items.filter { !seen.contains(id($0)) }
            seen = Set(items.map(id))
            if !new.isEmpty {
                show(new.reversed())
            } else if context.isInteractive && (polls == 1 || polls % 15 == 0) {
                let text = polls == 1 ? "following \(what); Ctrl-C stops" : "still following (\(polls) polls)"
                context.emit(CommandResult(blocks: [.hint(text)]))
            }
        }
        return polls
    }
}
