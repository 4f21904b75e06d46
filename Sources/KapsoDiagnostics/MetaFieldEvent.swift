public import KapsoClient

/// The news in a Meta webhook whose `field` is not `messages`, as one short phrase for `listen`'s line: the value's
/// `event` (or a contact's preference) is what happened, and the field name alone said nothing to act on (probe32
/// P32-3: "meta: account_update; signature ok" for an account violation).
///
/// Field shapes from Meta's webhook reference (WhatsApp Business Platform, "Webhooks reference"):
/// - `message_template_status_update`: `event`, `message_template_name`, `message_template_language`, `reason`
///   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update)
/// - `account_update`: `event`, `violation_info.violation_type`, `ban_info.waba_ban_state`,
///   `restriction_info[].restriction_type` and `expiration`
///   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update)
/// - `phone_number_quality_update`: `event` (`UPGRADE`, `DOWNGRADE`, …), `old_limit` (messaging-limit changes only),
///   `current_limit` (`TIER_250`, `TIER_1K`, …), `max_daily_conversations_per_business`
///   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update)
/// - `user_preferences`: `user_preferences[]` of `wa_id`, `category` (`marketing_messages`), `value` (`stop`,
///   `resume`); sent only when a user stops or resumes marketing messages
///   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences)
/// - `smb_message_echoes`: `message_echoes[]` of `from`, `to`, `id`, `type`: messages a coexistence number's business
///   sent from the WhatsApp Business app or a linked device
///   (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes)
///
/// What a stopped contact means for sends is the catalogue's 131050 (`ErrorCatalog`); nothing here claims more than
/// the payload says beyond that.
public enum MetaFieldEvent {
    /// `template holiday_hours (en_US) REJECTED, reason INVALID_FORMAT: it cannot be sent …`; nil for a field this does
    /// not read (`messages` is read item by item) or a value without its event.
    public static func summary(field: String?, value: JSONValue?) -> String? {
        guard let value else { return nil }
        switch field {
        case "message_template_status_update": return template(value)
        case "account_update": return account(value)
        case "phone_number_quality_update": return quality(value)
        case "user_preferences": return preferences(value)
        case "smb_message_echoes": return echoes(value)
        default: return nil
        }
    }

    private static func template(_ value: JSONValue) -> String? {
        guard let event = value["event"]?.string else { return nil }
        var text = "template"
        if let name = value["message_template_name"]?.string { text += " " + name }
        if let language = value["message_template_language"]?.string { text += " (\(language))" }
        text += " " + event
        if let reason = value["reason"]?.string, !reason.isEmpty, reason != "NONE" { text += ", reason " + reason }
        switch event {
        case "APPROVED": text += ": it can be sent"
        case "REJECTED": text += ": it cannot be sent until a corrected version is approved"
        case "PAUSED": text += ": sends of it fail while it is paused"
        case "DISABLED": text += ": it can no longer be sent"
        default: break
        }
        return text
    }

    private static func account(_ value: JSONValue) -> String? {
        guard let event = value["event"]?.string else { return nil }
        var parts = [event]
        if let violation = value["violation_info"]?["violation_type"]?.string { parts.append("violation " + violation) }
        if let ban = value["ban_info"]?["waba_ban_state"]?.string { parts.append("ban state " + ban) }
        for restriction in value["restriction_info"]?.array ?? [] {
            guard let type = restriction["restriction_type"]?.string else { continue }
            parts.append(type + ((restriction["expiration"]?.string).map { " until " + $0 } ?? ""))
        }
        var text = "account " + parts.joined(separator: ", ")
        if event == "ACCOUNT_VIOLATION" || event == "ACCOUNT_RESTRICTION" || value["ban_info"] != nil {
            text += ": Meta acted on the WhatsApp Business Account; WhatsApp Manager shows what it restricts"
        }
        return text
    }

    private static func quality(_ value: JSONValue) -> String? {
        guard let event = value["event"]?.string else { return nil }
        let current = value["current_limit"]?.string
        if let old = value["old_limit"]?.string, let current, event == "DOWNGRADE" || event == "UPGRADE" {
            return "\(event): messaging limit \(event == "DOWNGRADE" ? "lowered" : "raised") from \(old) to \(current)"
        }
        var text = event
        if let current { text += ", limit " + current }
        if let daily = value["max_daily_conversations_per_business"]?.string { text += ", \(daily) a day" }
        return text
    }

    private static func echoes(_ value: JSONValue) -> String? {
        let messages = (value["message_echoes"]?.array ?? []).map { echo in
            [(echo["id"]?.string).map { "msg " + $0 }, echo["type"]?.string, (echo["to"]?.string).map { "to " + $0 }]
                .compactMap { $0 }.joined(separator: " ")
        }
        guard !messages.isEmpty else { return nil }
        return "sent from the WhatsApp Business app: " + messages.joined(separator: ", ")
    }

    private static func preferences(_ value: JSONValue) -> String? {
        let phrases = (value["user_preferences"]?.array ?? []).compactMap { entry -> String? in
            guard let choice = entry["value"]?.string else { return nil }
            let who = (entry["wa_id"]?.string).map { "contact " + $0 } ?? "a contact"
            let category = entry["category"]?.string ?? "marketing_messages"
            guard category == "marketing_messages" else { return "\(who) \(category) \(choice)" }
            switch choice {
            case "stop":
                return "\(who) stopped marketing messages: marketing templates to them fail (131050); utility and "
                    + "authentication still go"
            case "resume": return "\(who) resumed marketing messages"
            default: return "\(who) marketing messages \(choice)"
            }
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: ", ")
    }
}
