public import KapsoClient

/// A paused webhook (`active: false`, kapso-api.md §3.1) in the one reading every command gives a webhook: nothing
/// reaches its receiver, however its deliveries before the pause went, so it is never "healthy" and its failures are
/// never "history" (probe15 P15-4: `health` said "none fails now" of a number whose only webhook Kapso had paused).
///
/// Kapso pauses a failing webhook by itself: its "Delivery" page (docs.kapso.ai/docs/platform/webhooks/advanced,
/// "Message buffering, ordering, retry policy, and automatic pausing") deactivates a webhook over a 15-minute window
/// with at least 40 deliveries, at least 10 failures and a failure rate of at least 85 %, until it is re-enabled
/// (kapso-api.md §10.4, a single third-party summary of that page: kops says "matches", never "was"). A user pauses one
/// with the same field. Either way it is resumed by setting `active` back to true: `PATCH .../webhooks/{id}` with
/// `{"whatsapp_webhook": {"active": true}}` (§3.2), which is kops's `webhooks update ID --active true`; events of the
/// pause are never redelivered (§4).
extension WebhookVerdict {
    /// What preceded a pause, read from the deliveries before it.
    public enum Pause: Sendable, Equatable {
        /// A burst matching Kapso's automatic pause came just before the webhook's last change (`autoPause`).
        case matchesAutoPause
        /// Its newest deliveries before the pause failed at the error level of `level` (failing or intermittent).
        case afterFailures
        /// Nothing in the period's deliveries explains it: paused by a user, or earlier than the period.
        case unexplained
    }

    /// Why the webhook is paused; nil for an active webhook.
    public var pause: Pause? {
        guard !webhook.active else { return nil }
        if autoPause != nil { return .matchesAutoPause }
        return level == .error ? .afterFailures : .unexplained
    }

    /// The one severity rule for a webhook, active or paused, that `webhooks check`, `health`, `overview` and `errors`
    /// read: an active one by `level`; a paused one is an error when failures preceded the pause (Kapso's or a
    /// user's reaction to a failing receiver: the receiver still has to be fixed), else a warning (nothing reaches
    /// it, perhaps on purpose).
    public var severity: WebhookCheck.Severity? {
        switch pause {
        case nil: return level
        case .matchesAutoPause?, .afterFailures?: return .error
        case .unexplained?: return .warning
        }
    }

    /// True when events of this webhook do not all reach its receiver now: it is paused (nothing is delivered), or it
    /// is active and its newest deliveries fail (`failsNow`).
    public var losesEvents: Bool { !webhook.active || failsNow }

    /// The newest failed delivery to the current configuration, whose answer the fix reads.
    /// Deliveries pending after failed attempts are newer evidence than any settled one (`retryingNow`, P28-10).
    /// So are stuck ones after an error answer, newer than any settled one (`stuckAfterError`, P44-3).
    var newestFailure: Delivery? {
        retryingNow != nil ? retrying.last : stuckAfterError.last ?? current.last { $0.status == "failed" }
    }

    /// True when a delivery to `failure`'s URL (the current one when either is not recorded) was delivered before it: the
    /// path was the handler's then (`WebhookURL.Tunnel.notFound`).
    func deliveredBefore(_ failure: Delivery) -> Bool {
        current.contains { other in
            other.status == "delivered" && other.created < failure.created
                && (other.url == failure.url || other.url.isEmpty || failure.url.isEmpty)
        }
    }

    /// The failed deliveries the fix speaks of, oldest first: those retrying now when some are, else the newest run of
    /// failures when the webhook fails now, else the recent window's failures.
    var adviceFailures: [Delivery] {
        if retryingNow != nil { return retrying }
        if case .stuckAfterError = state { return stuckAfterError }
        if case .failing(let count, _) = state { return current.suffix(count).filter { $0.status == "failed" } }
        return current.suffix(recent.total).filter { $0.status == "failed" }
    }

    /// What the failures' answers mean (`ErrorTriage.deliveryMeaning`): `the receiver refused it (401): …` when they
    /// have one meaning (the newest failure's); one fix per cause when they have several, the most frequent first (the
    /// newest first among equals), as `errors` groups them: `3 of 4 failures: the receiver refused it (401): …; 1 of 4
    /// failures: the receiver's handler failed (500) …` (probe40 P40-5: only the newest failure's status was advised on,
    /// "the handler's 500" for a webhook whose other three failures were its signature check's 401s).
    public var failureAdvice: String {
        let newest = ErrorTriage.deliveryMeaning(
            newestFailure?.answer ?? .none, url: newestFailure?.url ?? webhook.url, deliveredBefore: newestFailure.map(deliveredBefore),
            accepted: accepted)
        let failures = adviceFailures
        // One cause per meaning, two codes with the same advice (a 301 and a 308) one cause: `redirect (301, 308): …`.
        var causes: [(key: String, codes: [Int], count: Int, newest: Int64)] = []
        for delivery in failures {
            let meaning = ErrorTriage.deliveryMeaning(
                delivery.answer, url: delivery.url.isEmpty ? webhook.url : delivery.url, deliveredBefore: deliveredBefore(delivery),
                accepted: accepted)
            let code = delivery.http.map { "(\($0)" }
            let key = code.flatMap { meaning.firstRange(of: $0) }.map { meaning[..<$0.lowerBound] + "(\u{0}" + meaning[$0.upperBound...] }
                ?? meaning
            if let index = causes.firstIndex(where: { $0.key == key }) {
                causes[index].count += 1
                causes[index].newest = max(causes[index].newest, delivery.created)
                if let http = delivery.http, !causes[index].codes.contains(http) { causes[index].codes.append(http) }
            } else {
                causes.append((key, delivery.http.map { [$0] } ?? [], 1, delivery.created))
            }
        }
        func text(_ cause: (key: String, codes: [Int], count: Int, newest: Int64)) -> String {
            cause.key.replacing("(\u{0}", with: "(" + cause.codes.sorted().map(String.init).joined(separator: ", "))
        }
        guard causes.count > 1 else { return causes.first.map { $0.codes.count > 1 ? text($0) : newest } ?? newest }
        return causes.sorted { $0.count != $1.count ? $0.count > $1.count : $0.newest > $1.newest }
            .map { "\($0.count) of \(failures.count) failures: \(text($0))" }
            .joined(separator: "; ")
    }

    /// A paused webhook in one clause, for `health`, `overview` and `errors`: `paused (active: false; last changed at
    /// …) after 44 of 48 deliveries in 14 min failed (HTTP 401), which matches Kapso's automatic pause: nothing is
    /// delivered to it`; nil for an active webhook.
    public var pauseHeadline: String? { pauseState.map { $0 + ": nothing is delivered to it" } }

    /// `pauseHeadline` without its last clause: `paused (active: false; last changed at …) after …`.
    public var pauseState: String? {
        guard let pause else { return nil }
        let changed = updated.map { "; last changed at \(when($0))" } ?? ""
        switch pause {
        case .matchesAutoPause:
            guard let burst = autoPause else { return nil }
            let answers = Self.answers(current.filter { $0.created >= burst.first && $0.created <= burst.last && $0.status == "failed" })
            return "paused (active: false\(changed)) after \(burst.failed) of \(burst.total) deliveries in "
                + "\(Elapsed.text(burst.last - burst.first)) failed (\(answers.joined(separator: ", "))), which matches Kapso's "
                + "automatic pause"
        case .afterFailures:
            let answers = Self.answers(current.suffix(recent.total).filter { $0.status == "failed" })
            return "paused (active: false\(changed)) after failing: \(recentCount) (\(answers.joined(separator: ", ")))"
        case .unexplained:
            return "paused (active: false\(changed))"
        }
    }

    /// What to do about a paused webhook: fix the receiver when failures preceded the pause, then resume it; nil for
    /// an active webhook.
    public var resumeFix: String? {
        guard let pause else { return nil }
        let resume = "webhooks update \(webhook.id) --active true"
        // No failure before the pause: nothing points at the receiver (tester46 F9: "fix the receiver" of a webhook
        // with no failed delivery at all).
        guard pause != .unexplained else {
            guard failed > 0 else {
                return "no failed delivery explains the pause (paused by a user, or failures older than the period): if it "
                    + "should receive events, \(resume)"
            }
            // The period that reaches back to the oldest failure read, which `deliveries`' default 24 h may not.
            let oldest = current.first { $0.status == "failed" }?.created
            var period = "7d"
            if let now, let oldest { period = DeliveryPeriod.covering(age: now - oldest) }
            return "check the receiver first ('\(DeliveryPeriod.command(webhookID: webhook.id, errors: true, period: period))' "
                + "lists its failures), then \(resume)"
        }
        return "fix the receiver first (\(failureAdvice)), then \(resume); events of the pause are never redelivered "
            + "(Kapso documents no redelivery): read them with 'messages'"
    }

    /// True when `webhook` carries `number`'s inbound messages while active: bound to the number, and of kind meta or
    /// subscribed to `whatsapp.message.received` (kapso-api.md §3.1, §5). The coverage rule of `webhooks check`,
    /// `health` and `overview`.
    public static func carriesMessages(_ webhook: Webhook, of number: String) -> Bool {
        webhook.phoneNumberID == number && WebhookAudience.subscribes(webhook, to: "whatsapp.message.received")
    }
}
