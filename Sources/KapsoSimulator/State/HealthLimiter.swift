/// The health endpoint's own limiter: 5 checks per second and 60 per minute per project, in fixed windows.
///
/// Times are microseconds on `SimulatorClock.elapsed`. Rejected checks do not use up the window.
struct HealthLimiter: Sendable {
    static let perSecond = 5
    static let perMinute = 60

    private var second = (window: Int64(-1), count: 0)
    private var minute = (window: Int64(-1), count: 0)

    /// The verdict on one check, with the values of the `X-Health-RateLimit-*` headers after it.
    struct Decision: Sendable, Equatable {
        var allowed: Bool
        var secondRemaining: Int
        var minuteRemaining: Int
        /// Whole seconds until the exhausted window ends; set when not allowed.
        var retryAfter: Int?

        var headers: [(name: String, value: String)] {
            var headers = [
                ("X-Health-RateLimit-Second-Limit", String(HealthLimiter.perSecond)),
                ("X-Health-RateLimit-Second-Remaining", String(secondRemaining)),
                ("X-Health-RateLimit-Minute-Limit", String(HealthLimiter.perMinute)),
                ("X-Health-RateLimit-Minute-Remaining", String(minuteRemaining)),
            ]
            if let retryAfter { headers.insert(("Retry-After", String(retryAfter)), at: 0) }
            return headers
        }
    }

    mutating func admit(at elapsed: Int64) -> Decision {
        let secondWindow = elapsed / 1_000_000
        let minuteWindow = elapsed / 60_000_000
        if second.window != secondWindow { second = (secondWindow, 0) }
        if minute.window != minuteWindow { minute = (minuteWindow, 0) }
        if minute.count >= Self.perMinute || second.count >= Self.perSecond {
            let windowEnd = minute.count >= Self.perMinute ? (minuteWindow + 1) * 60_000_000 : (secondWindow + 1) * 1_000_000
            let wait = Int((windowEnd - elapsed + 999_999) / 1_000_000)
            return Decision(
                allowed: false, secondRemaining: max(0, Self.perSecond - second.count),
                minuteRemaining: max(0, Self.perMinute - minute.count), retryAfter: max(1, wait))
        }
        second.count += 1
        minute.count += 1
        return Decision(
            allowed: true, secondRemaining: Self.perSecond - second.count,
            minuteRemaining: Self.perMinute - minute.count, retryAfter: nil)
    }
}
