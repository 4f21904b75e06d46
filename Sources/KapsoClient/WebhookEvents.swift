/// The events a Kapso webhook can subscribe to (kapso-api.md §3.4), e.g. `whatsapp.message.received`.
///
/// Message and conversation events reach only phone-number-scoped webhooks; the rest are project events.
public enum WebhookEvents {
    /// Which webhooks receive an event.
    public enum Scope: String, Sendable, Equatable {
        /// Only webhooks created for one phone number.
        case phoneNumber = "phone number"
        /// Project-scoped webhooks (no `phone_number_id`).
        case project
    }

    /// Every event in the catalog, in the contract's order; `whatsapp.config.created` is v1 only.
    public static let all: [String] =
        messages + conversations + [
            "whatsapp.phone_number.created", "whatsapp.phone_number.deleted",
            "workflow.execution.handoff", "workflow.execution.failed",
            "project.event", "whatsapp.config.created",
        ]

    /// Message events: the payload carries the message, its conversation and the number.
    public static let messages = [
        "whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered",
        "whatsapp.message.read", "whatsapp.message.failed",
    ]

    /// Conversation events: the payload carries the conversation and the number.
    public static let conversations = [
        "whatsapp.conversation.created", "whatsapp.conversation.ended", "whatsapp.conversation.inactive",
    ]

    /// Whether `event` is in the catalog (exact, case-sensitive name).
    public static func isKnown(_ event: String) -> Bool {
        all.contains(event)
    }

    /// The scope of an event; names outside the catalog are judged by their prefix.
    public static func scope(of event: String) -> Scope {
        event.hasPrefix("whatsapp.message.") || event.hasPrefix("whatsapp.conversation.") ? .phoneNumber : .project
    }
}
