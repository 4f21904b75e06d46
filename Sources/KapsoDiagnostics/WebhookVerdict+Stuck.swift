public import KapsoClient

/// Deliveries still `pending` long after their last attempt (`stuck`, `WebhookVerdict.stuckAfter`), and what a stuck one
/// whose last answer was an error says of the receiver: it failed so far (probe43 P43-3's rule for `deliveries stats`
/// and `overview`, read here for `errors`, `webhooks check` and `health`; probe44 P44-3: "recovered since its last
/// failure: the one delivery after it was delivered" while the newest delivery after it answered 503 and stuck).
///
/// kapso-api.md §4: `pending` is "not yet successful, retries remain"; §10.2: any answer but a 200 within 10 s is a
/// failed attempt; §10.3: retries come within minutes by either schedule its sources give (`retrySchedule`). A delivery
/// pending hours after an attempt answered 503 was not delivered, and nothing says it ever will be.
extension WebhookVerdict {
    /// Stuck deliveries whose last attempt was answered with an error (`attemptFailed`), oldest first.
    public var stuckFailing: [Delivery] { stuck.filter(Self.attemptFailed) }

    /// The stuck deliveries with an error answer created after the newest settled delivery, oldest first: the newest
    /// evidence of the receiver; empty when a settled delivery is newer than all of them.
    public var stuckAfterError: [Delivery] {
        guard let newest = current.last else { return stuckFailing }
        return stuckFailing.filter { ($0.created, $0.id) > (newest.created, newest.id) }
    }

    /// `the last delivery (created 2026-12-03T09:24:46Z) is pending after HTTP 503 and stuck; 1 of the 2 since its last
    /// failure at 2026-12-03T04:07:38Z was delivered`, for `errors` and `health`; nil unless `state` is `stuckAfterError`.
    var stuckHeadline: String? {
        guard case .stuckAfterError(let count, let delivered, let lastFailure) = state, let last = stuckAfterError.last else { return nil }
        let answers = Self.answers(stuckAfterError).joined(separator: ", ")
        let newest = count == 1
            ? "the last delivery (created \(KapsoTime.iso(last.created))) is pending after \(answers) and stuck"
            : "the last \(count) deliveries (the newest created \(KapsoTime.iso(last.created))) are pending after \(answers) and stuck"
        guard let lastFailure else {
            return newest + "; the \(delivered == 1 ? "one" : String(delivered)) before \(count == 1 ? "it" : "them") "
                + "\(delivered == 1 ? "was" : "were") delivered"
        }
        let since = delivered + stuckFailing.filter { $0.created > lastFailure }.count
        return newest + "; \(delivered) of the \(since) since its last failure at \(KapsoTime.iso(lastFailure)) "
            + "\(delivered == 1 ? "was" : "were") delivered"
    }

    /// The `stuckAfterError` state as `webhooks check` states it, after `counted` (`1 of 8 deliveries failed in the last
    /// 7d (13 %)`); nil for another state.
    public func stuckProblem(counted: String) -> String? {
        guard case .stuckAfterError(let count, let delivered, let lastFailure) = state, let last = stuckAfterError.last else { return nil }
        let answers = Self.answers(stuckAfterError).joined(separator: ", ")
        let newest = count == 1
            ? "the newest, created at \(when(last.created)), is pending after \(answers) and stuck"
            : "the newest \(count), the last created at \(when(last.created)), are pending after \(answers) and stuck"
        let settled = current.last.map { " (the last delivered at \(when($0.created)))" } ?? ""
        let rule = ": no recovery (a pending delivery whose last answer was an error has failed so far)"
        guard let lastFailure else {
            return "\(newest), after \(delivered) delivered\(settled)" + rule
        }
        let failures = Self.answers(current.filter { $0.status == "failed" }).joined(separator: ", ")
        let since = delivered + stuckFailing.filter { $0.created > lastFailure }.count
        return "\(counted), the last at \(when(lastFailure)) (\(failures)); of the \(since) deliveries since, \(delivered) "
            + "\(delivered == 1 ? "was" : "were") delivered\(settled), but \(newest)" + rule
    }
}

extension WebhookVerdict {
    /// Kapso's retry schedule as its sources give it, after "Kapso retries": Kapso's webhooks overview (FAQ "What is the
    /// retry schedule?", docs.kapso.ai/docs/platform/webhooks/overview: "retried automatically: 10 seconds, 40 seconds,
    /// 90 seconds") and its skills say one; a third-party summary of its newer "Delivery" page says 3 attempts in all.
    /// kapso-api.md §10.3 keeps both (§13: the schedule today is unknown), so both are said: `webhooks check` and
    /// `deliveries` stated "retries end about 2.5 min after the first attempt" as fact (fix58D, the older docs' total).
    public static let retrySchedule = "10 s, 40 s and 90 s after each failure by its docs, or 3 attempts in all (now, +10 s, "
        + "+40 s) by a summary of its newer Delivery page (the sources disagree: https://docs.kapso.ai/docs/platform/webhooks/overview, https://docs.kapso.ai/docs/platform/webhooks/advanced)"

    /// Why a delivery pending `stuckAfter` past its last attempt is stuck: by either schedule of `retrySchedule` no two
    /// attempts are more than 90 s apart (plus the 10 s an attempt may wait, §10.2), far less than `stuckAfter`.
    public static let retryOverdue = "Kapso retries a failed attempt " + retrySchedule + ": either way a retry would have "
        + "come within minutes"

    /// `1 of these pending deliveries had no attempt for 21 h 27 min or more: …`, for a list of deliveries (`deliveries`);
    /// nil when none is pending `stuckAfter` past its last attempt.
    public static func stuckNote(_ deliveries: [Delivery], now: Int64) -> String? {
        let stuck = deliveries.filter { $0.status == "pending" && now - $0.lastAttempt > stuckAfter }
        guard let newest = stuck.map(\.lastAttempt).max() else { return nil }
        let one = stuck.count == 1
        return "\(stuck.count) of these pending deliveries \(one ? "has" : "have") had no attempt for \(Elapsed.text(now - newest)) "
            + "or more: \(retryOverdue), so \(one ? "it is" : "they are") stuck; 'webhooks check' names \(one ? "it" : "them") for Kapso support"
    }
}

