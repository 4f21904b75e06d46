/// Deliveries that were delivered, but not on their first attempt (tester49 F3: a receiver whose every delivery needed
/// 2–3 attempts read "0 errors, 0 warnings" and a failure rate of 0 %).
///
/// Kapso counts an attempt as failed when the receiver does not answer 200 within 10 s (docs.kapso.ai/docs/platform/webhooks:
/// "Your endpoint must return 200 OK within 10 seconds"; kapso-api.md §10.2) and retries it 10, 40 and 90 s after each
/// failure (§10.3), so `attempt_count` above 1 on a `delivered` record means each earlier attempt failed: an error answer,
/// no connection, or a handler slower than 10 s. Which of these is unknown: the record keeps only the last attempt's
/// answer (`response_status`, §4). A slow handler that did its work before answering did it again on the retry.
extension WebhookVerdict {
    /// The delivered deliveries to the current configuration (`current`) that took more than one attempt.
    public struct Retried: Sendable, Equatable {
        /// Delivered after a retry.
        public var count = 0
        /// Delivered in all (the share's denominator).
        public var delivered = 0
        /// The fewest and most attempts among the retried ones.
        public var attempts: ClosedRange<Int> = 2...2
        /// Seconds from `created_at` to the delivering attempt (`last_attempt_at`), fewest and most; nil when no record
        /// gave a later `last_attempt_at`.
        public var delay: ClosedRange<Int64>?
        /// `created_at` of the newest retried delivery (Unix seconds).
        public var newest: Int64 = 0

        /// A quarter or more of the delivered ones, at least 2: a pattern of the receiver, said as a warning; fewer is a
        /// count said as info, not as loudly (one retried delivery among hundreds is not a slow handler).
        public var isPattern: Bool { count >= 2 && count * 4 >= delivered }
    }

    /// True for a record delivered after more than one attempt: the rule `webhooks check` and `deliveries stats` share.
    public static func deliveredAfterRetry(status: String, attempts: Int) -> Bool {
        status == "delivered" && attempts > 1
    }

    /// The delivered deliveries of `current` that needed a retry; nil when none did.
    public var retried: Retried? {
        let delivered = current.filter { $0.status == "delivered" }
        let late = delivered.filter { Self.deliveredAfterRetry(status: $0.status, attempts: $0.attempts ?? 0) }
        guard let first = late.first else { return nil }
        var found = Retried(count: late.count, delivered: delivered.count)
        // Each has a count above 1 (`deliveredAfterRetry`).
        let attempts = late.compactMap(\.attempts)
        found.attempts = (attempts.min() ?? 2)...(attempts.max() ?? 2)
        let delays = late.map { $0.lastAttempt - $0.created }.filter { $0 > 0 }
        if let low = delays.min(), let high = delays.max() { found.delay = low...high }
        found.newest = late.map(\.created).max() ?? first.created
        return found
    }
}
