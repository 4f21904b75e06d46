internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// A failed send the contact then quoted or reacted to, read from the contact's inbound listing (`listed`, the trace's
    /// own): a contact can only quote or react to a message their phone has (`LaterEvidence`), so it reached them, and
    /// "retry" would send them a duplicate (tester48 F9: an OTP failed 131026 with a 👍 to it read "failed … do not retry
    /// … ask the contact to update WhatsApp"). Nil for a send with no failure, or no quote or reaction of it.
    static func reachedAfterFailure(_ message: Message, _ listed: JSONValue, _ client: KapsoClient, _ now: Int64) -> LaterEvidence? {
        guard !StatusHistory(message: message).failures.isEmpty, let page = try? client.messages(from: listed) else { return nil }
        return LaterEvidence.of(message, among: page.items, now: now).flatMap { $0.reachedThisMessage ? $0 : nil }
    }

    /// What the contact wrote under their BSUID alone, which Kapso's listing by number leaves out (`UserIDInbound`,
    /// tester48 F5): listed by the BSUID the traced message's conversation (its answer `conversation`) names; empty without one.
    static func writtenByUserID(_ message: Message, conversation: JSONValue?, _ client: KapsoClient) -> [Message] {
        guard let contact = message.contact, let number = message.phoneNumberID,
            let read = conversation.flatMap({ try? Conversation(fromResponse: $0) })
        else { return [] }
        return UserIDInbound.messages(of: [read], contact: contact, phoneNumberID: number, listed: [], limit: 100, client: client)
    }
}
