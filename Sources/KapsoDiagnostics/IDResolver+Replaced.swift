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
            guard let new, !ContactNumber.same(new, id), ours || (byUserID && body.contains(id)) else { continue }
            if (newest?.at ?? .min) <= (time ?? .max) {
                newest = (new, time, byUserID ? "user_changed_user_id" : "user_changed_number")
            }
        }
        if let newestWritten, let at = newest?.at, newestWritten > at { return nil }
        return newest
    }
}
