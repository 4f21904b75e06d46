public import KapsoClient

// MARK: - Inbound records Kapso documents no whatsapp.message.received for

extension WebhookAudience {
    /// Why no `whatsapp.message.received` delivery is evidence of a missed one for `message`; nil for any other message,
    /// whose received delivery is due:
    /// - an inbound `system` record (Meta's notification that the contact's number or security code changed) is no message
    ///   the customer sent (tester49 F8: a week whose only inbound was such a notification was read as "Kapso did not
    ///   deliver them", a trace of it as "the webhook stopped firing");
    /// - a template's quick-reply button tap (`button`), a `sticker` or a catalogue `order` is one, but Kapso's list of the
    ///   message types its payloads carry leaves it out, and no Kapso page says whether the event is sent for it: unknown
    ///   (fix49d's leftover: they were counted as due, so a missing one read as "the webhook stopped firing").
    ///
    /// Kapso sends the event "for every incoming customer message" (docs.kapso.ai/docs/how-to/whatsapp/set-up-webhooks),
    /// "Fired when a new WhatsApp message is received from a customer" (docs.kapso.ai/docs/platform/webhooks/
    /// message-events), and the message types its payloads document are text, image, video, audio, document, location,
    /// template, interactive, reaction and contacts (gokapso/agent-skills, skills/integrate-whatsapp/references/
    /// webhooks-event-types.md, "Message types"): `system`, `button`, `sticker` and `order` are not among them, and an
    /// identity change has its own event, `whatsapp.contact.identity_changed` (kapso-api.md §14.1). Whether Kapso also
    /// sends `whatsapp.message.received` for these is not documented [uncertain], so its absence says nothing either way.
    /// Reactions are documented as a message type and still count.
    ///
    /// The same holds for a message that did not come through the Cloud API's live events (`kapso.origin`, kapso-api.md
    /// §7.3): imported history (`history_sync`, in either direction) is a copy of an older chat that Meta sends through
    /// its separate `history` webhook after a coexistence onboarding (Meta's history webhook reference: "used to
    /// synchronize the WhatsApp Business app chat history of a business customer"), and a `business_app` echo is what the
    /// business typed in the app (Meta's `smb_message_echoes`). Kapso documents no event for either, nor that its message
    /// events leave them out [uncertain] (tester50 F2: a freshly onboarded coexistence number's week of imported chats was
    /// read as "Kapso did not deliver them", and a trace of one as "the webhook stopped firing").
    public static func deliveryUndocumented(_ message: Message) -> String? {
        switch message.kapsoOrigin {
        case .importedHistory?:
            return "imported history (kapso.origin history_sync), a copy of an older chat synced after a coexistence "
                + "onboarding: Kapso documents its message events for live messages and does not say it sends them for "
                + "imported history, so no delivery of it is no evidence of a missed one"
        case .businessApp? where !message.isInbound:
            return "an echo of a message sent from the WhatsApp Business app (kapso.origin business_app), not through the API: "
                + "Kapso does not document whether it sends message events for echoes, so no delivery of it is no evidence "
                + "of a missed one"
        default:
            return receivedUndocumented(message)
        }
    }

    /// `deliveryUndocumented`'s reading of a live inbound record: a `system` notification, or a type Kapso does not list.
    public static func receivedUndocumented(_ message: Message) -> String? {
        guard message.isInbound else { return nil }
        if message.type == "system" {
            let kind = message.json["system"]?["type"]?.string.map { " (\(String($0.prefix(40))))" } ?? ""
            let ownEvent = kind.contains("identity") ? "; an identity change has its own event, whatsapp.contact.identity_changed" : ""
            return "a system notification\(kind), not a message the contact wrote: Kapso documents whatsapp.message.received "
                + "for customer messages and does not say it sends it for these\(ownEvent), so no delivery of it is no evidence "
                + "of a missed one"
        }
        guard let what = unlistedTypes[message.type] else { return nil }
        return "\(what) (type \(message.type)), a type Kapso's list of webhook message types leaves out (it lists text, image, "
            + "video, audio, document, location, template, interactive, reaction and contacts): whether Kapso sends "
            + "whatsapp.message.received for it is unknown, so no delivery of it is no evidence of a missed one; the delivery "
            + "of the contact's next text message says whether the webhook fires"
    }

    /// The inbound message types the contact sends that Kapso's list of webhook message types leaves out, with what each
    /// is (Meta's messages webhook: `button` is a tap on a template's quick-reply button, `order` a cart sent from the
    /// catalogue).
    static let unlistedTypes = [
        "button": "a tap on a template's quick-reply button", "sticker": "a sticker", "order": "an order from the catalogue",
    ]

    /// The times (Unix seconds) of `messages` that Kapso's `whatsapp.message.received` is documented for: inbound, with a
    /// readable time, and not `deliveryUndocumented` (a system notification, imported history; a button tap, sticker or
    /// order, unknown).
    public static func receivedTimes(_ messages: [Message]) -> [Int64] {
        messages.compactMap { message in
            guard message.isInbound, deliveryUndocumented(message) == nil else { return nil }
            return message.time
        }
    }
}
