public import KapsoClient

// MARK: - A URL that is not https

extension WebhookCheck {
    /// A URL Kapso can reach that is not https: payloads and their signatures travel unencrypted, and Kapso's docs ask
    /// for an HTTPS endpoint (docs.kapso.ai, Webhooks overview: "All webhooks use HTTPS", "Enter your HTTPS endpoint
    /// URL"; Webhook security: "Use HTTPS only"). They do not say Kapso refuses to deliver to http, and `deliveries`
    /// (the period's, to this webhook) show whether it does (tester49 L6: an error, exit 1, although every delivery was
    /// answered 200):
    /// - some delivered to this URL: a warning, naming how many;
    /// - a failed one answered 3xx: an error, the likely cause named (a redirect to https is not the 200 Kapso counts as
    ///   success, kapso-api.md §10.2);
    /// - none delivered: an error, as nothing shows that the receiver gets them. When some failed without an answer (a
    ///   timeout or a refused connection, `DeliveryAnswer`), the line says http is not shown to be their cause: Kapso's docs
    ///   ask for HTTPS without saying it refuses http, and it delivers over http to a receiver that answers (tester49 L6),
    ///   so the failures' own reading (the delivery rule) stands; the http-specific possibility, a receiver that serves
    ///   only https, is named as something to check, not as the cause (fix50d's leftover).
    /// Loopback and private URLs have their own rule (`WebhookURL.unreachable`).
    mutating func checkScheme(_ webhook: Webhook, deliveries: [WebhookVerdict.Delivery]) {
        let lower = webhook.url.lowercased()
        guard !lower.hasPrefix("https://"), WebhookURL.unreachable(webhook.url) == nil else { return }
        let fix = insteadOfUpdate(
            webhook, replaced: "\(Self.replacingCreate) uses \(Self.replacementURL(webhook)): make the receiver answer https there")
            ?? "webhooks update \(webhook.id) --url " + (lower.hasPrefix("http://") ? ShellWord.quoted("https://" + webhook.url.dropFirst(7)) : "https://...")
        let here = deliveries.filter { $0.url.isEmpty || $0.url == webhook.url }
        let delivered = here.filter { $0.status == "delivered" }.count
        let redirected = here.filter { $0.status != "delivered" && (300...399).contains($0.http ?? 0) }
        let unanswered = here.filter { $0.status == "failed" && $0.answer == .none }.count
        if !redirected.isEmpty {
            // Each status the receiver answered, once, in order (tester59 AF2: 301, 302 and 308 were "answered 302").
            let statuses = Set(redirected.compactMap(\.http)).sorted().map(String.init)
            let answer = statuses.count == 1 ? statuses[0] : "redirects (\(statuses.joined(separator: ", ")))"
            add(
                .error, webhook,
                "URL is not https, and \(IDResolver.plural(redirected.count, "delivery", "deliveries")) to it \(redirected.count == 1 ? "was" : "were") "
                    + "answered \(answer): likely a redirect to https, which is not the 200 Kapso counts as delivered",
                fix: fix)
        } else if delivered > 0 {
            add(
                .warning, webhook,
                "URL is not https: payloads and their signatures travel unencrypted; Kapso delivered \(delivered) of the "
                    + "period's \(IDResolver.plural(here.count, "delivery", "deliveries")) here over http, but its docs ask for an HTTPS endpoint",
                fix: fix)
        } else if unanswered > 0 {
            add(
                .error, webhook,
                "URL is not https: payloads travel unencrypted; \(IDResolver.plural(unanswered, "delivery", "deliveries")) "
                    + "to it got no answer, which http alone does not explain (Kapso's docs ask for HTTPS but do not say it "
                    + "refuses http): if the receiver serves only https, nothing answers at this http URL",
                fix: fix)
        } else {
            add(.error, webhook, "URL is not https: payloads travel unencrypted", fix: fix)
        }
    }
}
