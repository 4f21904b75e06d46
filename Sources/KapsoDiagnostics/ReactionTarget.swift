public import KapsoClient

/// What the data shows of the message a reaction reacts to (`reaction.message_id`), for Meta's 131009 on that reaction:
/// "If the message you are reacting to is more than 30 days old, doesn't correspond to any message in the conversation,
/// has been deleted, or is itself a reaction message, the reaction message will not be delivered and you will receive a
/// messages webhook with error code 131009" (Meta, Reaction messages, developers.facebook.com/documentation/
/// business-messaging/whatsapp/messages/reaction-messages). `trace` reads that message by its WAMID and `errors` finds it
/// among the messages it read, and both say the cause the data shows, or that it cannot tell (probe39 P39-12).
///
/// `ReactionTarget.of(reaction, target: old, changes: [])` → `.tooOld(age: 3_456_030, at: …)`;
/// `.advice("wamid.…")` → `a reaction: the message it reacts to (wamid.…, 2026-10-12T10:00:00Z) was 40 days old when the
/// reaction was sent; Meta refuses reactions to messages over 30 days old: …`.
public enum ReactionTarget: Sendable, Equatable {
    /// Older than Meta's 30 days when the reaction was sent: `age` seconds, the message's time `at` (Unix seconds).
    case tooOld(age: Int64, at: Int64)
    /// The message reacted to is itself a reaction.
    case isReaction
    /// The message is another pair's: `whose` names its contact and number (`a message with +14155550999 on 100200300400502`).
    case otherConversation(whose: String)
    /// The message was deleted: by the contact (a revoke naming it, `MessageChange`) or a `deleted` status; `at` when known.
    case deleted(at: Int64?)
    /// Kapso has no message with that WAMID in this project (it answered 404 for it).
    case notInProject
    /// The message is there, in this conversation, no reaction, not deleted as far as kops sees, and under 30 days old (or
    /// of unknown age): none of Meta's causes shows in the data. `age` and `at` as for `tooOld`, nil when unknown.
    case noCauseShown(age: Int64?, at: Int64?)

    /// Meta's limit on the age of a message a reaction may react to: 30 days, in seconds.
    public static let ageLimit: Int64 = 30 * 86_400

    /// The reading of `target` (the message `reaction` reacts to, as read), the first of Meta's causes the data shows;
    /// `changes` are the edits and revokes read that may name it (`MessageChange.of`). Nil for a message that is no reaction.
    public static func of(_ reaction: Message, target: Message, changes: [MessageChange] = []) -> ReactionTarget? {
        guard reaction.type == "reaction" else { return nil }
        let age = reaction.time.flatMap { sent in target.time.map { sent - $0 } }
        if let age, let at = target.time, age > ageLimit { return .tooOld(age: age, at: at) }
        if target.type == "reaction" { return .isReaction }
        if !sameConversation(reaction, target) {
            let contact = (target.isInbound ? target.contact : target.json["to"]?.string ?? target.contact).map { "+\($0.filter(\.isNumber))" }
            return .otherConversation(
                whose: "a message " + (contact.map { "with \($0) " } ?? "") + "on " + (target.phoneNumberID ?? "another number"))
        }
        if let deleted = changes.first(where: { $0.kind == .deleted }) { return .deleted(at: deleted.time) }
        if let event = StatusHistory(message: target).events.first(where: { StatusWord($0.status) == .deleted }) { return .deleted(at: event.time) }
        return .noCauseShown(age: age, at: target.time)
    }

    /// The same business number (when both name one) and the same contact (either form of the number, or the user id).
    static func sameConversation(_ reaction: Message, _ target: Message) -> Bool {
        if let a = reaction.phoneNumberID, let b = target.phoneNumberID, a != b { return false }
        let contact = reaction.isInbound ? reaction.contact : reaction.json["to"]?.string ?? reaction.contact
        let other = target.isInbound ? target.contact : target.json["to"]?.string ?? target.contact
        guard let contact, let other else { return true }
        return ContactNumber.same(contact, other) || ContactNumber.same(reaction.userID, target.userID)
    }

    /// The 131009 advice on a reaction to `id` given this reading.
    public func advice(_ id: String) -> String {
        let instead = "react to a recent message of the contact, or reply instead"
        switch self {
        case .tooOld(let age, let at):
            return "a reaction: the message it reacts to (\(id), \(KapsoTime.iso(at))) was \(age / 86_400) days old when the "
                + "reaction was sent; Meta refuses reactions to messages over 30 days old: \(instead)"
        case .isReaction:
            return "a reaction: the message it reacts to (\(id)) is itself a reaction, and Meta refuses reactions to reactions: "
                + "react to the message that reaction is on, or reply instead"
        case .otherConversation(let whose):
            return "a reaction: the message it reacts to (\(id)) is not in this conversation (it is \(whose)), and Meta refuses "
                + "reactions to messages outside the conversation: \(instead)"
        case .deleted(let at):
            return "a reaction: the message it reacts to (\(id)) was deleted" + (at.map { " (at \(KapsoTime.iso($0)))" } ?? "")
                + ", and Meta refuses reactions to deleted messages: reply instead"
        case .notInProject:
            return "a reaction: Kapso has no message \(id) in this project (404), so it is likely not in this conversation or "
                + "was deleted; Meta answers 131009 for those, and for a message over 30 days old or itself a reaction: \(instead)"
        case .noCauseShown(let age, let at):
            let when = at.map { ", \(KapsoTime.iso($0))" } ?? ""
            let old = age.map { ", \($0 / 86_400) days old then" } ?? ""
            return "a reaction: Meta answers 131009 when the message it reacts to is over 30 days old, deleted, itself a "
                + "reaction, or not in this conversation, and the data shows none of these for it (\(id)\(when)\(old)), so kops "
                + "cannot tell which applies (a deletion kops did not see is one): \(instead)"
        }
    }

    /// The 131009 advice on a reaction to `id` when the message it reacts to was not read: Meta's causes, none chosen.
    public static func unread(_ id: String) -> String {
        "a reaction: Meta answers 131009 when the message it reacts to (\(id)) is over 30 days old, was deleted, is itself a "
            + "reaction, or is not in this conversation: react to a recent message of the contact, or reply instead"
    }
}
