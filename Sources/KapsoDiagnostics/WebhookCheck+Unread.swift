public import KapsoClient

/// `webhooks check` of webhooks whose deliveries could not be read (tester56b AA12: one failed read of the delivery log
/// dropped every finding, the configuration's included). The rules on the configuration still run (events and scope,
/// URL, number, payload version, secret, buffering, headers); those that read deliveries (a receiver failing, recovered
/// or retried, stuck deliveries, failures at a previous URL, missed messages) say nothing; a pause is said without its
/// cause, which only the deliveries before it show (`WebhookVerdict.Pause`).
extension WebhookCheck {
    mutating func checkUnread(_ verdict: WebhookVerdict, why: String, number: String?, projectNumbers: [String]?, apiIsLocal: Bool) {
        let webhook = verdict.webhook
        check(webhook, number: number, projectNumbers: projectNumbers)
        checkScheme(webhook, deliveries: [])
        checkDelivery(webhook, verdict: verdict, number: number, projectNumbers: projectNumbers, apiIsLocal: apiIsLocal)
        guard !webhook.active else { return }
        var problem = "paused (active: false): nothing is delivered to it"
        if let updated = verdict.updated { problem += "; last changed at \(verdict.when(updated))" }
        problem += "; whether its receiver failed before that is not known: its deliveries could not be read (\(why))"
        let list = DeliveryPeriod.command(webhookID: webhook.id, errors: true, period: "7d")
        add(
            .warning, webhook, problem,
            fix: insteadOfUpdate(
                webhook,
                replaced: "'\(list)' shows whether its receiver failed; \(Self.replacingCreate) makes an active one (add "
                    + "--active false to keep it paused)")
                ?? "'\(list)' shows whether its receiver failed before the pause: if so, fix it first; then webhooks update "
                + "\(webhook.id) --active true")
    }

    /// The line `webhooks check` prints for the webhooks whose deliveries could not be read (`unread`, by id, with why),
    /// `urls` by id naming each: `the deliveries of 1b2c… (https://…) could not be read (the API failed (503): …): …`.
    /// Nil when every webhook's were read.
    public static func unreadLine(_ unread: [(id: String, why: String)], urls: [String: String]) -> String? {
        guard let first = unread.first else { return nil }
        let named = unread.map { item in urls[item.id].map { "\(item.id) (\($0))" } ?? item.id }
        let whys = unread.map(\.why).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let webhooks = unread.count == 1 ? named[0] : "\(unread.count) webhooks, \(IDResolver.list(named)),"
        return "the deliveries of \(webhooks) could not be read (\(whys.count == 1 ? first.why : whys.joined(separator: "; "))): "
            + "what they say (a receiver failing or retried, deliveries stuck, messages missed, why a webhook was paused) "
            + "is not checked; run 'webhooks check' again in a minute"
    }
}
