internal import KapsoClient

/// The finding on deliveries Kapso counted delivered although the last attempt's answer was no 2xx (tester60 AH5: a
/// `delivered` row with HTTP 500 passed as a success, while the reverse, a failed one answered 200, is named). Kapso
/// counts an attempt delivered on a 2xx only (kapso-api.md §10.2, docs.kapso.ai/docs/platform/webhooks: "return 200 OK
/// within 10 seconds"), and `response_status` is the last attempt's (§4): the two fields disagree, and a receiver that
/// answered 500 usually did not process the event, so neither is taken as the outcome.
extension WebhookCheck {
    mutating func checkDeliveredWithError(_ verdict: WebhookVerdict, period: String) {
        let odd = verdict.current.filter { $0.status == "delivered" && $0.http.map { !(200..<300).contains($0) } == true }
        guard let newest = odd.last else { return }
        let codes = Set(odd.compactMap(\.http)).sorted().map(String.init).joined(separator: ", ")
        let count = odd.count == 1 ? "1 delivery" : "\(odd.count) deliveries"
        add(
            .warning, verdict.webhook,
            "\(count) counted delivered although the receiver answered \(codes) (the newest \(newest.id), created at "
                + "\(verdict.when(newest.created))): Kapso counts a 2xx as delivered and records the last attempt's answer, so "
                + "the two disagree, and a receiver that answered an error may not have processed the event",
            fix: "check the receiver's log for these events at those times; "
                + "'\(DeliveryPeriod.command(webhookID: verdict.webhook.id, errors: false, period: period))' lists them")
    }
}
