internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - update --active true

extension WebhooksCommand {
    /// `warning: it was paused (active: false; last changed at …) after 39 of 44 deliveries in 14 min failed (HTTP 500),
    /// which matches Kapso's automatic pause: unless its receiver is fixed, …` for `update ID --active true` of a paused
    /// webhook whose deliveries failed before the pause (`WebhookVerdict.pause`, read from its deliveries of the last 7
    /// days, one request); nil when none did, or they could not be read. tester69 C4: the one command that undoes Kapso's
    /// automatic pause said nothing of the failing receiver, which gets the events again and the webhook paused again.
    static func resumingWarning(_ webhook: Webhook, in context: ShellContext) -> String? {
        let fetched = WebhookVerdictFetch.verdicts(of: [webhook], period: "7d", in: context)
        guard let verdict = fetched.verdicts[webhook.id], let pause = verdict.pause, pause != .unexplained,
            let state = verdict.pauseState
        else { return nil }
        return "warning: it was \(state): unless its receiver is fixed, Kapso may pause it again; events of the pause are never "
            + "redelivered (read them with 'messages'); 'webhooks probe \(webhook.id)' tries the receiver"
    }
}
