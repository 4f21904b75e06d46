public import KapsoClient

/// What a webhook's receiver gets in each POST, read from the webhook's `kind`, `payload_version` and buffering: the
/// one reading that webhook advice checks before it speaks of batches, payload versions or buffer settings (probe37
/// P37-19: a meta-kind webhook was told to read batch bodies).
///
/// Sources: kapso-api.md §3.1 (`kind` `kapso`|`meta`; `buffer_enabled` "kapso only"; `payload_version` "null for meta"),
/// §3.2 ("Meta kind: buffering unsupported"), §10.1 ("Meta kind: body is the untouched Meta webhook payload
/// (`{"object":"whatsapp_business_account","entry":[...]}`), no filtering/buffering"), §10.5 (buffering and the batch
/// body are "kapso kind" only); gokapso/agent-plugins `plugins/kapso/skills/integrate-whatsapp/references/
/// webhooks-overview.md`: "Meta webhooks: raw Meta payloads, no filtering or buffering".
public enum WebhookPayloadShape: Sendable, Equatable {
    /// Kind `meta`: Meta's own webhook payload, forwarded as Meta sent it; never a Kapso batch, never v1 or v2.
    case meta
    /// Kind `kapso`: Kapso's events in `version` (`payload_version` as written; nil when none is given, which Kapso
    /// reads as its default v2), batch-shaped for `batched` events when buffering is on (empty otherwise).
    case kapso(version: String?, batched: [String])
    /// A kind Kapso does not document, as written: no advice that depends on the payload applies.
    case unknownKind(String)

    /// The shape `webhook`'s receiver gets.
    public init(_ webhook: Webhook) {
        switch webhook.kind {
        case "meta": self = .meta
        case "kapso":
            guard webhook.bufferEnabled else {
                self = .kapso(version: webhook.payloadVersion, batched: [])
                return
            }
            // Only whatsapp.message.received can be buffered (kapso-api.md §10.5, §14.1); none listed means it. An event
            // the webhook does not subscribe to is never delivered to it, batched or not (tester52 H4).
            let listed = webhook.json["buffer_events"]?.array?.compactMap(\.string) ?? []
            let batched = (listed.isEmpty ? ["whatsapp.message.received"] : listed)
                .filter { WebhookEvents.event($0)?.bufferable == true && webhook.events.contains($0) }
            self = .kapso(version: webhook.payloadVersion, batched: batched)
        default: self = .unknownKind(webhook.kind)
        }
    }

    /// True for kind kapso: Kapso's own events, payload versions and buffering apply.
    public var isKapso: Bool {
        if case .kapso = self { return true }
        return false
    }

    /// The events delivered batch-shaped (`data[]`); empty for meta and unknown kinds and without buffering.
    public var batchedEvents: [String] {
        if case .kapso(_, let batched) = self { return batched }
        return []
    }

    /// For a kapso-kind webhook with buffering on that subscribes to no bufferable event: `buffering is on, but the
    /// webhook subscribes to no bufferable event …: it has no effect …`; nil for any other webhook. Only
    /// whatsapp.message.received is buffered (kapso-api.md §10.5; handover and the other events are "not bufferable",
    /// §14.1), so such a webhook's deliveries keep one event per body, and a receiver changed to read batch bodies
    /// (`data[]`) would break on them (tester52 H4: `webhooks check` told it to).
    public static func bufferingWithoutEffect(_ webhook: Webhook) -> String? {
        guard webhook.kind == "kapso", webhook.bufferEnabled,
            !webhook.events.contains(where: { WebhookEvents.event($0)?.bufferable == true })
        else { return nil }
        return "buffering is on, but the webhook subscribes to no bufferable event (only whatsapp.message.received is "
            + "buffered, https://docs.kapso.ai/docs/platform/webhooks/advanced): it has no effect, and each delivery carries one event, not a batch body (data[])"
    }

    /// For an update that turned buffering on (`before` without it, `after` with it) on a webhook whose deliveries it
    /// batches: `from now on every whatsapp.message.received delivery to URL is a batch body …`; nil otherwise. Once
    /// enabled, all such deliveries use the batch shape, even with one message (kapso-api.md §10.5), which a receiver that
    /// reads one `message` refuses (tester70 F4: the update said nothing; F2 is the 400s that follow).
    public static func bufferingTurnedOn(from before: Webhook, to after: Webhook) -> String? {
        guard !before.bufferEnabled, after.bufferEnabled else { return nil }
        let batched = WebhookPayloadShape(after).batchedEvents
        guard !batched.isEmpty else { return nil }
        return "from now on every \(batched.joined(separator: ", ")) delivery to \(after.url) is a batch body (batch: true, "
            + "data[], header X-Webhook-Batch: true), even with one message: its receiver must read that shape "
            + "('webhooks fire buffered-batch --to URL' tries a handler with one)"
    }

    /// For a meta-kind webhook whose record carries Kapso-kind settings (`buffer_enabled` true, a `payload_version`):
    /// `kind meta: buffer_enabled, payload_version v2 do not apply: …`; nil for any other webhook or none set.
    public static func ignoredSettings(of webhook: Webhook) -> String? {
        guard WebhookPayloadShape(webhook) == .meta else { return nil }
        var set: [String] = []
        if webhook.bufferEnabled { set.append("buffer_enabled") }
        if let version = webhook.payloadVersion { set.append("payload_version \(version)") }
        guard !set.isEmpty else { return nil }
        return "kind meta, yet its record has \(set.joined(separator: " and ")): these are kapso-kind settings and do "
            + "not apply: Kapso forwards Meta's own payload ({\"object\", \"entry\": [...]}) in each POST, never a batch "
            + "body (data[]) nor a v1/v2 body"
    }

    /// What a receiver of a meta-kind webhook reads, for a fix.
    public static let metaReading =
        "none for the receiver: read Meta's payload (entry[].changes[].value); batches and payload versions exist only "
        + "for kapso-kind webhooks"
}
