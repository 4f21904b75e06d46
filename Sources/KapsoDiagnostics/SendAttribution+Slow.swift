public import KapsoClient

/// Send calls that reach a message's time from outside the 5 s window, and send calls answered 5xx beside a message Meta
/// accepted (tester69 C2, tester69b D1, D9).
///
/// A send call's API log row carries its `created_at` and `response_time_ms` (kapso-api.md §5), but Kapso does not say
/// whether `created_at` is when the call began or when it was answered. A row written when the answer came lands late by
/// the call's own length: a send answered in 8.8 s has its row 9 s after the message it made, and `trace` said "no send
/// call with this project's keys at that time (sent from the inbox or another project?)". The 5 s window stays what makes
/// a call plainly the message's; a slower call whose span (`created_at` less its response time) reaches the message's
/// time is offered as what it is, "likely its send", and never given plainly: a call within 5 s of another message of
/// the number is read as that message's (one call makes one message, tester69b D1), and one whose span also covers
/// another message of the number is said to be either's.
///
/// A send answered 5xx or 504 (the gateway gave up) may still have reached Meta: the message then exists with its WAMID
/// and statuses while the app saw a failure, the case where a retry sends the contact the same message twice.
extension SendAttribution {
    /// A send call whose row falls after the message's 5 s window while its span reaches the message's time.
    public struct SpanningCall: Sendable {
        /// The call's row.
        public var log: APILog
        /// How long it took, in whole seconds rounded up (`callSpan`).
        public var seconds: Int64
        /// When its row was written (its `created_at`, Unix seconds).
        public var at: Int64
        /// Times (Unix seconds) of the number's other outbound messages its span also covers, oldest first.
        public var others: [Int64] = []
        /// The time (Unix seconds) of another outbound message of the number within 5 s of the row: that message's call.
        public var nearer: Int64? = nil
    }

    /// The longest span read into a call, in seconds: a `response_time_ms` beyond it is taken as this long.
    static let longestCall: Int64 = 600

    /// How long a send call took, in whole seconds rounded up (its `response_time_ms`, at most `longestCall`; 0 when absent).
    public static func callSpan(_ log: APILog) -> Int64 {
        (min(max(Int64(log.responseTimeMS ?? 0), 0), longestCall * 1000) + 999) / 1000
    }

    /// Fills `spanningCalls` (when no call of the message's own is within the window) and `unansweredCalls` from the
    /// number's send calls read (`neighbours.calls`) and its other messages (`neighbours.messages`). Refused calls (4xx)
    /// are left out: a refusal at once makes no message (kapso-api.md §9.2–9.3).
    mutating func findSlowCalls(of message: Message, candidates: [APILog], neighbours: Neighbours) {
        guard message.isOutbound, let time = message.time, let number = message.phoneNumberID else { return }
        let accepted = Self.accepted(message)
        if accepted { unansweredCalls = candidates.filter { $0.responseStatus >= 500 } }
        guard calls.isEmpty, unansweredCalls.isEmpty else { return }
        let others = neighbours.messages.compactMap { other -> Int64? in
            guard other.id != message.id, other.isOutbound, other.phoneNumberID == number, let at = other.time else { return nil }
            return at
        }
        spanningCalls = neighbours.calls.compactMap { log -> SpanningCall? in
            guard log.responseStatus < 400 || (accepted && log.responseStatus >= 500),
                Self.sendScope(of: log, phoneNumberID: number) != nil, let at = KapsoTime.seconds(iso: log.createdAt),
                at > time + Self.window
            else { return nil }
            let seconds = Self.callSpan(log)
            let began = at - seconds - Self.window
            guard began <= time else { return nil }
            var call = SpanningCall(log: log, seconds: seconds, at: at)
            call.nearer = others.filter { abs($0 - at) <= Self.window }.min { abs($0 - at) < abs($1 - at) }
            if call.nearer == nil { call.others = others.filter { $0 >= began && $0 <= at }.sorted() }
            return call
        }
        .sorted { ($0.at, $0.log.id) < ($1.at, $1.log.id) }
    }

    /// The spanning calls that may be the message's send (none nearer to another message).
    public var possibleSends: [APILog] { spanningCalls.filter { $0.nearer == nil }.map(\.log) }

    /// `1 send call answered 200 after 9 s (row at 2026-11-21T10:20:09Z) spans this message's time: likely its send, …`,
    /// said beside the calls `possibleSends` lists; nil when there are none.
    public var spanningNote: String? {
        let possible = spanningCalls.filter { $0.nearer == nil }
        guard let first = possible.first else { return nil }
        let noWAMID = "(the API log holds no WAMID)"
        if possible.count > 1 {
            return "\(possible.count) slow send calls span this message's time (each row written up to its response time after "
                + "the call began): which one sent it, if any, is not known \(noWAMID)"
        }
        let call = "1 send call answered \(first.log.responseStatus) after \(first.seconds) s (row at \(KapsoTime.iso(first.at)))"
        if first.log.responseStatus >= 500 {
            return call + " spans this message's time, yet Meta accepted this message: " + Self.duplicateAdvice + " " + noWAMID
        }
        if !first.others.isEmpty {
            let times = first.others.prefix(3).map { KapsoTime.iso($0) }.joined(separator: ", ") + (first.others.count > 3 ? ", …" : "")
            let other = first.others.count == 1 ? "1 other message" : "\(first.others.count) other messages"
            return call + " spans the time of this message and of \(other) of this number (\(times)): which one it sent is not "
                + "known \(noWAMID)"
        }
        return call + " spans this message's time: likely its send, its row written when the slow call was answered "
            + "(whether a row's created_at is a call's start or end is not documented) \(noWAMID)"
    }

    /// `1 send call answered after 25 s (row at …) spans this message's time too, but is within 5 s of another message of
    /// this number (…): read as that one's`, for the calls `spanningCalls` gives another message; nil when none.
    public var nearerSpanningNote: String? {
        let nearer = spanningCalls.filter { $0.nearer != nil }
        guard let first = nearer.first, let other = first.nearer else { return nil }
        let calls = nearer.count == 1
            ? "1 send call answered after \(first.seconds) s (row at \(KapsoTime.iso(first.at))) spans this message's time too, but is"
            : "\(nearer.count) slow send calls span this message's time too, but each is"
        return calls + " within \(Self.window) s of another message of this number (\(KapsoTime.iso(other))"
            + (nearer.count > 1 ? ", …" : "") + "): read as that one's (the API log holds no WAMID)"
    }

    /// `1 send call at that time answered 504 (after 3 s), yet Meta accepted this message: …` for the 5xx calls in the
    /// window of a message Meta accepted; nil when none.
    public var unansweredNote: String? {
        guard let first = unansweredCalls.first else { return nil }
        let statuses = Array(Set(unansweredCalls.map(\.responseStatus))).sorted().map(String.init).joined(separator: ", ")
        let calls = unansweredCalls.count == 1
            ? "1 send call at that time answered \(first.responseStatus)"
                + (first.responseTimeMS.map { _ in " (after \(Self.callSpan(first)) s)" } ?? "")
            : "\(unansweredCalls.count) send calls at that time answered \(statuses)"
        return calls + ", yet Meta accepted this message: " + Self.duplicateAdvice + " (the API log holds no WAMID)"
    }

    /// What a 5xx beside a message Meta accepted means for the app that sent it.
    static let duplicateAdvice = "the app saw a failure for what may be this send (a 5xx does not say the message was not sent); "
        + "if it sent again, look for a duplicate to this contact in 'messages' before any further retry"
}
