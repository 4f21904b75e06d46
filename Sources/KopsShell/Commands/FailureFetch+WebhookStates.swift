internal import KapsoClient
internal import KapsoDiagnostics

extension FailureFetch {
    /// `the state now of 2 webhooks with failed deliveries was not read (the API failed (503): …); 'webhooks check' in a
    /// minute`: their rows carry `now: not read` (`FailureGroups.stateNote`), and this says how many (tester53b U15: the
    /// rows lost their `now:` without a word). Nil when every state was read.
    var unreadStatesLine: String? {
        guard let why = states.unread.values.sorted().first else { return nil }
        let count = states.unread.count
        return "the state now of \(count == 1 ? "1 webhook" : "\(count) webhooks") with failed deliveries was not read (\(why)); "
            + "'webhooks check' in a minute"
    }

    /// Reads the state now of each webhook whose deliveries failed (`states`), then adds the failures to `triage`, each
    /// meaning read with its webhook's `AcceptedAnswer` (tester58b AE4: read from the failures alone, a 204 was blamed on
    /// its status that `webhooks check` rules out). When a failure answered a 2xx other than 200 and none of its
    /// webhook's deliveries was accepted with one, one page of the project's delivered deliveries says whether another
    /// webhook's was; that page not read leaves the status named, as Kapso's docs name it.
    mutating func addDeliveries(period: String, in context: ShellContext) throws(KapsoAPIError) {
        guard let at = deliveriesAt else { return }
        let failed = deliveries
        let ids = Set(failed.map(\.webhookID))
        states = WebhookVerdictFetch.verdicts(of: webhooks.filter { ids.contains($0.id) }, period: period, in: context)
        statesLeftOut = states.leftOut.line(
            of: "the webhooks' state now", command: DeliveryPeriod.command(errors: false, period: period))
        var accepted = states.verdicts.compactMapValues(\.accepted)
        let asking = failed.filter { $0.status == "failed" && accepted[$0.webhookID] == nil && Self.isOther2xx($0.answer) }
        if !asking.isEmpty, let page = try Self.delivered(period: period, in: context) {
            for id in Set(asking.map(\.webhookID)) {
                let own = page.items.filter { $0.webhookID == id }.compactMap(WebhookVerdict.Delivery.init)
                let project = page.items.filter { $0.webhookID != id }.compactMap(WebhookVerdict.Delivery.init)
                let url = webhooks.first { $0.id == id }?.url ?? failed.first { $0.webhookID == id }?.webhookURL ?? ""
                accepted[id] = AcceptedAnswer.among(own: own, project: project, url: url)
            }
        }
        triage.addDeliveries(failed, period: period, accepted: accepted, at: at)
    }

    /// The newest page of the project's delivered deliveries of `period`; nil when it cannot be read (unless the error
    /// ends the command: Ctrl-C, a refused key).
    private static func delivered(period: String, in context: ShellContext) throws(KapsoAPIError) -> Page<WebhookDelivery>? {
        do {
            return try context.client.webhookDeliveries([("status", "delivered"), ("period", period), ("limit", "100")])
        } catch {
            try error.throwIfEnding()
            return nil
        }
    }

    /// A 2xx other than 200: the answer an accepted one rules out as the cause.
    private static func isOther2xx(_ answer: DeliveryAnswer) -> Bool {
        answer.httpStatus.map { (201..<300).contains($0) } ?? false
    }
}
