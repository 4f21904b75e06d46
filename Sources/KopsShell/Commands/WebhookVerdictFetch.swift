internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// The `WebhookVerdict` of some webhooks, for commands that name a receiver's state beside something else (`health`'s
/// webhook line, `errors`' rows of failed deliveries): each webhook's newest page of deliveries (100, any status) of a
/// period, all requests at once. A page that cannot be read leaves its webhook out of `verdicts` and names it in `unread`
/// with the API's answer (tester53 T14: `health` read a webhook whose page failed as one with no failed delivery); it
/// never fails the command.
enum WebhookVerdictFetch {
    /// The verdicts by webhook id, and the webhooks whose page could not be read, by id, with why
    /// (`KapsoAPIError.message`, e.g. `the API failed (503): …`).
    struct Fetched {
        var verdicts: [String: WebhookVerdict] = [:]
        var unread: [String: String] = [:]
        /// The rows of the pages read that the verdicts could not read (`DeliveriesLeftOut`), all webhooks together.
        var leftOut = DeliveriesLeftOut()
    }

    static func verdicts(of webhooks: [Webhook], period: String, in context: ShellContext) -> Fetched {
        guard !webhooks.isEmpty else { return Fetched() }
        let client = context.client
        let requests = webhooks.map {
            client.webhookDeliveriesRequest([("webhook_id", $0.id), ("period", period), ("limit", "100")])
        }
        let responses = client.sendAll(requests)
        var pages: [(Webhook, [WebhookVerdict.Delivery])] = []
        var fetched = Fetched()
        for ((webhook, request), response) in zip(zip(webhooks, requests), responses) {
            do throws(KapsoAPIError) {
                let answer = try response.mapError(KapsoAPIError.transport).get()
                let page = try client.webhookDeliveries(from: try client.decode(answer, for: request))
                pages.append((webhook, page.items.compactMap { fetched.leftOut.read($0) }))
            } catch {
                fetched.unread[webhook.id] = error.message
            }
        }
        // Read after the responses: `now` is the API's clock from its `Date` header.
        let now = context.now()
        for (webhook, deliveries) in pages { fetched.verdicts[webhook.id] = WebhookVerdict(webhook, deliveries: deliveries, now: now) }
        return fetched
    }
}
