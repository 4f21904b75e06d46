internal import Foundation

/// What an id that kops cannot look up looks like, from its shape alone, for `whois`: a WhatsApp group id, Meta's
/// conversation id, a Click-to-WhatsApp click id (`ctwa_clid`). Only a group id is said as a fact (it decodes to
/// `capi_group:…`); the others are said as shapes, because other tokens look alike.
///
/// `IDShape.describe("Y2FwaV9ncm91cDox…")` → `… is a WhatsApp group id …`;
/// `IDShape.describe("6f3c0a1e2b4d5f60718293a4b5c6d7e8")` → `… has the shape of Meta's conversation id …`.
public enum IDShape {
    /// One line saying what `text` is or looks like and why kops cannot look it up; nil when no shape fits.
    ///
    /// Sources: a group id is what the Groups API returns and a group message carries as `group_id` (Meta's group
    /// messages webhook reference, developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/group/);
    /// Meta's conversation id is a status's `conversation.id` (Meta's status webhook reference); `ctwa_clid` is a
    /// message's `referral.ctwa_clid` (Meta's messages webhook reference, Click to WhatsApp ads).
    public static func describe(_ text: String) -> String? {
        if let credential = credential(text) { return credential }
        if let call = callID(text) { return call }
        if let log = logID(text) { return log }
        if let group = groupID(text) {
            return "\(text) is a WhatsApp group id (it decodes to '\(group)'; Meta's Groups API, the group_id of a message "
                + "written in a group); kops looks up no groups and Kapso's message list has no group filter (https://docs.kapso.ai/api/platform/v1/messages/list-messages): 'message WAMID' of "
                + "a message written in it shows 'group:'"
        }
        if let jid = jid(text) { return jid }
        if text.count == 32, text.allSatisfy(\.isHexDigit) {
            let lower = text.lowercased()
            let dashed = [lower.prefix(8), lower.dropFirst(8).prefix(4), lower.dropFirst(12).prefix(4), lower.dropFirst(16).prefix(4),
                          lower.dropFirst(20)].joined(separator: "-")
            return "\(text) has the shape of Meta's conversation id (32 hex digits: the conversation.id of a status's pricing "
                + "block), which kops cannot look up (Kapso's conversation ids are UUIDs); 'trace WAMID' shows the status that "
                + "carries it; if it is a UUID written without dashes, '\(ShellWord.command("whois", dashed))'"
        }
        if let digest = digest(text) { return digest }
        let urlSafe = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        if text.count >= 40, text.unicodeScalars.allSatisfy(urlSafe.contains), text.contains(where: \.isLetter),
            text.contains(where: \.isNumber)
        {
            return "\(text) has the shape of a Click-to-WhatsApp click id (ctwa_clid: a long URL-safe token from a message's "
                + "referral, which Meta's Conversions API takes), though other tokens look alike; kops cannot look it up: "
                + "'message WAMID' of the message it came with shows it"
        }
        return nil
    }

    /// What 64 hex digits (`sha256=` before them: Meta's `X-Hub-Signature-256`) are: a SHA-256, as a Kapso delivery's
    /// `X-Webhook-Signature` (lowercase hex HMAC-SHA256 of the body) and a meta-kind delivery's `X-Idempotency-Key` (the
    /// payload's SHA-256) are (kapso-api.md §10.1); nil for any other text. tester55 X8: both were said to have "the shape
    /// of a Click-to-WhatsApp click id", a mixed-case URL-safe token.
    static func digest(_ text: String) -> String? {
        let meta = text.lowercased().hasPrefix("sha256=")
        let hex = meta ? text.dropFirst(7) : Substring(text)
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        if meta {
            return "\(text) is an X-Hub-Signature-256 value (Meta's HMAC-SHA256 of a webhook body, with the app secret), not an "
                + "id: 'verify --meta' checks it against the body"
        }
        return "\(text) has the shape of a SHA-256 (64 hex digits), not an id: a Kapso delivery's X-Webhook-Signature (HMAC-SHA256 "
            + "of the body: 'verify' checks it against the body) or a meta-kind delivery's X-Idempotency-Key (the payload's "
            + "SHA-256, https://docs.kapso.ai/docs/platform/webhooks/overview), which Kapso's delivery log does not list"
    }

    /// What a WhatsApp call id (`wacid.…`, Meta's Calling API: a `calls` webhook's `calls[].id`; YCloud's calling
    /// webhook examples, https://docs.ycloud.com/reference-link/whatsapp-calling-terminate-webhook-examples, name it
    /// `wacid`) is and what to run, for `whois` and `trace`; nil for any other text (probe28 P28-11: "cannot read … as
    /// an id").
    public static func callID(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("wacid."), text.count > "wacid.".count else { return nil }
        return "\(text) is a WhatsApp call id (wacid, Meta's Calling API: the id of a calls webhook's call); calls are not "
            + "messages and kops cannot look them up: 'listen' shows each calls webhook as it arrives, with the call's event, "
            + "status and error codes"
    }

    /// `capi_group:…` (the part before any byte that is no printable ASCII) when `text` is base64 (standard or URL-safe,
    /// padding optional) of a text starting so; nil otherwise. The digits after `capi_group:` are a phone number and
    /// the group's own number (`capi_group:17055501391:120363404694233820`), so a masked transcript masks both forms.
    public static func groupID(_ text: String) -> String? {
        guard text.count >= 16, text.count <= 200 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 = String(base64.prefix { $0 != "=" })
        // The decoder wants whole 4-character groups: extra trailing characters (a partial group) are dropped.
        base64 = String(base64.prefix(base64.count / 4 * 4))
        guard let data = Data(base64Encoded: base64) else { return nil }
        let printable = data.prefix { $0 >= 0x20 && $0 < 0x7F }
        guard let decoded = String(bytes: printable, encoding: .ascii), decoded.hasPrefix("capi_group:") else { return nil }
        return decoded
    }
}

extension IDShape {
    /// What a WhatsApp Web JID that names no number is (a contact's JID reads as its number, `PhoneNumberText.linkedNumber`):
    /// a group (`…@g.us`) or a linked identity (`…@lid`), as Baileys and whatsmeow write them (baileys.wiki "JIDs": group
    /// JIDs use `g.us`; a LID is "an opaque per-user identifier WhatsApp assigns to anonymize phone numbers in groups").
    /// The Cloud API addresses neither so: a group by the `group_id` Meta's Groups API returns, a user by number or
    /// business-scoped user id (tester56 Z8). Nil for other text.
    static func jid(_ text: String) -> String? {
        guard let at = text.lastIndex(of: "@"), at != text.startIndex else { return nil }
        switch text[text.index(after: at)...].lowercased() {
        case "g.us":
            return "\(text) is a WhatsApp group's JID, as WhatsApp Web libraries (Baileys, whatsmeow) address a group; the Cloud "
                + "API does not address groups that way (Meta's Groups API gives a group_id), and kops looks up no groups: "
                + "'message WAMID' of a message written in the group shows its 'group:'"
        case "lid":
            return "\(text) is a WhatsApp Web linked-identity JID (@lid: an anonymous id WhatsApp gives a user in groups), not "
                + "their number; the Cloud API knows a user by number or business-scoped user id (US.…), which 'messages' shows"
        default:
            return nil
        }
    }
}
