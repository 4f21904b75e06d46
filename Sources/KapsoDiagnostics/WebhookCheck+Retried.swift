internal import KapsoClient

/// The finding on deliveries delivered after a retry (`WebhookVerdict.Retried`, tester49 F3): a receiver whose every
/// delivery needed 2–3 attempts is slow or failing its first attempts, and one that did its work on an attempt Kapso
/// counted as failed did it again on the retry (the on-call symptom: "the bot replies twice").
///
/// Sources: docs.kapso.ai/docs/platform/webhooks ("Your endpoint must return 200 OK within 10 seconds"); kapso-api.md
/// §10.2 (anything else or a timeout is a failed attempt), §10.3 (retries 10, 40, 90 s after each failure), §10.1
/// (`X-Idempotency-Key`: one per delivery, repeated on its retries), §4 (`response_status` is the last attempt's only).
extension WebhookCheck {
    mutating func checkRetried(_ verdict: WebhookVerdict, period: String) {
        guard let retried = verdict.retried else { return }
        let webhook = verdict.webhook
        let one = retried.count == 1
        let attempts = retried.attempts.lowerBound == retried.attempts.upperBound
            ? "\(retried.attempts.lowerBound) attempts" : "\(retried.attempts.lowerBound)–\(retried.attempts.upperBound) attempts"
        var timing = attempts
        if let delay = retried.delay {
            let span = delay.lowerBound == delay.upperBound
                ? Elapsed.text(delay.lowerBound) : "\(Elapsed.text(delay.lowerBound))–\(Elapsed.text(delay.upperBound))"
            timing += "; delivered \(span) after \(one ? "it was" : "they were") created"
        }
        timing += "; the newest created at \(verdict.when(retried.newest))"
        let counted = "\(retried.count) of \(retried.delivered) deliveries delivered in the last \(period) needed a retry (\(timing))"
        let first = one ? "its attempts before the last" : "in each, the attempts before the last"
        let cause = "got no 200 within Kapso's 10 s: an error answer, no connection, or a handler slower than 10 s (which "
            + "is unknown: a delivery keeps only its last attempt's answer)"
        let dedupe = "de-duplicate on X-Idempotency-Key (the same on a delivery's retries, https://docs.kapso.ai/docs/platform/webhooks/overview)"
        let list = "'\(DeliveryPeriod.command(webhookID: webhook.id, errors: false, period: period))' shows TRIES per delivery"
        if retried.isPattern {
            add(
                .warning, webhook,
                "\(counted): \(first) \(cause)",
                fix: "answer 200 first and do the work afterwards, and \(dedupe): a handler that did its work on an attempt Kapso "
                    + "counted as failed did it again on the retry (replies or records made twice); \(list)")
        } else {
            add(
                .info, webhook,
                "\(counted): \(first) \(cause)",
                fix: "none while it stays rare; if the handler is not idempotent, \(one ? "that event's" : "those events'") work "
                    + "may have run twice: \(dedupe); \(list)")
        }
    }
}
