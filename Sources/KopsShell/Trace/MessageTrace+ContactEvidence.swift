internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// A failed send the contact then quoted or reacted to, read from the contact's inbound listing (`listed`, the trace's
    /// own): a contact can only quote or react to a message their phone has (`LaterEvidence`), so it reached them, and
    /// "retry" would send them a duplicate (tester48 F9: an OTP failed 131026 with a 👍 to it read "failed … do not retry
    /// … ask the contact to update WhatsApp"). Nil for a send with no failure, or no quote or reaction of it.
    static func reachedAfterFailure(_ message: Message, _ listed: [Message], _ now: Int64) -> LaterEvidence? {
        guard !StatusHistory(message: message).failures.isEmpty else { return nil }
        return LaterEvidence.ofFailedSend(message, among: listed, now: now)
    }

    /// What the contact wrote under their BSUID alone, which Kapso's listing by number leaves out (`UserIDInbound`,
    /// tester48 F5): listed by the BSUID the traced message's conversation (its answer `conversation`) names; empty without one.
    static func writtenByUserID(_ message: Message, conversation: JSONValue?, _ client: KapsoClient) -> [Message] {
        guard let contact = message.contact, let number = message.phoneNumberID,
            let read = conversation.flatMap({ try? Conversation(fromResponse: $0) })
        else { return [] }
        return UserIDInbound.messages(of: [read], contact: contact, phoneNumberID: number, listed: [], limit: 100, client: client)
    }

    /// The inbound messages of the traced message's conversation, read when Kapso's conversation names a last inbound
    /// (`kapso.last_inbound_at`) that no message of `listed` (the listing by the contact's number and by BSUID) has: a
    /// message of the contact that names no number and no BSUID (Kapso's `phone_number` null) is in the conversation but
    /// not in those listings. `errors` reads the number's messages, conversation included (`WindowEvidence.sameContact`),
    /// and said "last inbound 29 min before the send" where `trace` said 31 (tester62 AL5); now both read the same
    /// messages. Empty for a message the business did not send, when Kapso's last inbound is after the send, when the
    /// listing already holds it, without a conversation, or when the read fails; one request more, only then. Source: the messages list filters by `conversation_id` (kapso-api.md §7.1).
    static func unlistedConversationInbound(
        _ message: Message, conversation: JSONValue?, listed: [Message], _ client: KapsoClient
    ) -> [Message] {
        // Only a send's window is judged from an earlier inbound, and only one at or before the send can have opened it.
        guard message.isOutbound, message.contact != nil, let id = message.conversationID, let number = message.phoneNumberID,
            let sent = message.time, let read = conversation.flatMap({ try? Conversation(fromResponse: $0) }),
            let last = read.lastInboundAt.flatMap({ KapsoTime.seconds(iso: $0) }), last <= sent + SendWindow.clockSkew
        else { return [] }
        // Kapso's time and the message's timestamp are both whole seconds; one second apart is the same message.
        guard !listed.contains(where: { $0.isInbound && $0.time.map { abs($0 - last) <= 1 } == true }) else { return [] }
        let request = client.messagesRequest(
            filters: [("phone_number_id", number), ("conversation_id", id), ("direction", "inbound")], limit: 100)
        let found = client.messagePages([request]).first.flatMap { $0 }?.items ?? []
        return found.filter { other in !listed.contains { $0.id == other.id } }
    }

    /// A reaction refused with 131009: the message it reacts to, read by its WAMID, says which of Meta's causes applies
    /// (its age, a reaction, another conversation's, deleted, not in the project), with its edits and revokes among
    /// `listed` (the contact's messages); one read more, only for such a failure. Nil for any other message, or when the
    /// read fails otherwise than "not found".
    /// An inbound reaction: the message it reacts to, read by its WAMID, says whether the reaction is stamped before that
    /// message was sent (`ReactionStamp`); one read more, only for a reaction. Nil for any other message or a failed read.
    static func reactionStamp(of message: Message, _ client: KapsoClient, now: Int64) -> ReactionStamp? {
        guard message.isInbound, message.type == "reaction", let target = message.json["reaction"]?["message_id"]?.string,
            let reacted = try? MessageLookup.first((try? WAMID.lookups(target).get()) ?? [target], client: client)
        else { return nil }
        return ReactionStamp.of(message, target: reacted, now: now)
    }

    static func reactionTarget(of message: Message, listed: [Message], _ client: KapsoClient) -> ReactionTarget? {
        guard message.type == "reaction", let target = message.json["reaction"]?["message_id"]?.string,
            StatusHistory(message: message).failures.contains(where: { $0.errors.contains { $0.code == "131009" } })
                || MessageError.carried(by: message.json).contains(where: { $0.code == "131009" })
        else { return nil }
        do throws(KapsoAPIError) {
            let reacted = try MessageLookup.first((try? WAMID.lookups(target).get()) ?? [target], client: client)
            return ReactionTarget.of(message, target: reacted, changes: MessageChange.of(reacted.id, in: listed))
        } catch .messageNotFound {
            return .notInProject
        } catch {
            return nil
        }
    }
}
