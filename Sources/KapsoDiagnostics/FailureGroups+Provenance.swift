internal import KapsoClient

// MARK: - A failed delivery beside its webhook as configured now

extension FailureGroups {
    /// What a failed delivery says of its webhook as configured now, by the rule `webhooks check` reads
    /// (`WebhookVerdict.provenance`): nil when it went to the webhook's URL now with an event it subscribes to.
    static func provenanceNote(url: String, event: String, id: String?, webhooks: [Webhook]) -> String? {
        guard let id else { return nil }
        let webhook = webhooks.first { $0.id == id }
        switch WebhookVerdict.provenance(url: url, event: event, of: webhook) {
        case .current: return nil
        case .previousURL:
            // The two may print alike, their secrets redacted: what tells them apart is said (tester54 V4).
            let apart = webhook.flatMap { WebhookURL.queryValuesDiffer(url, $0.url) }.map { " (\($0) than these deliveries')" } ?? ""
            return "the webhook's URL is now \(webhook?.url ?? "?")\(apart): these failures say nothing about it ('webhooks check \(id)' judges it)"
        case .unsubscribedEvent(let event):
            return "the webhook no longer subscribes to \(event): these failures say nothing about its receiver now ('webhooks check \(id)')"
        case .deletedWebhook:
            return "no webhook of the project has this id any more (deleted): nothing more is sent to it"
        }
    }
}
