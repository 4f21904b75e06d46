public import KapsoClient

/// What one number's webhooks say about its events reaching receivers now: the reading `health` and `overview` give a
/// number, by the rules of `WebhookVerdict` (`severity`, `losesEvents`, `carriesMessages`) that `webhooks check` reads.
///
/// Kapso's health checks say whether Meta sends the number's events to Kapso (kapso-api.md §2), not whether Kapso's
/// deliveries reach the receivers: a number whose only receiver of messages is paused is "healthy" to Kapso while every
/// inbound message reaches no one (probe15 P15-4). A number with no webhook for messages at all says nothing here:
/// Kapso's inbox and workflows work without one.
public struct NumberWebhooks: Sendable {
    public let number: String
    /// The number's webhooks, in list order, each with its verdict (no deliveries when they could not be read).
    public let verdicts: [WebhookVerdict]
    /// The number's webhooks whose deliveries could not be read, by id, with why (`the API failed (503): …`): their
    /// verdicts hold no deliveries, so nothing is known of whether they fail (tester53 T14: `health` said "none
    /// active fails now" when the look-ups of the two failing ones answered 503).
    public let unread: [String: String]
    /// The rows of the deliveries read that no verdict could read (`DeliveriesLeftOut`, tester58 AD6 item 6).
    public var leftOut = DeliveriesLeftOut()

    /// `webhooks` are the number's (others are left out); `verdicts` by webhook id, as `WebhookVerdictFetch` reads
    /// them; a webhook without one is judged on no deliveries at `now` (Unix seconds, the API's clock). `unread`: the
    /// webhooks whose deliveries could not be read, by id, with why.
    public init(number: String, webhooks: [Webhook], verdicts: [String: WebhookVerdict], now: Int64?, unread: [String: String] = [:]) {
        self.number = number
        let own = webhooks.filter { $0.phoneNumberID == number }
        self.verdicts = own.map { verdicts[$0.id] ?? WebhookVerdict($0, deliveries: [], now: now) }
        self.unread = unread.filter { id, _ in own.contains { $0.id == id } }
    }

    /// Active webhooks whose newest deliveries fail (`WebhookVerdict.failsNow`).
    public var failing: [WebhookVerdict] { verdicts.filter { $0.failsNow && unread[$0.webhook.id] == nil } }

    /// The webhooks whose deliveries could not be read, in list order, each with why.
    public var unreadWebhooks: [(webhook: Webhook, why: String)] {
        verdicts.compactMap { verdict in unread[verdict.webhook.id].map { (verdict.webhook, $0) } }
    }

    /// The active webhooks among `unreadWebhooks`: what they get now is not known. A paused one's deliveries not read
    /// leave nothing unknown of now, as nothing is delivered to it (tester55b Y9: `health` exited 1 as not read when both
    /// active webhooks were read and fine, and only the paused one's look-up failed).
    public var unreadActive: [(webhook: Webhook, why: String)] { unreadWebhooks.filter { $0.webhook.active } }

    /// Paused webhooks: nothing is delivered to them.
    public var paused: [WebhookVerdict] { verdicts.filter { !$0.webhook.active } }

    /// The paused receivers of the number's inbound messages when none is active: the receivers set up for its
    /// messages get nothing. Empty when an active one carries them, or when no webhook would.
    public var pausedMessageReceivers: [WebhookVerdict] {
        let carriers = verdicts.filter { WebhookVerdict.carriesMessages($0.webhook, of: number) }
        guard !carriers.contains(where: \.webhook.active) else { return [] }
        return carriers
    }

    /// The worst finding: an error when no active webhook carries the messages its paused ones would, else the worst
    /// `WebhookVerdict.severity` of its webhooks (the severity `webhooks check` gives each).
    public var severity: WebhookCheck.Severity? {
        if !pausedMessageReceivers.isEmpty { return .error }
        return verdicts.filter { unread[$0.webhook.id] == nil }.compactMap(\.severity).min()
    }

    /// `blocking`'s problem in a few words, for `overview`'s next steps: `its inbound messages reach no receiver (its
    /// only webhook for them is paused)`; nil when nothing blocks.
    public var blockingInShort: String? {
        let receivers = pausedMessageReceivers.count
        guard receivers > 0 else { return nil }
        return "its inbound messages reach no receiver ("
            + (receivers == 1 ? "its only webhook for them is paused)" : "all \(receivers) of its webhooks for them are paused)")
    }

    /// What blocks the number's inbound messages from reaching any receiver, with the fix: every webhook that would
    /// carry them is paused. `health` says it as its blocking problem and exits 1, `overview` as the number's headline;
    /// a webhook that loses other events (paused after failing, failing now) is named beside, not as blocking. Nil when
    /// nothing blocks.
    public var blocking: (problem: String, fix: String)? {
        guard let first = pausedMessageReceivers.first else { return nil }
        let receivers = pausedMessageReceivers.count
        let which = receivers == 1
            ? "its only webhook for them, \(WebhookURL.short(first.webhook.url)), is"
            : "all \(receivers) of its webhooks for them are paused; the first, \(WebhookURL.short(first.webhook.url)), is"
        return (
            "inbound messages of \(number) reach no receiver: \(which) \(first.pauseState ?? "paused (active: false)")",
            first.resumeFix ?? "webhooks update \(first.webhook.id) --active true"
        )
    }
}
