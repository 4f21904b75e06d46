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

    /// A reaction refused with 131009: the message it reacts to, read by its WAMID, says which of Meta's causes applies
    /// (its age, a reaction, another conversation's, deleted, not in the project), with its edits and revokes among
    /// `listed` (the contact's messages); one read more, only for such a failure. Nil for any other message, or when the
    /// read fails otherwise than "not found".
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
