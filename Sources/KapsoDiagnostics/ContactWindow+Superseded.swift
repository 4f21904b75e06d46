public import KapsoClient

// MARK: - What a number-change notice no longer says

extension ContactWindow.Moved {
    /// The newest sign, after a notice that the contact left `old` at `movedAt` (`user_changed_number`), that `old` still
    /// reaches them: a message they wrote from it, a message to it that Meta reported `delivered`, `read` or `played`, or a
    /// conversation of it whose `kapso.last_inbound_at` is later and is not the time of a notification (Kapso files those
    /// as inbound). Nil when there is none, or when the notice has no time to compare with. Every reader of a move asks
    /// this one rule (`ContactWindow`, `IDResolver.replacement`, the 131026 reading `sendAfterMove`), so `reply`, `whois`,
    /// `trace` and `errors` agree (probe32 P32-2: a 131026 blamed on a move for a message read 10 s later, with five
    /// more messages from the "old" number after the notice).
    ///
    /// Meta's notice only says the user "changed from X to Y" at that time (Cloud API webhooks reference, messages →
    /// `system`, https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/reference/messages/system/); it says
    /// nothing of later events, so a later message from or to the number is the newer fact.
    public static func stillReached(_ old: String, after movedAt: Int64?, messages: [Message], conversations: [Conversation] = [])
        -> Int64?
    {
        guard let movedAt else { return nil }
        var newest: Int64?
        var notices: Set<Int64> = []
        func saw(_ time: Int64?) {
            if let time, time > movedAt { newest = max(newest ?? time, time) }
        }
        for message in messages {
            if message.isInbound {
                let evidence = WindowEvidence(message, now: nil)
                guard case .written = evidence.kind else {
                    if let time = evidence.time.seconds { notices.insert(time) }
                    continue
                }
                if ContactNumber.same(message.contact, old) { saw(evidence.time.seconds) }
            } else if message.isOutbound, ContactNumber.same(message.contact, old) {
                for event in StatusHistory(message: message).events
                where StatusWord(event.status).reachedDevice && (event.recipient.map { ContactNumber.same($0, old) } ?? true) {
                    saw(event.time)
                }
            }
        }
        for conversation in conversations where ContactNumber.same(conversation.contact, old) {
            guard case .time(let time, _) = ZonelessTime.read(field: conversation.json["kapso"]?["last_inbound_at"]), !notices.contains(time)
            else { continue }
            saw(time)
        }
        return newest
    }
}

extension ContactWindow.Moved {
    /// This move followed to the records of `number` (`next`, the window read for it): whether the contact wrote from
    /// it since the move, and its own move when they left it too (already followed). Kapso files a contact's messages per
    /// number (kapso-api.md §8.3 `phone_number`), so their messages from the new number sit in another conversation.
    ///
    /// Nil when the chain returns to `origin`, the number looked at: the newest notice moves them back to it, so it is
    /// theirs again (probe32 P32-2: A→B→A sent the user round in a circle). A move out of `number` older than this move
    /// into it is an earlier notice that this one superseded, not a next step (P28-3's chain read it as A→B→A→B).
    public func followed(by next: ContactWindow, from origin: String) -> Self? {
        var moved = self
        moved.followed = true
        moved.readAt = next.at
        // A message written before they moved to `number` says nothing of writing from it since.
        moved.wroteAt = next.messageInbound.flatMap { wrote in at.map { wrote > $0 } ?? true ? wrote : nil }
        guard var further = next.moved, (further.leftAt ?? .max) >= (at ?? .min),
            !(further.through.map(\.number) + [further.number]).contains(where: { ContactNumber.same($0, number) })
        else { return moved }
        if ContactNumber.same(further.number, origin) { return nil }
        further.through = moved.through + [Hop(number: number, at: at, wroteAt: moved.wroteAt)] + further.through
        return further
    }
}
