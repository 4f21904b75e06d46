public import KapsoClient

/// What one message says about its contact's 24-hour window: only a message the contact wrote opens it, at a time kops
/// can read (`MessageTime`); e.g. a `system` `user_changed_number` is `.notWritten("a system notification: …")`.
///
/// Meta's window opens "when a user messages you" (developers.facebook.com/docs/whatsapp/pricing, customer service
/// windows). These arrive as messages but are not the contact writing, so they open nothing:
/// - `system` notifications: `user_changed_number` ("the user changed their phone number … the notification includes
///   the new phone number", `system.wa_id`; Meta's system messages webhook reference,
///   …/whatsapp/webhooks/reference/messages/system/), a changed security code or user id;
/// - `revoke` (the contact deleted an earlier message; "only available to WhatsApp Business app users (Coexistence)",
///   …/webhooks/reference/messages/revoke), `edit` (the contact changed an earlier message's text or caption, Meta's
///   edit webhook reference, …/webhooks/reference/messages/edit), the same actions, or a pin, keep-in-chat or poll answer,
///   delivered as `unsupported` (`unsupported.type`, `action(_:)`): Meta documents nothing on whether they open it (the
///   edit and revoke references give triggers and payloads only; the edit page now says edits come as `unsupported`
///   "temporarily"), so kops neither counts them nor states a window from them (`opensUnknown`: after one, the window
///   is unknown unless the contact's last message keeps it open, `Unsettled`; fix48's leftover: the top-level ones were
///   "not counted" with the window stated from the last written message);
/// - a reaction removed (`reaction.emoji` empty or missing, Meta's reaction webhook): no new message;
/// - `kapso.origin` `business_app` (an echo of a message sent from the WhatsApp Business app, coexistence) and
///   `history_sync` (imported history): kapso-api.md §7.3; Meta's `smb_message_echoes` webhook "notifies you of
///   messages sent via the WhatsApp Business app or a companion device" (…/webhooks/reference/smb_message_echoes);
///   Telnyx's coexistence page: an echo "does not open or extend the Cloud API customer service window"
///   (developers.telnyx.com/docs/messaging/whatsapp/coexistence/webhooks). Meta itself does not say so for history.
/// A message written in a WhatsApp group opens the group's window, not the 1:1 one (`MessageOrigin`).
public struct WindowEvidence: Sendable, Equatable {
    /// Whether the contact wrote the message.
    public enum Kind: Sendable, Equatable {
        /// The contact wrote it 1:1: it opens (or reopens) the window.
        case written
        /// The contact wrote it in a WhatsApp group: it opens the group's window only.
        case group
        /// Not the contact writing: what it is, e.g. `a system notification (user_changed_number)`.
        case notWritten(String)
    }

    public var kind: Kind
    public var time: MessageTime
    /// The contact's new number (digits) when the message says they moved (`user_changed_number`'s `wa_id`).
    public var movedTo: String?
    /// True when the message says the contact left the number it came from (`user_changed_number`), whether or not it
    /// names the new one (`movedTo`): Meta's notice says they moved, and the old number is no longer known to be theirs
    /// either way (tester66 W1: a notice with only a `body` was listed, then forgotten by `trace` and `reply`).
    public var leftNumber = false
    /// The notice's own text (`system.body`, e.g. `Contacto P cambió de +1 415-555-0302 a +34 600 111 222`), for a move
    /// that names no new number in `wa_id`/`new_wa_id`: the only place it is then written, in the contact's language.
    public var noticeBody: String?
    /// The number-change notice's type as the data gives it: `user_changed_number`, or Meta's legacy
    /// `customer_changed_number` (tester66b X9: the legacy one was named "(user_changed_number)"); nil for other messages.
    public var noticeType: String?
    /// The contact's new business-scoped user id when the message says it was regenerated (`user_changed_user_id`'s
    /// `user_id`; Meta, Business-scoped user IDs, https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids:
    /// the system webhook's `body` is "User <name> changed from <OLD_BSUID> to <NEW_BSUID>", `user_id` the new one).
    public var newUserID: String?
    /// `.businessApp` or `.importedHistory` when the message is a coexistence echo or imported history (`KapsoOrigin`).
    public var appOrigin: KapsoOrigin?
    /// True for an action of the contact (`action(_:)`: a `revoke` or `edit` message, or one of them, a pin, keep-in-chat
    /// or poll answer delivered as `unsupported` under 131051): Meta documents nothing on whether it opens the window, so
    /// it is not counted as opening one, nor as leaving the window as the contact's last message left it; after it the
    /// window is unknown (`Unsettled`, tester47 F2).
    public var opensUnknown = false
    /// True when the action came as an `unsupported` message (under 131051) rather than as its own type.
    public var asUnsupported = false
    /// True for a reaction (`type` `reaction`), counted as the contact writing unless removed (`countedNote`).
    public var isReaction = false

    /// Reads `message` (inbound or outbound) at the API's clock `now` (Unix seconds, nil when unknown).
    public init(_ message: Message, now: Int64?) {
        time = MessageTime(message, now: now)
        let json = message.json
        let origin = message.kapsoOrigin
        if origin?.isAppSide == true { appOrigin = origin }
        if origin == .businessApp {
            kind = .notWritten(
                message.isInbound
                    ? "an echo from the WhatsApp Business app (kapso.origin business_app, coexistence), not the contact writing to the Cloud API"
                    : "sent from the WhatsApp Business app (kapso.origin business_app: a coexistence echo), not through the Cloud API")
            return
        }
        if origin == .importedHistory {
            kind = .notWritten("imported history (kapso.origin history_sync): a copy of an older chat, not a message received now")
            return
        }
        guard message.isInbound else {
            kind = .notWritten("sent by the business")
            return
        }
        isReaction = message.type == "reaction"
        switch message.type {
        case "system":
            let system = json["system"]
            let type = system?["type"]?.string ?? "unknown"
            if type == "user_changed_number" || type == "customer_changed_number" {
                let named = (system?["wa_id"]?.string ?? system?["new_wa_id"]?.string).flatMap { $0.isEmpty ? nil : $0 }
                // A "new" number that is the sender's own (the same digits, or its other form: Brazil's ninth digit) is no
                // move: a message to it reaches them (probe35 P35-7: a reply to it was refused as "the old number").
                let own = named.flatMap { new in ContactNumber.match(new, message.contact ?? "").map { (new, $0) } }
                movedTo = own == nil ? named : nil
                leftNumber = own == nil
                noticeBody = named == nil ? system?["body"]?.string.flatMap { $0.isEmpty ? nil : $0 } : nil
                noticeType = type
                let same = own.map { new, match in
                    " to +\(new), " + (match == .sameDigits ? "the number it came from" : "another form of the number it came from (\(ContactNumber.reason(match)))")
                        + ", so no move"
                }
                kind = .notWritten(
                    "a system notification that the contact changed their number"
                        + (same ?? movedTo.map { " to +\($0)" } ?? ", new number not given") + " (\(type)), not the contact writing")
            } else if type == "user_changed_user_id" {
                newUserID = system?["user_id"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                kind = .notWritten(
                    "a system notification that the contact's business-scoped user id changed"
                        + (newUserID.map { " to \($0)" } ?? "") + " (user_changed_user_id), not the contact writing")
            } else {
                kind = .notWritten("a system notification (\(type)), not the contact writing")
            }
        case "revoke", "revoked", "edit":
            kind = .notWritten(Self.action(message.type) ?? message.type)
            opensUnknown = true
        case "unsupported" where Self.action(UnsupportedContent.type(of: json)) != nil:
            // The same action in Meta's other envelope (`unsupported` under 131051) gets the same answer (probe21 P21-6).
            kind = .notWritten(Self.action(UnsupportedContent.type(of: json)) ?? "")
            opensUnknown = true
            asUnsupported = true
        case "reaction" where Self.isRemoval(json["reaction"]?["emoji"]):
            kind = .notWritten("a reaction removed, not a new message")
        default:
            kind = MessageOrigin(message).isGroup ? .group : .written
        }
    }

    /// What an action on the chat is, when `type` (a message's `type`, or an `unsupported` message's `unsupported.type`)
    /// names one the contact did to an earlier message or to the chat rather than writing: `revoke`, `edit`, `pin`,
    /// `keep_in_chat`, `poll_update` (a vote); nil for anything else. Meta delivers edit and revoke as their own types
    /// (coexistence) or as `unsupported` with 131051 (unsupported messages webhook reference), and documents none of them
    /// as opening the window (it opens "when a user messages you"), so kops counts none of them, in either envelope.
    public static func action(_ type: String?) -> String? {
        switch type {
        case "revoke"?, "revoked"?: "the contact deleting an earlier message (revoke), not a new message"
        case "edit"?: "the contact editing an earlier message (edit), not a new message"
        case "pin"?: "the contact pinning a message in the chat (pin), an action, not a new message"
        case "keep_in_chat"?: "the contact keeping a disappearing message in the chat (keep_in_chat), an action, not a new message"
        case "poll_update"?: "the contact answering a poll (poll_update), not a new message"
        default: nil
        }
    }

    /// A reaction's `emoji` that removes it: empty or missing (Meta's reaction webhook).
    private static func isRemoval(_ emoji: JSONValue?) -> Bool {
        switch emoji {
        case nil, .null?: true
        case .string(let text)?: text.isEmpty
        default: false
        }
    }

    /// The time the message opens the 1:1 window: written by the contact 1:1 at a readable time; nil otherwise.
    public var opens: Int64? {
        guard kind == .written else { return nil }
        return time.seconds
    }

    /// `a reaction` when the contact's message that kops counts as opening the window (`opens`) is a reaction: Meta's
    /// reaction webhook reference (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/
    /// messages/reaction) gives its triggers and "when the customer sent the reaction", nothing on the window, and no other
    /// Meta page found says either way; kops counts it as the contact writing and every reading that leans on it says what
    /// it was (tester48's notes: "yet the contact's last inbound here was 30 min before the send" of a reaction). Nil
    /// for any other message.
    public var countedNote: String? { kind == .written && isReaction ? "a reaction" : nil }

    /// `countedNote` of the contact's message in `listed` (`sameContact` as `message`, or `message` itself) that opens at
    /// `time` (Unix seconds); nil when none does, or one that is not a reaction opens at that second too.
    public static func countedNote(at time: Int64?, by message: Message, among listed: [Message], now: Int64) -> String? {
        guard let time else { return nil }
        return countedNote(at: time, among: ([message] + listed.filter { sameContact($0, as: message) }).map { WindowEvidence($0, now: now) })
    }

    /// `countedNote` of the one kind of message among `evidence` (a contact's messages) that opens at `time`; nil otherwise.
    public static func countedNote(at time: Int64?, among evidence: [WindowEvidence]) -> String? {
        let opening = evidence.filter { $0.opens != nil && $0.opens == time }
        guard let note = opening.first?.countedNote, opening.allSatisfy({ $0.countedNote == note }) else { return nil }
        return note
    }

    /// What an action of undocumented effect (`opensUnknown`) is, and how it came: `the contact editing an earlier message
    /// (edit), not a new message, delivered as unsupported`; nil for any other message.
    public var unknownEffect: String? {
        guard opensUnknown, let what = notWritten else { return nil }
        return what + (asUnsupported ? ", delivered as unsupported" : "")
    }

    /// What the message is when the contact did not write it, nil when they did (1:1 or in a group).
    public var notWritten: String? {
        if case .notWritten(let what) = kind { return what }
        return nil
    }
}
