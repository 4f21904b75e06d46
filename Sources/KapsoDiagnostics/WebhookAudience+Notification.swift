public import KapsoClient

// MARK: - Inbound records Kapso documents no whatsapp.message.received for

extension WebhookAudience {
    /// Why no `whatsapp.message.received` delivery is evidence of a missed one for `message`: an inbound `system` record
    /// (Meta's notification that the contact's number or security code changed) is no message the customer sent; nil for
    /// any other message, whose received delivery is due (tester49 F8: a week whose only inbound was such a notification
    /// was read as "Kapso did not deliver them", a trace of it as "the webhook stopped firing").
    ///
    /// Kapso sends the event "for every incoming customer message" (docs.kapso.ai/docs/how-to/whatsapp/set-up-webhooks),
    /// and the message types its payloads document are text, image, video, audio, document, location, template,
    /// interactive, reaction and contacts (gokapso/agent-skills, skills/integrate-whatsapp/references/
    /// webhooks-event-types.md, "Message types"): `system` is not among them, and an identity change has its own event,
    /// `whatsapp.contact.identity_changed` (kapso-api.md §14.1). Whether Kapso also sends `whatsapp.message.received` for a
    /// system record is not documented [uncertain], so its absence says nothing either way. Reactions are documented as a
    /// message type and still count.
    public static func receivedUndocumented(_ message: Message) -> String? {
        guard message.isInbound, message.type == "system" else { return nil }
        let kind = message.json["system"]?["type"]?.string.map { " (\(String($0.prefix(40))))" } ?? ""
        let ownEvent = kind.contains("identity") ? "; an identity change has its own event, whatsapp.contact.identity_changed" : ""
        return "a system notification\(kind), not a message the contact wrote: Kapso documents whatsapp.message.received "
            + "for customer messages and does not say it sends it for these\(ownEvent), so no delivery of it is no evidence "
            + "of a missed one"
    }

    /// The times (Unix seconds) of `messages` that Kapso's `whatsapp.message.received` is documented for: inbound, with a
    /// readable time, and not `receivedUndocumented`.
    public static func receivedTimes(_ messages: [Message]) -> [Int64] {
        messages.compactMap { message in
            guard message.isInbound, receivedUndocumented(message) == nil else { return nil }
            return message.time
        }
    }
}
