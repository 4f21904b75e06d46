internal import KapsoClient

/// An active receiver of inbound messages that got some `whatsapp.message.received` deliveries, but far fewer than the
/// messages its number received in the same time: the inbound twin of "it stopped firing" (`silent`, `stopped`) for a
/// webhook that fires only at times.
///
/// Counted so the number said is a floor, never a guess:
/// - Only messages after the webhook's last change (`updated_at`, and its creation) count: before it, it may have been
///   paused or subscribed to other events (the API keeps no history of a webhook, kapso-api.md §3.1;
///   `WebhookAudience`); without `updated_at` nothing is said. Messages of the last `WebhookVerdict.deliveryGrace`
///   are left out (their delivery may not be logged yet).
/// - Every `whatsapp.message.received` delivery logged for the webhook since that change (less `TimeMatch.skew`) counts,
///   whatever its status and URL, including ones that may belong to earlier messages or to `webhooks test`: that can only lower the count.
/// - The messages read are the newest page (`Inbound.complete`); when it does not reach back to the change, more
///   arrived than were read, so the count is again a floor.
/// - A webhook that batches received messages (`buffer_events`, kapso-api.md §10.5) sends one delivery for several
///   messages, so its counts cannot be compared: nothing is said. Nor for kind meta, whose forwards Kapso may not log
///   (§4, §13).
extension WebhookCheck {
    /// Messages without a delivery (a floor) that make the finding.
    static let fewerMinimum = 3

    mutating func checkFewer(_ verdict: WebhookVerdict, deliveries: [WebhookVerdict.Delivery], inbound: Inbound?, period: String) {
        let webhook = verdict.webhook
        let event = "whatsapp.message.received"
        guard webhook.active, let number = webhook.phoneNumberID, let inbound, inbound.number == number,
            WebhookPayloadShape(webhook).isKapso, !WebhookPayloadShape(webhook).batchedEvents.contains(event),
            WebhookAudience.subscribes(webhook, to: event), let now = verdict.now, let changed = verdict.updated,
            verdict.missed(inbound, period: period) == nil, let span = Self.seconds(period)
        else { return }
        let created = webhook.createdAt.flatMap(KapsoTime.seconds(iso:)) ?? changed
        let cut = max(changed, created, now - span)
        let messages = inbound.times.filter { $0 > cut && $0 <= now - WebhookVerdict.deliveryGrace }
        // A delivery stamped up to `TimeMatch.skew` before the cut may be a counted message's own (two clocks): counted too.
        let delivered = deliveries.filter { $0.event == event && $0.created > cut - TimeMatch.skew }.count
        let missing = messages.count - delivered
        guard delivered > 0, missing >= Self.fewerMinimum, delivered * 2 <= messages.count,
            let oldest = messages.min(), let newest = messages.max()
        else { return }
        let more = !inbound.complete && inbound.times.allSatisfy { $0 > cut }
        let since = cut == now - span ? "in the last \(period)" : "since its last change at \(KapsoTime.iso(cut))"
        add(
            .warning, webhook,
            "\(delivered) whatsapp.message.received \(delivered == 1 ? "delivery" : "deliveries") logged for the "
                + "\(messages.count)\(more ? "+" : "") inbound messages that arrived on \(number) \(since) ("
                + (more ? "the oldest read at \(KapsoTime.iso(oldest)), older ones not read" : "the first at \(KapsoTime.iso(oldest))")
                + ", the last at \(verdict.when(newest))): at least \(missing) got no delivery, "
                + "so Kapso sends it only some of them",
            fix: "compare 'messages --direction inbound' with 'deliveries --webhook \(webhook.id) --event \(event) --period "
                + "\(period)'; 'logs search --source webhook_delivery --period \(period == "30d" ? "7d" : period)' shows whether "
                + "Kapso tried; if not, report the webhook id and those times to Kapso support (missed events are never "
                + "redelivered)")
    }
}
