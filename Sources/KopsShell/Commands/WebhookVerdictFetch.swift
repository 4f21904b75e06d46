internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// The `WebhookVerdict` of some webhooks, for commands that name a receiver's state beside something else (`health`'s
/// webhook line, `errors`' rows of failed deliveries): each webhook's newest page of deliveries (100, any status) of a
/// period, all requests at once. A page that cannot be read leaves its webhook out; it never fails the command.
enum WebhookVerdictFetch {
    static func verdicts(of webhooks: [Webhook], period: String, in context: ShellContext) -> [String: WebhookVerdict] {
        guard !webhooks.isEmpty else { return [:] }
        let client = context.client
        let requests = webhooks.map {
            client.webhookDeliveriesRequest([("webhook_id", $0.id), ("period", period), ("limit", "100")])
        }
        let responses = client.sendAll(requests)
        var pages: [(Webhook, [WebhookVerdict.Delivery])] = []
        for ((webhook, request), response) in zip(zip(webhooks, requests), responses) {
            guard let json = try? client.decode(try response.get(), for: request),
                let page = try? client.webhookDeliveries(from: json)
            else { continue }
            pages.append((webhook, page.items.compactMap(WebhookVerdict.Delivery.init)))
        }
        // Read after the responses: `now` is the API's clock from its `Date` header.
        let now = context.now()
        var verdicts: [String: WebhookVerdict] = [:]
        for (webhook, deliveries) in pages { verdicts[webhook.id] = WebhookVerdict(webhook, deliveries: deliveries, now: now) }
        return verdicts
    }
}
