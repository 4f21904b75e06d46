internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// What the project holds of one contact number on one phone number: its conversations and its newest messages,
/// read at once (one round trip), for `reply --to` to tell a contact's number written without `+` from a national one.
struct ContactRecords {
    /// Kapso's conversations whose contact number contains the digits' search key (a partial match, kapso-api.md §8.1):
    /// other contacts' too, for the caller to filter.
    var conversations: [Conversation]
    /// The newest messages (either direction) whose contact number contains the digits; empty when the listing failed
    /// (the conversations still count).
    var messages: [Message]

    /// Messages read at most.
    static let messageLimit = 20

    /// The records of `digits` on `phoneNumberID`, its messages only with `messages`; throws when the conversations
    /// cannot be read.
    static func load(_ digits: String, phoneNumberID: String, messages: Bool, in context: ShellContext) throws -> ContactRecords {
        let client = context.client
        // A partial match on the key finds both forms of a Brazilian or Mexican number (ContactNumber).
        let filters = [("phone_number_id", phoneNumberID), ("phone_number", ContactNumber.searchKey(digits))]
        let requests = [client.conversationsRequest(filters: filters, limit: 20)]
            + (messages ? [client.messagesRequest(filters: filters, limit: messageLimit)] : [])
        let responses = client.sendAll(requests)
        func json(_ index: Int) throws(KapsoAPIError) -> JSONValue {
            switch responses[index] {
            case .success(let response): try client.decode(response, for: requests[index])
            case .failure(let error): throw .transport(error)
            }
        }
        let conversations = try Page.decode(try json(0), item: Conversation.init(json:)).items
        let listed = messages ? (try? client.messages(from: try json(1)).items) ?? [] : []
        return ContactRecords(conversations: conversations, messages: listed)
    }

    /// True when a conversation or message is with `digits` (`ContactNumber.same`: its other form counts).
    func contains(_ digits: String) -> Bool {
        conversations.contains { ContactNumber.same($0.contact, digits) }
            || messages.contains { ContactNumber.same($0.contact, digits) }
    }
}
