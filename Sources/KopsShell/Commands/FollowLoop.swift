internal import Foundation
internal import KapsoClient
internal import KopsHTTP

/// The poll loop behind every `--follow` (`deliveries --follow`, `logs search --follow`): polls the newest
/// items every `interval` seconds and hands on the ones not seen before and the ones whose state changed since the
/// last poll (a delivery retried, then delivered: probe20 P20-10), oldest first.
///
/// The first poll only marks what already exists. A later poll whose newest page holds nothing the poll before listed
/// reads older pages until it meets an item listed before, up to `catchUpPages` pages (tester63 AN2: 330 deliveries
/// made between two polls printed 100 and "100 new deliveries", the rest never read nor mentioned); past that it says
/// so, and the closing line counts such polls. Only the ids of the last poll are kept (tester63 AN3: every id ever
/// listed was kept for the follow's life). Stops after `--max-polls` or on Ctrl-C (the transport's
/// `.cancelled`, or a press during a wait); backs off on 429 for the server's `Retry-After`, never less than the
/// interval nor more than 300 s (60 s without one); after a first answer, retries a transient failure (5xx, a
/// dropped, refused or timed-out connection) with a doubling wait, giving up after `failuresBeforeGivingUp` in a
/// row; says it started (on stderr, off a terminal too), then shows liveness only when a person is watching. However
/// it ends after its first request, the closing line is printed; any other error ends the loop after it.
struct FollowLoop {
    /// The shortest `--interval` in seconds, and so the shortest wait between two requests of a follow, whatever a
    /// 429's `Retry-After` says (probe20 P20-3: `Retry-After: 0` made 1,300 requests a second). A poll a second is 60
    /// requests a minute, within the smallest Kapso plan's 100 (free; kapso-api.md §1.5), with room to spare for the
    /// user's other commands.
    static let shortestInterval = 1.0
    /// The longest wait after a 429, in seconds, whatever `Retry-After` asks: a follow keeps looking.
    static let longestRateLimitWait = 300.0
    /// The longest wait after a failed poll, in seconds: the back-off doubles from the interval up to it.
    static let longestBackOff = 60.0
    /// Failed polls in a row after which a follow gives up (probe20 P20-6): about 6 minutes at the default interval
    /// (2, 4, 8, 16, 32, then 60 s), longer than a deploy behind a load balancer usually answers 502/503 for.
    static let failuresBeforeGivingUp = 10
    /// The most pages one poll reads, the newest included: 1,000 items at 100 a page, 500 a second at the default
    /// interval.
    static let catchUpPages = 10

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
        /// Polls that failed (5xx, connection) and were tried again.
        var failed = 0
        /// Polls that found more new items than `catchUpPages` pages hold, or could not read an older page: some
        /// items between two polls were not read.
        var overflowed = 0

        /// `; 1 poll had more new than it read (said above)` for a closing line's end, or nothing.
        var overflowNote: String {
            overflowed == 0 ? "" : "; \(overflowed) \(overflowed == 1 ? "poll" : "polls") had more new than it read (said above)"
        }

        /// `3 polls`, `1 poll (also 2 rate limited, 1 failed)`: every request the follow made.
        var text: String {
            let others = [(rateLimited, "rate limited"), (failed, "failed")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return "\(polls) \(polls == 1 ? "poll" : "polls")" + (others.isEmpty ? "" : " (also " + others.joined(separator: ", ") + ")")
        }
    }

    /// Polls `fetch` (the page after the cursor given, nil for the newest: its items newest first and the next
    /// page's cursor) until `maxPolls` or Ctrl-C, and gives `show` each poll's items,
    /// oldest first, that are new (`isNew` true: an id never seen) or changed (an id seen before whose `state` differs
    /// from when it was last listed). Returns `summary`'s closing line; when an error ends the follow, that line is shown
    /// first and the error thrown after it, unless no poll was answered, refused or retried (nothing was followed).
    ///
    /// SIGTERM or SIGHUP (`timeout`, a CI runner, `docker stop`, a closed terminal) stops it as Ctrl-C does, after the
    /// line being written: the closing line says which signal ended it, `json` adds the `kops_incomplete` marker the
    /// `--all` streams end with (`ListStream.incompleteLine`; `show` returns how many items it printed), and kops then
    /// ends by the signal, as it would have (tester63 AN15, extended from `--all` to the follows).
    func run<Item>(
        in context: ShellContext, json: Bool, id: (Item) -> String, state: (Item) -> String,
        fetch: (_ after: String?) throws -> (items: [Item], next: String?),
        show: ([(item: Item, isNew: Bool)]) -> Int, summary: (Tally) -> String
    ) throws -> CommandResult {
        var tally = Tally()
        var printed = 0
        context.holdTermination()
        defer { context.releaseTermination() }
        do {
            try poll(in: context, tally: &tally, id: id, state: state, fetch: fetch, show: { printed += show($0) })
        } catch {
            // A follow whose first poll got no answer never started: no "stopped after 0 polls" above its one error line
            // (tester53b U11).
            if tally.polls + tally.rateLimited + tally.failed > 0 { context.emit(CommandResult(blocks: [.hint(summary(tally))])) }
            throw error
        }
        let signal = context.terminationReceived()
        guard signal == 0 else {
            // Shown now: the release above ends kops before a returned result would be.
            context.emit(CommandResult(blocks: [.hint(summary(tally) + "; " + ListStream.endedBy(signal))]))
            if json {
                context.emit(
                    CommandResult(jsonText: ListStream.incompleteLine(printed: printed, error: KapsoAPIError.transport(.cancelled(sent: false)), signal: signal)))
            }
            return CommandResult()
        }
        return CommandResult(blocks: [.hint(summary(tally))])
    }

    private func poll<Item>(
        in context: ShellContext, tally: inout Tally, id: (Item) -> String, state: (Item) -> String,
        fetch: (_ after: String?) throws -> (items: [Item], next: String?), show: ([(item: Item, isNew: Bool)]) -> Void
    ) throws {
        // Each id the last poll listed, with its state then: an item listed again unchanged is neither new nor changed.
        var seen: [String: String] = [:]
        var wait = interval
        // 429s and failures in a row: the first says so, the rest are counted, so an outage is two lines, not one a poll.
        var limited = 0
        var failing = 0
        func say(_ text: String) { context.emit(CommandResult(blocks: [.hint(text)])) }
        while maxPolls.map({ tally.polls < $0 }) ?? true {
            // Every request but the first waits: a refused first poll too.
            if tally.polls + tally.rateLimited + tally.failed > 0 { context.pause(wait) }
            wait = interval
            var items: [Item]
            var next: String?
            do {
                (items, next) = try fetch(nil)
            } catch KapsoAPIError.rateLimited(let retryAfter, _) {
                tally.rateLimited += 1
                limited += 1
                wait = Self.rateLimitWait(retryAfter: retryAfter, interval: interval)
                if limited == 1 { say(Self.rateLimitLine(retryAfter: retryAfter, wait: wait)) }
                continue
            } catch KapsoAPIError.transport(.cancelled) {
                return
            } catch let error as KapsoAPIError where tally.polls > 0 && Self.transientReason(error) != nil {
                // Before a first answer a failure is the set-up's (a wrong URL, a proxy), not an outage: it ends the follow.
                tally.failed += 1
                failing += 1
                guard failing < Self.failuresBeforeGivingUp else {
                    say("giving up: \(failing) polls in a row failed")
                    throw error
                }
                wait = Self.backOff(failures: failing, interval: interval)
                if failing == 1 {
                    say("poll failed: \(Self.transientReason(error) ?? ""); polling again in \(Self.seconds(wait)), "
                        + "waiting longer after each failure (up to \(Self.seconds(max(Self.longestBackOff, interval)))), "
                        + "giving up after \(Self.failuresBeforeGivingUp) in a row")
                }
                continue
            }
            if limited + failing > 1 {
                let what = [(limited, "rate-limited"), (failing, "failed")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
                say("the API answers again after " + what.joined(separator: " and ") + " polls")
            }
            (limited, failing) = (0, 0)
            tally.polls += 1
            if tally.polls > 1, !items.contains(where: { seen[id($0)] != nil }) {
                if let gap = try catchUp(from: next, into: &items, in: context, id: id, seen: seen, fetch: fetch) {
                    tally.overflowed += 1
                    say(gap)
                }
            }
            var shown: [(item: Item, isNew: Bool)] = []
            var listed: [String: String] = [:]
            listed.reserveCapacity(items.count)
            for item in items {
                let current = state(item)
                let key = id(item)
                let before = seen[key]
                // A page boundary that moved between two reads lists an item twice: once is shown.
                guard listed.updateValue(current, forKey: key) == nil else { continue }
                if tally.polls > 1, before != current { shown.append((item, before == nil)) }
            }
            seen = listed
            if !shown.isEmpty {
                show(shown.reversed())
            } else if tally.polls == 1 {
                // Said off a terminal too (probe43 P43-8: a follow into a file printed nothing until it stopped), as
                // `listen` says where it listens; on standard error, so NDJSON output stays JSON only.
                say("following \(what)" + (context.isInteractive ? "; Ctrl-C stops" : ""))
            } else if context.isInteractive && tally.polls % 15 == 0 {
                say("still following (\(tally.polls) polls)")
            }
        }
    }

    /// Reads the pages older than the newest (`next` on) into `items` until one holds an item the poll before listed;
    /// nil when it got there, else the line that says what was not read. Ctrl-C ends the follow.
    private func catchUp<Item>(
        from next: String?, into items: inout [Item], in context: ShellContext, id: (Item) -> String,
        seen: [String: String], fetch: (_ after: String?) throws -> (items: [Item], next: String?)
    ) throws -> String? {
        var cursor = next
        var pages = 1
        // A cursor handed back again would read the same page up to the cap (`PageCursors`, as `--all` guards its walk).
        var cursors = PageCursors()
        // With nothing listed before (an empty list at the last poll) every item is new: read to the end or the cap.
        while let after = cursor {
            if cursors.repeats(after) {
                return "the older pages after the newest \(items.count) were not read: " + ListError.cursorRepeated.message
                    + "; some new ones may be missing"
            }
            guard pages < Self.catchUpPages else {
                return "more than \(items.count) new since the last poll: the older ones were not read; poll more often "
                    + "(--interval) or list the period without --follow"
            }
            let older: (items: [Item], next: String?)
            do {
                older = try fetch(after)
            } catch {
                if case KapsoAPIError.transport(.cancelled) = error { throw error }
                return "the page after the newest \(items.count) could not be read (\(ErrorReport(error).message)): "
                    + "some new ones may be missing; list the period without --follow"
            }
            items += older.items
            pages += 1
            if older.items.contains(where: { seen[id($0)] != nil }) { return nil }
            cursor = older.next
        }
        return nil
    }

    /// Seconds to wait after a 429: the server's `Retry-After` (60 s without one), at least `interval`, at most
    /// `longestRateLimitWait` (or `interval` when that is longer).
    static func rateLimitWait(retryAfter: Int?, interval: Double) -> Double {
        min(max(Double(retryAfter ?? 60), interval), max(longestRateLimitWait, interval))
    }

    /// Seconds to wait after the `failures`-th failed poll in a row: the interval, doubled each time, at most
    /// `longestBackOff` (or `interval` when that is longer).
    static func backOff(failures: Int, interval: Double) -> Double {
        min(interval * Double(1 << min(failures - 1, 20)), max(longestBackOff, interval))
    }

    /// What failed, when it may pass by itself: a 5xx (with or without a JSON body) or a connection that failed,
    /// broke or timed out; nil for anything a retry will not change (a rejected key, a 404, TLS, a refused URL).
    static func transientReason(_ error: KapsoAPIError) -> String? {
        switch error {
        case .server(let status, _): return "the API failed (\(status))"
        case .badResponse(let status, _, _) where status >= 500: return "the API failed (\(status), no JSON)"
        case .transport(let failure):
            switch failure {
            case .dns(let host): return "\(host) did not resolve"
            case .connect(let authority): return "nothing accepted the connection at \(authority)"
            case .timeout(_, let seconds): return "no answer within \(Self.seconds(seconds.rounded()))"
            case .protocolError(_, let detail): return "the connection broke (\(detail))"
            default: return nil
            }
        default: return nil
        }
    }

    /// `rate limited (429); next poll in 2 s (Retry-After said 0 s; kops waits at least its poll interval)`.
    static func rateLimitLine(retryAfter: Int?, wait: Double) -> String {
        let line = "rate limited (429); next poll in \(seconds(wait))"
        guard let retryAfter else { return line + " (no Retry-After given)" }
        if Double(retryAfter) < wait { return line + " (Retry-After said \(seconds(Double(retryAfter))); kops waits at least its poll interval)" }
        if RetryAfter.isImplausible(retryAfter) {
            return line + " (the server asked for \(KapsoAPIError.implausibleWait(retryAfter)); kops looks again sooner)"
        }
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
