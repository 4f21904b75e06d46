internal import KapsoClient
internal import KapsoDiagnostics

/// The inbound messages a contact known by phone number wrote under their business-scoped user id (BSUID) alone.
///
/// Meta withholds the number of a user who set a username: their messages come with `from_user_id` and no `from`
/// (kapso-api.md §7.3 and §10.6 "Don't assume `from`, `phone_number` or `wa_id` are present"; 360dialog, "Usernames &
/// BSUID": "the phone number is withheld from businesses in webhook payloads"), so Kapso's listing by `phone_number`
/// leaves them out, and a window judged from it was "closed" while the person wrote 30 minutes before (tester48 F5).
/// Kapso's conversation of the pair names the BSUID (`business_scoped_user_id`); its messages are listed by it (§7.1).
enum UserIDInbound {
    /// The inbound messages on `phoneNumberID` listed by each BSUID the pair's `conversations` name (at most two
    /// listings of `limit`), less those already `listed`; empty when no conversation of the pair names one, or a
    /// listing fails (the window is then judged from what was read, as before).
    static func messages(
        of conversations: [Conversation], contact: String, phoneNumberID: String, listed: [Message], limit: Int, client: KapsoClient
    ) -> [Message] {
        var userIDs: [String] = []
        for conversation in conversations
        where conversation.phoneNumberID == phoneNumberID && ContactNumber.same(conversation.contact, contact) {
            if let id = conversation.businessScopedUserID, !userIDs.contains(id) { userIDs.append(id) }
        }
        var seen = Set(listed.map(\.id))
        var found: [Message] = []
        // Side by side, one round trip (`KapsoClient.sendAll` waits out a short 429 as a listing alone does).
        let requests = userIDs.prefix(2).map { id in
            client.messagesRequest(
                filters: [("phone_number_id", phoneNumberID), ("business_scoped_user_id", id), ("direction", "inbound")], limit: limit)
        }
        for page in client.messagePages(requests) {
            for message in page?.items ?? [] where seen.insert(message.id).inserted { found.append(message) }
        }
        return found
    }
}
