public import KapsoClient

/// A reaction the contact sent, stamped more than `MessageTime.skew` before the message it reacts to was sent: one of the
/// two times is wrong, since a contact reacts only to a message their phone has (Meta, Reaction messages: the reaction
/// names "the message the customer reacted to", developers.facebook.com/documentation/business-messaging/whatsapp/
/// messages/reaction-messages). The reacted-to message's trace says so (`LaterEvidence.seen`); the reaction's own trace
/// says it too, and hedges the window it opened (tester66b X11: "received: 10:02", "window: opened by this message until
/// …" stated flat while the message it reacts to was sent at 10:31). If the reaction's stamp is the wrong one, it came
/// later and the window it opened lasts longer, so the stamp's window is the least it gives.
public struct ReactionStamp: Sendable, Equatable {
    /// The WAMID of the message reacted to.
    public var targetID: String
    /// When that message was sent (Unix seconds).
    public var targetAt: Int64
    /// How long before it the reaction is stamped (seconds).
    public var early: Int64

    /// The reading of `reaction` (an inbound reaction) against `target`, the message it names, read by its WAMID; nil when
    /// either time is unreadable (`MessageTime` at `now`), the reaction is no inbound reaction or the stamps agree.
    public static func of(_ reaction: Message, target: Message, now: Int64) -> ReactionStamp? {
        guard reaction.isInbound, reaction.type == "reaction",
            let named = reaction.json["reaction"]?["message_id"]?.string, StatusHistory.namesSameMessage(named, target.id),
            let at = MessageTime(reaction, now: now).seconds, let sent = MessageTime(target, now: now).seconds,
            sent - at > MessageTime.skew
        else { return nil }
        return ReactionStamp(targetID: target.id, targetAt: sent, early: sent - at)
    }

    /// `stamped 29 min before the message it reacts to (wamid.…, sent 2026-11-21T10:31:00Z): one of the two times is wrong`.
    public var note: String {
        "stamped \(Elapsed.text(early)) before the message it reacts to (\(targetID), sent \(KapsoTime.iso(targetAt))): one of "
            + "the two times is wrong"
    }

    /// The window's caveat: `this reaction is stamped … : if its own time is the wrong one, it came later and the window it
    /// opened lasts longer, so that is the least`.
    public var windowNote: String {
        "this reaction is " + note + ": if its own time is the wrong one, it came later and the window it opened lasts longer, "
            + "so that time is the least"
    }
}
