public import KapsoClient

extension WebhookPayloadShape {
    /// The shape of one delivery's body, read from the body alone: what a saved or pasted delivery is when no
    /// `X-Webhook-Event` header names it. Nil when the body is no webhook payload kops knows (not JSON, another sender's).
    ///
    /// - Meta's envelope (`{"object": "whatsapp_business_account", "entry": [...]}`, kapso-api.md §10.1): `.meta`.
    /// - Kapso's batch (`{"type", "batch": true, "data": [...]}`, §10.5): `.kapso(version: "v2", batched: [type])`.
    /// - Kapso v1 (`whatsapp_config`, or a message with the flat `message_type`, §10.7): `.kapso(version: "v1", …)`.
    /// - Kapso v2 (`message` with its `kapso` block, `conversation`, `contact`, or a top-level `phone_number_id`, §10.6,
    ///   §14.2): `.kapso(version: "v2", …)`.
    ///
    /// tester61 AH3: `replay` labelled a Kapso v2 delivery saved without its `X-Webhook-Event` as `meta`, the header's
    /// absence taken for the sender.
    public init?(body json: JSONValue?) {
        guard let json, json.object != nil else { return nil }
        if json["object"]?.string == "whatsapp_business_account" || json["entry"]?.array != nil {
            self = .meta
        } else if json["batch"] == true, json["data"]?.array != nil {
            self = .kapso(version: "v2", batched: [json["type"]?.string ?? "whatsapp.message.received"])
        } else if json["whatsapp_config"]?.object != nil || json["message"]?["message_type"] != nil {
            self = .kapso(version: "v1", batched: [])
        } else if json["message"]?.object != nil || json["conversation"]?.object != nil || json["contact"]?.object != nil
            || json["phone_number_id"]?.string != nil
        {
            self = .kapso(version: "v2", batched: [])
        } else {
            return nil
        }
    }

    /// A delivery's label in a list of deliveries: the `X-Webhook-Event` header's event when it has one, else what the
    /// body's shape says: `meta` (Meta's payload), `kapso v2 (no X-Webhook-Event)` (or `kapso v2 batch of
    /// whatsapp.message.received`, `kapso v1`), `unknown body (no X-Webhook-Event)`.
    public static func deliveryLabel(event: String?, body: JSONValue?) -> String {
        if let event, !event.isEmpty { return event }
        switch WebhookPayloadShape(body: body) {
        case .meta?: return "meta"
        case .kapso(let version, let batched)?:
            let kapso = "kapso \(version ?? "v2")"
            return batched.isEmpty ? kapso + " (no X-Webhook-Event)" : kapso + " batch of \(batched.joined(separator: ", "))"
        case .unknownKind?, nil: return "unknown body (no X-Webhook-Event)"
        }
    }
}
