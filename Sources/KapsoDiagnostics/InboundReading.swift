public import KapsoClient

/// A number's inbound messages as `ContactWindow` reads them, with what each says of its pair read once: its direction,
/// phone-number id, contact and user ids (`Message.isInbound`, `contact`, `userID`, `parentUserID`, each derived from
/// the message's JSON) and the contact's digits and other forms (`ContactNumber.Prepared`). A list of conversations
/// judges every row's window against its number's newest 100 inbound messages (`ConversationWindows`): each row read
/// all of them again, about 21 M instructions a row, so `conversations --all` as a table cost ~50 times its JSON
/// (tester63 AN7). Made once per number, it answers every row as the messages themselves do.
public struct InboundReading: Sendable {
    /// The messages read, newest first (`RecentInbound.messages`).
    public let messages: [Message]
    /// True when no page followed: the listing was read to its end.
    public let complete: Bool
    /// What each message of `messages` (same index) says of its pair.
    let facts: [Facts]
    /// `coverage(at:)` worked out for one time (`prepare(at:)`), for the rows judged at it.
    private var prepared: (at: Int64, read: ContactWindow.InboundRead)?

    struct Facts: Sendable {
        var isInbound: Bool
        var phoneNumberID: String?
        /// `Message.contact`.
        var contact: ContactNumber.Prepared?
        /// `Message.userID`, as text and read as a number.
        var userID: String?
        var preparedUserID: ContactNumber.Prepared?
        var parentUserID: String?
        var conversationID: String?
    }

    public init(messages: [Message], complete: Bool) {
        self.messages = messages
        self.complete = complete
        facts = messages.map { message in
            let userID = message.userID
            return Facts(
                isInbound: message.isInbound, phoneNumberID: message.phoneNumberID, contact: message.contact.map(ContactNumber.Prepared.init),
                userID: userID, preparedUserID: userID.map(ContactNumber.Prepared.init), parentUserID: message.parentUserID,
                conversationID: message.conversationID)
        }
    }

    /// Works out `coverage(at:)` once, for the windows judged at `at`.
    public mutating func prepare(at: Int64) {
        prepared = (at, coverage(at: at))
    }

    /// Whether the messages cover the window at `at` and how far back they reach (`RecentInbound`).
    func coverage(at: Int64) -> ContactWindow.InboundRead {
        if let prepared, prepared.at == at { return prepared.read }
        let recent = RecentInbound(messages: messages, complete: complete)
        return ContactWindow.InboundRead(covers: recent.coversWindow(at: at), reachesBack: recent.reachesBack(at: at))
    }
}

extension ContactWindow {
    /// The window of `contact` on `phoneNumberID` from `inbound` read as they are (`init(phoneNumberID:contact:
    /// conversations:reading:unread:refusedSends:at:)`, which has the rules).
    public init(
        phoneNumberID: String, contact: String, conversations: [Conversation], inbound: [Message]?, inboundComplete: Bool = true,
        unread: String? = nil, refusedSends: [Message] = [], at: Int64
    ) {
        self.init(
            phoneNumberID: phoneNumberID, contact: contact, conversations: conversations,
            reading: inbound.map { InboundReading(messages: $0, complete: inboundComplete) }, unread: unread, refusedSends: refusedSends,
            at: at)
    }
}
