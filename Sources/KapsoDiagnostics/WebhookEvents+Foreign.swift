/// Event names typed from another vocabulary, read wherever an event is typed (`webhooks create|update|test`,
/// `deliveries --event`, `payload sample`): Meta's webhook fields, third-party names, Kapso's names without their prefix.
///
/// Meta's fields are those of its Webhooks page's field table (developers.facebook.com/documentation/business-messaging/
/// whatsapp/webhooks/overview, "Fields"): what Meta's app subscribes a WABA to (`subscribed_fields` of the
/// `webhook_subscription` check, kapso-api.md §2). Kapso's events are the catalogue's (§3.4).
extension WebhookEvents {
    /// Meta's WhatsApp webhook fields, as its Webhooks page lists them.
    public static let metaFields: Set<String> = [
        "account_alerts", "account_review_update", "account_update", "automatic_events", "business_capability_update",
        "history", "message_template_components_update", "message_template_quality_update", "message_template_status_update",
        "messages", "partner_solutions", "payment_configuration_update", "phone_number_name_update",
        "phone_number_quality_update", "security", "smb_app_state_sync", "smb_message_echoes", "template_category_update",
        "user_preferences",
    ]

    /// What an event name from another vocabulary is, with Kapso's names for it; nil for any other name. `messages` is
    /// Meta's webhook field that carries every message and status; Meta's other fields have no Kapso event (a meta-kind
    /// webhook forwards Meta's untouched payloads for its number, kapso-api.md §10.1, but which fields is not
    /// documented); `statuses`/`message_status` name Meta's status updates inside `messages`; `whatsapp.message.status`
    /// is a third-party note's name, "not a Kapso event" (§3.4) (tester56 Z8: each got only "unknown event").
    public static func foreignReading(_ name: String) -> String? {
        let statuses = "Kapso's status events are whatsapp.message.sent, whatsapp.message.delivered, whatsapp.message.read "
            + "and whatsapp.message.failed (https://docs.kapso.ai/docs/platform/webhooks/message-events)"
        let field = "it is Meta's webhook field (what Meta's app subscribes the WABA to), not a Kapso event; "
        switch name.lowercased() {
        case "messages":
            return field + "Kapso's message events are whatsapp.message.received, whatsapp.message.sent, "
                + "whatsapp.message.delivered, whatsapp.message.read and whatsapp.message.failed "
                + "(https://docs.kapso.ai/docs/platform/webhooks/message-events)"
        case let lowered where metaFields.contains(lowered):
            return field + "Kapso's events (https://docs.kapso.ai/docs/platform/webhooks/message-events) have none for it; a "
                + "meta-kind webhook (webhooks create --kind meta) gets Meta's own payloads for its number "
                + "(https://docs.kapso.ai/docs/whatsapp/receive-messages), though which fields Kapso forwards is not documented"
        case "statuses", "status", "message_status", "message_statuses":
            return "Meta sends status updates inside its 'messages' webhook field; " + statuses
        case let lowered where lowered.hasSuffix(".status") || lowered.hasSuffix(".statuses"):
            return "it is no Kapso event (a name third-party notes use); " + statuses
        default:
            return nil
        }
    }

    /// The event `name` means when it is Kapso's name without its `whatsapp.` prefix (`message.received`, probe39
    /// P39-6); nil otherwise.
    public static func prefixed(_ name: String) -> String? {
        isKnown("whatsapp." + name) ? "whatsapp." + name : nil
    }
}
