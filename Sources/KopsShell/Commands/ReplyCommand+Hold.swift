internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Recent failures that say not to resend now

extension ReplyCommand {
    /// The contact's newest messages on the number, both directions (one listing of 100), for `ResendHold`; another
    /// contact's messages that `phone_number`'s partial match lists are left out. Nil when the listing fails: no hold is
    /// then said (the send's own answer stands).
    static func contactMessages(_ target: Target, in context: ShellContext) -> [Message]? {
        let byUserID = BusinessScopedUserID.isValid(target.contact)
        let key = byUserID ? ("business_scoped_user_id", target.contact) : ("phone_number", ContactNumber.searchKey(target.contact))
        guard let page = try? context.client.messages(filters: [("phone_number_id", target.phoneNumberID), key], limit: 100) else { return nil }
        return byUserID ? page.items : page.items.filter { message in
            ContactNumber.same(message.json["to"]?.string ?? message.contact, target.contact) || ContactNumber.same(message.contact, target.contact)
        }
    }

    /// What `ResendHold` says of sending `sending` to the target now: a hold refuses the send, dry run included, unless
    /// `force` (then its note); a hold that does not refuse (the wait has passed, a single failure) is a note. Throws
    /// `ReplyError.held`; the notes are returned.
    static func resendHold(_ hold: ResendHold?, target: Target, force: Bool) throws -> [String] {
        guard let hold else { return [] }
        guard hold.holds else { return ["\(target.label): \(hold.statement)"] }
        let error = ReplyError.held(contact: target.label, hold: hold)
        guard force else { throw error }
        return error.forcedNote.map { [$0] } ?? []
    }
}
