public import KapsoClient

// MARK: - A number or business-scoped user id the contact has left

extension IDResolver {
    /// The contact's newest notice that they left `id` (a number's digits, or a business-scoped user id with `byUserID`)
    /// among `facts.messages`: Meta's `user_changed_number` (new number in `system.wa_id`) or `user_changed_user_id` (new
    /// BSUID in `system.user_id`), filed in one of `conversationIDs` or naming `id` as the sender, when no message the
    /// contact wrote with `id` came after it. The rule `reply` refuses by (`ContactWindow.moved`,
    /// `ContactWindow.UserIDChange`), so `whois` of the old id says it is the old one (probe26 P26-4: `whois` called the
    /// old and the new BSUID the contact's current id). Meta, Business-scoped user IDs
    /// (https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids): the change notification's `body` is
    /// "User <name> changed from <OLD_BSUID> to <NEW_BSUID>".
    static func replacement(of id: String, byUserID: Bool, conversationIDs: Set<String>, facts: Facts)
        -> (new: String, at: Int64?, type: String)?
    {
        var newest: (new: String, at: Int64?, type: String)?
        var newestWritten: Int64?
        for message in facts.messages where message.isInbound {
            let evidence = WindowEvidence(message, now: nil)
            let time = evidence.time.seconds
            let ours = message.conversationID.map(conversationIDs.contains) == true
                || (byUserID ? false : ContactNumber.same(message.contact, id))
            if case .written = evidence.kind {
                let same = byUserID ? ContactNumber.same(message.userID, id) : ContactNumber.same(message.contact, id)
                if same, let time { newestWritten = max(newestWritten ?? time, time) }
                continue
            }
            let body = message.json["system"]?["body"]?.string ?? ""
            let new = byUserID ? evidence.newUserID : evidence.movedTo
            guard let new, ours || (byUserID && body.contains(id)) else { continue }
            if (newest?.at ?? .min) <= (time ?? .max) {
                newest = (new, time, byUserID ? "user_changed_user_id" : evidence.noticeType ?? "user_changed_number")
            }
        }
        // The newest notice moves them to `id` itself: it is theirs (ContactNumber.same, as `reply` reads it; P35-7).
        if let new = newest?.new, ContactNumber.same(new, id) { return nil }
        if let newestWritten, let at = newest?.at, newestWritten > at { return nil }
        // A later message from the number supersedes the notice (P32-2); a later send to it that was read does not, nor
        // does a conversation's `last_inbound_at`, which a message without the number filed there moves too (P19-4): the
        // rule `reply` reads (ContactWindow.Moved.reading; session 36).
        if !byUserID, case .stillTheirs = ContactWindow.Moved.reading(of: id, after: newest?.at, messages: facts.messages, now: facts.now) {
            return nil
        }
        return newest
    }
}

extension IDResolver {
    /// The contact's moves from `digits` (`replacement`), followed to the newest number (the notice that they left the new
    /// one too is filed under it, P28-3): the newest number and `they changed their number to +B at …, then to +C at …
    /// (user_changed_number), so this number is no longer theirs`. A next notice older than the move before it is one
    /// that move superseded, and a chain back to `digits` leaves it theirs again: nil (probe32 P32-2: A→B→A made `whois A`
    /// send the user to B, and `whois B` to A). Nil when they did not leave `digits`.
    ///
    /// Whether they wrote from the newest number is not said: `whois` reads the conversations of the number typed only.
    static func moves(from digits: String, conversationIDs: Set<String>, facts: Facts) -> (newest: String, text: String)? {
        guard let first = replacement(of: digits, byUserID: false, conversationIDs: conversationIDs, facts: facts) else { return nil }
        var chain = [first]
        while chain.count < 4, let next = replacement(of: chain[chain.count - 1].new, byUserID: false, conversationIDs: [], facts: facts),
            (next.at ?? .max) >= (chain[chain.count - 1].at ?? .min)
        {
            if ContactNumber.same(next.new, digits) { return nil }
            chain.append(next)
            // Back to a number of the chain (A→B→C→B): the newest notice names where they are.
            if chain.dropLast().contains(where: { ContactNumber.same($0.new, next.new) }) { break }
        }
        // A later send to this number that reached a device is said beside the move, as every command says it.
        var reach: ContactWindow.Moved.LaterReach?
        if case .left(let later) = ContactWindow.Moved.reading(of: digits, after: first.at, messages: facts.messages, now: facts.now) {
            reach = later
        }
        let text = "they changed their number to " + chain.map { step in
            "+\(step.new)" + (step.at.map { " at \(KapsoTime.iso($0))" } ?? "")
        }.joined(separator: ", then to ") + " (\(Set(chain.map(\.type)).sorted().joined(separator: ", ")))" + (reach.map { "; " + $0.text } ?? ", so this number is no longer theirs")
        return (chain[chain.count - 1].new, text)
    }
}

extension IDResolver {
    /// The contact number and the project's numbers whose windows `whois` reads (`Facts.contactWindows`) when the
    /// notices say the contact left `identity`'s number: the move is then read as `reply`, `trace` and `errors` read it,
    /// followed to the new number (whether they wrote from it, a chain back to this number), not from the 100 newest
    /// notices alone (probe33: `whois` could not see the contact writing from the new number). Nil otherwise, or once read.
    public static func contactMove(_ identity: Identity, facts: Facts) -> (contact: String, phoneNumberIDs: [String])? {
        guard identity.kind == .contactNumber, facts.contactWindows == nil, let digits = identity.contacts.first?.phoneNumber,
            !identity.phoneNumberIDs.isEmpty,
            moves(from: digits, conversationIDs: Set(facts.conversations.filter { ContactNumber.same($0.contact, digits) }.map(\.id)), facts: facts)
                != nil
        else { return nil }
        return (digits, identity.phoneNumberIDs)
    }
}
