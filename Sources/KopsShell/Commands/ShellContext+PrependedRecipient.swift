internal import KapsoClient
internal import KapsoDiagnostics

/// Whom the statuses of a send to a `to` without `+` are about (`PrependedRecipient`): Meta completes it with the sending
/// number's calling code, and the number it makes is the contact's only when it is their own number (tester67 Y3,
/// tester67b Z0). Read only for a send that may be one (`PrependedRecipient.isCandidate`, a string test), so an ordinary
/// listed send costs nothing more.
extension ShellContext {
    /// `message` read as such a send: its sending number from the numbers this session read, else one read of it (kept);
    /// the contact's own number from `conversation` (else one read of the message's conversation) and from the `from` of
    /// the conversation's messages they wrote (one listing). Nil when `message` is no such send, or its sending number
    /// cannot be read (the statuses stay "another recipient's", hedged).
    func prependedRecipient(of message: Message, conversation: Conversation? = nil) -> PrependedRecipient? {
        var contacts: [String: [(number: String, source: String)]] = [:]
        return prependedRecipient(of: message, conversation: conversation, contacts: &contacts)
    }

    /// `prependedRecipient(of:)` of each of `messages` that is such a send, by message id; each conversation read once.
    func prependedRecipients(of messages: [Message]) -> [String: PrependedRecipient] {
        var found: [String: PrependedRecipient] = [:]
        var contacts: [String: [(number: String, source: String)]] = [:]
        for message in messages {
            if let prepended = prependedRecipient(of: message, conversation: nil, contacts: &contacts) { found[message.id] = prepended }
        }
        return found
    }

    /// `prependedRecipient(of:conversation:)` with the contact numbers read so far, by conversation id.
    private func prependedRecipient(
        of message: Message, conversation: Conversation?, contacts: inout [String: [(number: String, source: String)]]
    ) -> PrependedRecipient? {
        guard PrependedRecipient.isCandidate(message), let sender = sendingNumber(of: message),
            PrependedRecipient(message, sender: sender, contacts: []) != nil
        else { return nil }
        let key = message.conversationID ?? ""
        let own = contacts[key] ?? contactNumbers(of: message, conversation: conversation)
        contacts[key] = own
        return PrependedRecipient(message, sender: sender, contacts: own)
    }

    /// The sending number's digits (`PrependedRecipient.senderDigits`), nil when they cannot be read.
    func sendingNumber(of message: Message) -> String? {
        guard let id = message.phoneNumberID else { return nil }
        let number: PhoneNumber
        if let cached = ids.phoneNumbers[id] {
            number = cached
        } else {
            guard let read = try? client.phoneNumber(id) else { return nil }
            ids.rememberNumber(read)
            number = read
        }
        return PrependedRecipient.senderDigits(of: number)
    }

    /// The contact's own numbers with where each was read: the conversation's phone number, and the `from` (wa_id) of the
    /// messages they wrote in it 1:1 before the send. Empty when the message names no conversation or time, when a notice that
    /// the contact changed their number came before the send, or when the contact wrote nothing in it before the send: a
    /// conversation the send itself opened may carry the number Meta made of the `to` (its wa_id in the send's answer),
    /// which is no evidence of whom the business meant (the Z0 trap again, read off the conversation).
    private func contactNumbers(of message: Message, conversation given: Conversation?) -> [(number: String, source: String)] {
        guard let id = message.conversationID, let sent = message.time else { return [] }
        var written: [(number: String, source: String)] = []
        let inbound = (try? client.messages(filters: [("conversation_id", id), ("direction", "inbound")], limit: 20))?.items ?? []
        // Only what was written before the send: a reply after it may be the very stranger it reached (tester68b B3: "who
        // is this?" from +444155550402 made that number "the contact's own").
        let before = inbound.filter { $0.isInbound && $0.conversationID == id && ($0.time ?? .max) < sent }
        // A notice that the contact left a number: the numbers written from before it may be someone else's now, so none
        // is taken for the contact's own (tester68b B1: a send to the old number, written without +, read as the contact's).
        if before.contains(where: { WindowEvidence($0, now: nil).leftNumber }) { return [] }
        // A group member's message is no evidence of the contact's own number (tester68b B4): its `from` is a participant.
        for message in before where message.type != "system" && MessageOrigin(message).groupID == nil {
            guard let from = message.json["from"]?.string, !from.isEmpty else { continue }
            let at = message.time.map { " at \(KapsoTime.iso($0))" } ?? ""
            written.append((from, "the wa_id of a message they wrote\(at)"))
        }
        guard !written.isEmpty else { return [] }
        guard let number = (given ?? (try? client.conversation(id)))?.contact else { return written }
        return [(number, "the conversation's phone number")] + written
    }
}
