internal import KapsoClient

/// Whether a newest-first read of one of Kapso's logs reaches back to a message's time, so that the absence of its rows
/// there says anything (tester55 X4, X6, X7: `trace` read "no delivery" and "no send call" from logs it had read back only
/// 2,000 rows, or that keep nothing that old, and told the user to report the message to Kapso support).
///
/// The delivery log and the API log keep 30 days (`period` `24h|7d|30d`, "nothing older than 30 days is reachable there",
/// kapso-api.md §0.21, §4, §5); log search answers with the `window` it searched (§6).
public enum LogReach: Sendable, Equatable {
    /// The rows read reach back past the time, or the whole log was read: a row not among them is not in the log.
    case reached
    /// The read stopped with more pages left while its oldest row (`readBackTo`, Unix seconds) was still newer than the
    /// time: `rows` rows since were read.
    case notReached(readBackTo: Int64, rows: Int)
    /// The time is older than the log keeps (`kept`), or than the window a log search answered with.
    case beyondLog

    /// How far back the delivery log and the API log reach, in seconds: 30 days (kapso-api.md §0.21).
    public static let kept: Int64 = 30 * 86_400

    /// The reach of a read of rows newest first back to `since` (Unix seconds; a message's time less the slack its rows
    /// may come before it): `oldest` is the oldest row's time read (nil: none), `rows` how many were read, `more` whether
    /// the log had pages left when the read stopped; `now` the API's clock. A log search passes its window's start as
    /// `oldest` and `more: true`.
    /// `keeps`: how long the log keeps rows (nil for log search, whose answer names the window it searched, §6: tester55b
    /// Y11, the 30 days of §0.21 are `api_logs` and `webhook_deliveries` only).
    public static func of(since: Int64, now: Int64, oldest: Int64?, rows: Int, more: Bool, keeps: Int64? = kept) -> LogReach {
        if let keeps, since < now - keeps { return .beyondLog }
        guard more else { return .reached }
        guard let oldest else { return .notReached(readBackTo: now, rows: rows) }
        return oldest < since ? .reached : .notReached(readBackTo: oldest, rows: rows)
    }

    /// Why the log's rows cannot speak for the message: `the delivery log was read back to 2026-11-19T11:00:00Z only
    /// (2,000 deliveries since)`, or `the message is older than the 30 days Kapso's logs reach back (period 30d at most, https://docs.kapso.ai/api/platform/v1/api-logs/list-api-logs)`;
    /// nil when reached. `log` names it (`the delivery log`), `rows` its rows (`deliveries`; nil: no count).
    public func unread(log: String, rows noun: String?) -> String? {
        switch self {
        case .reached: nil
        case .notReached(let at, let rows):
            "\(log) was read back to \(KapsoTime.iso(at)) only" + (noun.map { " (\(Self.grouped(rows)) \($0) since)" } ?? "")
        case .beyondLog: "the message is older than the 30 days Kapso's logs reach back (period 30d at most, https://docs.kapso.ai/api/platform/v1/api-logs/list-api-logs)"
        }
    }

    /// `2,000`.
    static func grouped(_ count: Int) -> String {
        let digits = String(count)
        return digits.reversed().enumerated().map { index, digit in index > 0 && index % 3 == 0 ? "\(digit)," : "\(digit)" }
            .reversed().joined()
    }
}
