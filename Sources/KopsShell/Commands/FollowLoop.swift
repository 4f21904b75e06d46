internal import Foundation
internal import KapsoClient
internal import KopsHTTP

/// The poll loop behind every `--follow` (`deliveries --follow`, `logs search --follow`): polls the newest
/// items every `interval` seconds and hands on only the ones not seen before, oldest first.
///
/// The first poll only marks what already exists. Stops after `--max-polls` or on Ctrl-C (the transport's
/// `.cancelled`, or a press during a wait); backs off on 429 for the server's `Retry-After`, never less than the
/// interval nor more than 300 s (60 s without one); shows liveness on stderr only when a person is watching. Any
/// other error ends the loop with the error.
struct FollowLoop {
    /// The shortest `--interval` in seconds, and so the shortest wait between two requests of a follow, whatever a
    /// 429's `Retry-After` says (probe20 P20-3: `Retry-After: 0` made 1,300 requests a second). A poll a second is 60
    /// requests a minute, within the smallest Kapso plan's 100 (free; kapso-api.md §1.5), with room to spare for the
    /// user's other commands.
    static let shortestInterval = 1.0
    /// The longest wait after a 429, in seconds, whatever `Retry-After` asks: a follow keeps looking.
    static let longestRateLimitWait = 300.0

    /// Seconds between polls.
    let interval: Double
    /// Polls before stopping, the first included.
    let maxPolls: Int?
    /// What is followed, for the liveness line: `deliveries`, `log search`.
    let what: String

    /// Reads `--interval` (seconds, 1–3600, default 2) and `--max-polls`; `command` names the command in errors.
    init(arguments: Arguments, command: String, what: String) throws(ShellError) {
        let text = arguments.value("--interval") ?? "2"
        guard let interval = Double(text), interval >= Self.shortestInterval, interval <= 3_600 else {
            throw .invalidValue(
                command: command, what: "value for --interval", value: text,
                expected: "seconds from 1 to 3600 (a poll a second already spends 60 of the 100 requests a minute Kapso's free plan allows)")
        }
        self.interval = interval
        maxPolls = arguments.integer("--max-polls")
        self.what = what
    }

    /// What a follow did, for its closing line.
    struct Tally {
        /// Polls answered: what `--max-polls` counts.
        var polls = 0
        /// Polls refused with 429 and waited out.
        var rateLimited = 0

        /// `3 polls`, `1 poll (also 2 rate limited)`: every request the follow made.
        var text: String {
            "\(polls) \(polls == 1 ? "poll" : "polls")" + (rateLimited > 0 ? " (also \(rateLimited) rate limited)" : "")
        }
    }

    /// Polls `fetch` (the newest items, newest first) until `maxPolls` or Ctrl-C, and gives each poll's new
    /// items, oldest first, to `show`. Returns what it did.
    func run<Item>(
        in context: ShellContext, id: (Item) -> String, fetch: () throws -> [Item], show: ([Item]) -> Void
    ) throws -> Tally {
        var seen: Set<String> = []
        var tally = Tally()
        var wait = interval
        // 429s in a row: the first says so, the rest are counted, so an outage is two lines, not one per poll.
        var limited = 0
        while maxPolls.map({ tally.polls < $0 }) ?? true {
            // Every request but the first waits: a refused first poll too.
            if tally.polls + tally.rateLimited > 0 { context.pause(wait) }
            wait = interval
            let items: [Item]
            do {
                items = try fetch()
            } catch KapsoAPIError.rateLimited(let retryAfter, _) {
                tally.rateLimited += 1
                limited += 1
                wait = Self.rateLimitWait(retryAfter: retryAfter, interval: interval)
                if limited == 1 { context.emit(CommandResult(blocks: [.hint(Self.rateLimitLine(retryAfter: retryAfter, wait: wait))])) }
                continue
            } catch KapsoAPIError.transport(.cancelled) {
                return tally
            }
            if limited > 1 { context.emit(CommandResult(blocks: [.hint("the API answers again after \(limited) rate-limited polls")])) }
            limited = 0
            tally.polls += 1
            let new = tally.polls == 1 ? [] : items.filter { !seen.contains(id($0)) }
            seen = Set(items.map(id))
            if !new.isEmpty {
                show(new.reversed())
            } else if context.isInteractive && (tally.polls == 1 || tally.polls % 15 == 0) {
                let text = tally.polls == 1 ? "following \(what); Ctrl-C stops" : "still following (\(tally.polls) polls)"
                context.emit(CommandResult(blocks: [.hint(text)]))
            }
        }
        return tally
    }

    /// Seconds to wait after a 429: the server's `Retry-After` (60 s without one), at least `interval`, at most
    /// `longestRateLimitWait` (or `interval` when that is longer).
    static func rateLimitWait(retryAfter: Int?, interval: Double) -> Double {
        min(max(Double(retryAfter ?? 60), interval), max(longestRateLimitWait, interval))
    }

    /// `rate limited (429); next poll in 2 s (Retry-After said 0 s; kops waits at least its poll interval)`.
    static func rateLimitLine(retryAfter: Int?, wait: Double) -> String {
        let line = "rate limited (429); next poll in \(seconds(wait))"
        guard let retryAfter else { return line + " (no Retry-After given)" }
        if Double(retryAfter) < wait { return line + " (Retry-After said \(seconds(Double(retryAfter))); kops waits at least its poll interval)" }
        if Double(retryAfter) > wait { return line + " (Retry-After said \(seconds(Double(retryAfter))); kops looks again sooner)" }
        return line
    }

    /// `2 s`, `1.5 s`, `5 min`, `2 min 30 s`, `3 h`.
    static func seconds(_ value: Double) -> String {
        guard value >= 120 else { return value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
        let whole = Int(value)
        if whole >= 7_200 { return "\(whole / 3_600) h" }
        return "\(whole / 60) min" + (whole % 60 > 0 ? " \(whole % 60) s" : "")
    }
}
