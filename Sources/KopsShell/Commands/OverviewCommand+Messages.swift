internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension OverviewCommand {
    /// The period's failed messages as `errors` reads them (`ErrorTriage.addMessages`): the newest 100 failed and the
    /// newest 100 of any status (a failure later followed by a delivery), at once; `cut` when more failed ones exist.
    /// The API's error when the list cannot be read: overview still shows the rest, and says so.
    /// The newest 100 messages of any status also give each number's inbound messages (`inbound`, complete when no page
    /// follows), which say whether a receiver of them stopped getting deliveries (P19-2), at no extra request.
    static func failedMessages(period: String, in context: ShellContext)
        -> Result<(entries: [ErrorTriage.Entry], cut: Bool, inbound: [WebhookCheck.Inbound]), KapsoAPIError>
    {
        let client = context.client
        let requests = [
            client.platformRequest("/whatsapp/messages", query: [("status", "failed"), ("limit", "100")]),
            client.platformRequest("/whatsapp/messages", query: [("limit", "100")]),
        ]
        var triage = ErrorTriage()
        var cut = false
        var inbound: [WebhookCheck.Inbound] = []
        for (request, response) in zip(requests, client.sendAll(requests)) {
            let json: JSONValue
            switch response {
            case .failure(let error): return .failure(.transport(error))
            case .success(let answer):
                do { json = try client.decode(answer, for: request) } catch { return .failure(error) }
            }
            if request.url.contains("status=failed") {
                if !(json["paging"]?["next"]?.isNull ?? true) { cut = true }
            } else if let page = try? client.messages(from: json) {
                var times: [String: [Int64]] = [:]
                for message in page.items where message.isInbound {
                    if let number = message.phoneNumberID, let time = WebhookAudience.receivedTimes([message]).first {
                        times[number, default: []].append(time)
                    }
                }
                inbound = times.keys.sorted().map { WebhookCheck.Inbound(number: $0, times: times[$0] ?? [], complete: !page.hasMore) }
            }
            // With the API's clock, as `errors` reads them: a send the contact quoted or reacted to since is no failed send
            // (tester49 F5), a window refusal the contact wrote after reads as `errors` reads it.
            let now = context.now()
            triage.addMessages(json, since: now - FailureFetch.seconds(period), now: now)
        }
        return .success((triage.entries, cut, inbound))
    }
}

extension OverviewCommand {
    /// A `next:` step for each number that had inbound messages in the period while no active webhook receives its
    /// `whatsapp.message.received` (tester70 F16: overview said nothing of a number whose webhook was deleted).
    static func unreceivedSteps(
        _ numbers: [PhoneNumber], webhooks: [Webhook], inbound: [WebhookCheck.Inbound]?, period: String, now: Int64
    ) -> [(command: String, why: String)] {
        numbers.compactMap { number in
            let read = inbound?.first { $0.number == number.id }
            guard let messages = WebhookCheck.unreceived(number.id, webhooks: webhooks, inbound: read, period: period, now: now)
            else { return nil }
            return (
                "use \(number.id); webhooks check",
                "\(number.name ?? number.id): \(messages) in \(period) and no active webhook receives whatsapp.message.received"
            )
        }
    }
}
