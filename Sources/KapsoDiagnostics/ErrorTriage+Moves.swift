public import KapsoClient

// MARK: - A 131026 sent after the contact changed number

extension ErrorTriage {
    /// A contact's move (`user_changed_number`) that 131026 rows were tied to, read from the messages `errors` listed:
    /// the number they moved to was not read, so the rows hedge on whether they wrote from it until `settle` gives the
    /// move followed there (`ContactWindow.Moved.followed(by:from:)`), as `reply`, `whois` and `trace` read it (probe33).
    public struct PendingMove: Sendable, Equatable {
        /// The business number and the contact's old number (digits) the sends went to.
        public var phoneNumberID: String
        public var contact: String
        public var moved: ContactWindow.Moved
    }

    /// What a tied row needs to be said again once its move is followed.
    struct MoveTie {
        var phoneNumberID: String
        var contact: String
        var moved: ContactWindow.Moved
        var sentAt: Int64
        var recipient: String
        var message: Message
        /// The row's meaning before the tie, for a move that no longer stands once followed (A→B→A).
        var untied: String
    }

    /// The moves of tied rows not yet followed, one per (number, contact), oldest row first.
    public var pendingMoves: [PendingMove] {
        var pending: [PendingMove] = []
        for index in moveTies.keys.sorted() {
            guard let tie = moveTies[index], !tie.moved.followed,
                !pending.contains(where: { $0.phoneNumberID == tie.phoneNumberID && ContactNumber.same($0.contact, tie.contact) })
            else { continue }
            pending.append(PendingMove(phoneNumberID: tie.phoneNumberID, contact: tie.contact, moved: tie.moved))
        }
        return pending
    }

    /// Says the rows tied to `pending` again with the move `followed` to the number the contact moved to; `followed` nil
    /// (the chain came back to the old number) unties them: their meaning is the code's again.
    public mutating func settle(_ pending: PendingMove, followed: ContactWindow.Moved?) {
        for (index, tie) in moveTies where tie.phoneNumberID == pending.phoneNumberID && ContactNumber.same(tie.contact, pending.contact) {
            if let followed, let text = Self.moveMeaning(followed, message: tie.message, sentAt: tie.sentAt, recipient: tie.recipient) {
                entries[index].meaning = text + entries[index].alsoGave
                moveTies[index]?.moved = followed
            } else {
                entries[index].meaning = tie.untied
                moveTies[index] = nil
            }
        }
    }

    /// Ties a 131026 on a send to a contact's old number, after their `user_changed_number`, to the move, as `trace`,
    /// `reply` and `conversations` read it (`ContactWindow.moved`, `ContactWindow.Moved.sendAfterMove`; probe21 P21-17):
    /// the meaning leads with the move instead of the generic 131026 advice, and keeps the status's other codes. Run
    /// after each page, as the notification may come on a later page than the failure (the failed page is read first).
    mutating func tieToMoves() {
        for index in entries.indices where entries[index].source == .message && !tied.contains(index) {
            let json = entries[index].json
            guard entries[index].statusWord == nil, entries[index].error.hasPrefix("131026"),
                let message = try? Message(json: json), message.isOutbound, let number = message.phoneNumberID,
                let contact = message.contact, let sentAt = message.time
            else { continue }
            // Read at the API's clock, with the messages to the contact that reached a device: a later message from or to
            // the old number, the failed one read after all included, supersedes the notice (P32-2).
            let recipient = json["to"]?.string ?? contact
            guard let moved = ContactWindow(
                phoneNumberID: number, contact: contact, conversations: [], inbound: inbound + reached + [message], at: now ?? sentAt
            ).moved, let text = Self.moveMeaning(moved, message: message, sentAt: sentAt, recipient: recipient)
            else { continue }
            tied.insert(index)
            moveTies[index] = MoveTie(
                phoneNumberID: number, contact: contact, moved: moved, sentAt: sentAt, recipient: recipient, message: message, untied: entries[index].meaning)
            entries[index].meaning = text + entries[index].alsoGave
        }
    }
}

extension ErrorTriage {
    /// What a 131026 on `message`, sent to the contact's old number after their move, means: the move
    /// (`ContactWindow.Moved.sendAfterMove`); or, when the message itself was reported reaching a device too (a conflict,
    /// P32-2), who it reached: `WhatsApp also reported it delivered (…), by whoever holds +A, not necessarily the
    /// contact: …`, as `trace` says a send to the old number reached (`ContactWindow.Moved.reachedAfterMove`; session 36).
    static func moveMeaning(_ moved: ContactWindow.Moved, message: Message, sentAt: Int64, recipient: String) -> String? {
        if let text = moved.sendAfterMove(code: "131026", sentAt: sentAt, to: recipient, messageID: message.id) { return text }
        guard let conflict = StatusHistory(message: message).conflict, moved.laterReach?.messageIDs.contains(message.id) == true,
            let holder = moved.reachedAfterMove(sentAt: sentAt, to: recipient)
        else { return nil }
        return "WhatsApp also reported it \(conflict.success.status) (\(MessageVerdict.when(conflict.success))), " + holder
    }
}
