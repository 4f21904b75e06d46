public import KapsoClient

/// Deliveries still `pending` whose attempts are failing: the receiver fails now, before Kapso's retries run out
/// (probe28 P28-10: three deliveries answered 503 in the last two minutes were "0 failed" and the webhook passed).
///
/// kapso-api.md §10.2: "Success = receiver answers 200 within 10 s … Anything else or a timeout is a failed attempt";
/// "a failure gets retried; after the last attempt the delivery is `failed`". §10.3: retries within minutes, by either
/// schedule its sources give (`retrySchedule`), after which these deliveries become `failed` unless the receiver
/// recovers — and §10.4: repeated failures can pause the webhook. A pending delivery is "retries remain" (§4), not "fine".
extension WebhookVerdict {
    /// True for a delivery still `pending` whose last attempt was answered with a status other than 2xx, or was tried
    /// again (`attempt_count` 2 or more: Kapso tries again only after a failure) and got no HTTP answer at all: a timeout,
    /// a refused connection or a TLS failure is a failed attempt too (kapso-api.md §10.2 "Anything else or a timeout is a failed attempt";
    /// https://docs.kapso.ai/docs/platform/webhooks: "Your endpoint must return 200 OK within 10 seconds"; tester64b
    /// U6: four such deliveries read "pending after failure 0" and sent the user to Kapso support). One with no answer
    /// and one attempt or none counted is left out: that attempt may still be under way (a delivery created seconds ago),
    /// or not made yet; an unreadable answer says nothing of how it went.
    static func attemptFailed(_ delivery: Delivery) -> Bool {
        guard delivery.status == "pending", delivery.attempts != 0 else { return false }
        switch delivery.answer {
        case .status(let http): return !(200..<300).contains(http)
        case .none: return (delivery.attempts ?? 0) >= 2
        case .unreadable: return false
        }
    }

    /// `2 deliveries are being retried after failed attempts (HTTP 503; 4 attempts, the first at … (2 min ago)):
    /// Kapso retries …`, when deliveries to the current configuration are pending with failing attempts and the settled
    /// ones do not already say the receiver fails (`state` failing or intermittent); nil otherwise.
    public var retryingNow: String? {
        guard let first = retrying.first else { return nil }
        switch state {
        case .failing, .intermittent: return nil
        case .noDeliveries, .working, .recovered, .stuckAfterError: break
        }
        let count = retrying.count
        let counts = retrying.compactMap(\.attempts)
        // A count kops cannot read makes the sum unknown (tester54 V23).
        let attempts = DeliveryAnswer.attempts(counts.count == retrying.count ? counts.reduce(0, +) : nil)
        let answers = Self.answers(retrying).joined(separator: ", ")
        let newest = retrying.map(\.lastAttempt).max() ?? first.lastAttempt
        return "\(count) \(count == 1 ? "delivery is" : "deliveries are") pending and being retried after failed attempts "
            + "(\(answers); \(attempts), the first delivery created at "
            + "\(when(first.created)), the last attempt at \(KapsoTime.iso(newest))): the receiver fails now; Kapso retries "
            + "\(Self.retrySchedule) and then marks a delivery failed, so "
            + "\(count == 1 ? "its event is" : "their events are") lost unless it recovers within minutes"
    }
}
