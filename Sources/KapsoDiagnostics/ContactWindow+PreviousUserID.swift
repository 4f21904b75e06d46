public import KapsoClient

// MARK: - The id a contact's business-scoped user id replaced

extension ContactWindow.UserIDChange {
    /// The contact's newest notice among `messages` that `id` is their new business-scoped user id (`user_changed_user_id`
    /// whose `system.user_id` is `id`), with the id it replaced: `system.previous_user_id`, else the notice's sender
    /// (`from_user_id`: Meta sends the notice under the id the business knew), else the other BSUID its `body` names. Nil
    /// when no notice names `id` so, or none names the old id.
    ///
    /// Such an id is the contact's current one, not an unknown id (tester56 Z5: `whois` denied knowing the id kops had
    /// told the user to write to, and `reply` called its window closed). Meta, System messages webhook reference
    /// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/system/, Aug 11,
    /// 2026): "user_changed_user_id — the user's BSUID changed. The notification reports only the BSUID change"; Meta,
    /// Business-scoped user IDs: a BSUID "uniquely identifies a WhatsApp user"; Kapso, Business-scoped user IDs
    /// (docs.kapso.ai/docs/whatsapp/business-scoped-user-ids): "Match users by BSUID first … Handle identity-change events
    /// (user_id_update, user_changed_user_id)". A new id is the same person, so their window goes on.
    public static func replacing(_ id: String, in messages: [Message]) -> Self? {
        notice(replacing: id, in: messages)?.change
    }

    /// `replacing`, with the notice itself: its sender's number (`contact`), when it has one, is the contact's too.
    public static func notice(replacing id: String, in messages: [Message]) -> (change: Self, notice: Message)? {
        var newest: (change: Self, notice: Message)?
        for message in messages where message.isInbound {
            let evidence = WindowEvidence(message, now: nil)
            guard evidence.newUserID == id else { continue }
            let system = message.json["system"]
            let body = system?["body"]?.string ?? ""
            let named = body.split(separator: " ").map(String.init).first { BusinessScopedUserID.isValid($0) && $0 != id }
            let candidates = [system?["previous_user_id"]?.string, message.userID, named]
            guard let old = candidates.compactMap({ $0 }).first(where: { BusinessScopedUserID.isValid($0) && $0 != id }) else { continue }
            let at = evidence.time.seconds
            if (newest?.change.at ?? .min) <= (at ?? .max) { newest = (Self(old: old, new: id, at: at), message) }
        }
        return newest
    }

    /// `US.…19 is their business-scoped user id since …Z (user_changed_user_id; was US.…18)`: the clause `whois` and `reply`
    /// say of the new id.
    public var sinceText: String {
        "since " + (at.map(KapsoTime.iso) ?? "a notice whose time cannot be read") + " (user_changed_user_id; was \(old))"
    }
}
