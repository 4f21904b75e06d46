internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Target

extension ReplyCommand {
    /// Who the reply goes to and what it quotes.
    struct Target {
        var contact: String
        var label: String
        var phoneNumberID: String
        var conversation: Conversation?
        var quotedID: String?
        /// Every conversation of the contact on the number, when resolving already listed them (`--to`).
        var contactConversations: [Conversation]?
        /// The message replied to, when there is one: an inbound one is evidence of the window.
        var message: Message? = nil
    }

    /// Why the target's contact is no longer reached where the reply would go, from the pair's records: the contact moved
    /// to another number (`user_changed_number`: the old one reaches nobody, or someone else), or Meta regenerated their
    /// business-scoped user id (`user_changed_user_id`, probe26 P26-4). Each is a refusal unless `--force`, for a text
    /// and a template alike (a template to the old number reaches nobody too); empty when neither happened.
    static func contactChanges(_ window: ContactWindow, of target: Target) -> [ReplyError] {
        var changes: [ReplyError] = []
        if let moved = window.moved { changes.append(.contactMoved(contact: target.label, moved: moved)) }
        if let change = window.userIDChanged { changes.append(.userIDChanged(contact: target.label, change: change)) }
        return changes
    }

    /// The 24-hour window of the (phone number, contact) pair: Meta's window follows the contact's newest message
    /// to the number, in whichever of Kapso's conversations it landed (Kapso ends and opens conversations on its
    /// own), so every conversation of the contact on the number is read, and the contact's inbound messages too
    /// (Kapso's `last_inbound_at` may be null while the message is there). With `elsewhere`, a closed window also
    /// reads where else the contact wrote (one more request), which a text reply names and a template does not need.
    /// The sending number's health comes in the same round trip: a number that cannot send now is refused (`SenderState`).
    /// `template`: the send is a template, which messaging health's blocks read as business-initiated when the window is
    /// closed (P41-5).
    static func contactWindow(_ target: Target, elsewhere: Bool, template: Bool = false, in context: ShellContext) throws -> ContactWindow {
        try ContactWindowLookup.load(
            phoneNumberID: target.phoneNumberID, contact: target.contact, known: target.conversation.map { [$0] } ?? [],
            knownMessages: target.message.map { [$0] } ?? [], listedConversations: target.contactConversations, in: context,
            elsewhere: elsewhere, senderHealth: true, template: template, sends: !template)
    }

    /// The refusal of a send from a number whose state sends nothing (`SenderState.cannotSend`: DISCONNECTED, BANNED, …),
    /// dry run included, as the other refusals; nil otherwise (`--force` turns it into `ReplyError.forcedNote`).
    static func senderRefusal(_ window: ContactWindow) -> ReplyError? {
        guard let state = window.senderState, state.cannotSend else { return nil }
        return .senderCannotSend(state)
    }

    /// Who `reply` writes to: `--to`'s contact, else `message`'s (`--message`) or the last message's, else the last
    /// conversation's. The last message used is named on a recorded line (`--message <message 1>`), so the reply
    /// replays without the session before the recording (probe18 P18-27, as `trace` does).
    static func resolve(
        to: (typed: String, number: PhoneNumberText)?, message given: String? = nil, quote: Bool, in context: ShellContext
    ) throws -> Target {
        let session = context.session
        let client = context.client
        if let to {
            let numbers = try client.allPhoneNumbers()
            // Kept for the window's reading of a recipient that is another of the project's numbers (`ContactWindow.ownNumber`).
            context.ids.rememberAllNumbers(numbers)
            // A selected number of another project has no records here: say so, not "no inbound message" (P9-5).
            let phoneNumberID = try context.selectedPhoneNumber(numbers: numbers)
            // The contact's conversations and messages are read first only when the number may lack its country code.
            var found: ContactRecords?
            let problem = try IDResolver.notAContact(to.number, typed: to.typed, numbers: numbers, sender: phoneNumberID) {
                let records = try ContactRecords.load(to.number.digits, phoneNumberID: phoneNumberID, messages: true, in: context)
                found = records
                return records.contains(to.number.digits)
            }
            if let problem { throw ReplyError.notAContact(problem) }
            let to = to.number.digits
            let conversations = try (found ?? ContactRecords.load(to, phoneNumberID: phoneNumberID, messages: false, in: context)).conversations
            let conversation = conversations.first { $0.contact == to } ?? conversations.first { ContactNumber.same($0.contact, to) }
            // Argentina's domestic form (15 after the area code: 54 11 15 2345 6789, 12 national digits where Argentina has
            // 10) is no international number: the message goes to the contact's number the window was read from (probe25
            // P25-19). Other forms (Brazil's ninth digit, Mexico's 1) reach the same account and are sent as typed (P5-2).
            let domestic = to.hasPrefix("54") && to.count == 14
            let address = domestic ? conversation?.contact.map { ContactNumber.same($0, to) ? $0 : to } ?? to : to
            return Target(
                contact: address, label: MessageCommand.contactLabel(conversation?.contactName, address), phoneNumberID: phoneNumberID,
                conversation: conversation, contactConversations: conversations)
        }
        if let id = given ?? session.lastMessageID {
            if given == nil { context.shell?.recorder?.completeLine(with: "--message " + id) }
            // In whichever `=` padding form Kapso stored it (`MessageLookup`, probe37 P37-15).
            let message = try MessageLookup.first((try? WAMID.lookups(id).get()) ?? [id], client: client)
            // A message that names no sender (a username-only contact's: kapso-api.md §10.6 "don't assume `from`,
            // `phone_number` or `wa_id` are present") is still its conversation's: that conversation's `phone_number` is the
            // contact's number (§8.3), the same pair whose window the reply then reads (tester58 AD6.4).
            let ownContact = message.contact ?? message.userID
            let fromConversation = ownContact == nil ? try message.conversationID.map(client.conversation) : nil
            guard let contact = ownContact ?? fromConversation.flatMap({ $0.contact ?? $0.businessScopedUserID }) else {
                throw ReplyError.noContact
            }
            if ownContact == nil { context.emit(CommandResult(blocks: [.hint(conversationContactNote(contact))])) }
            guard let phoneNumberID = message.phoneNumberID ?? session.phoneNumberID else { throw ShellError.noPhoneNumberSelected }
            // A reply to a message written in a group goes to the group, never 1:1 to the participant (probe7 P7-4).
            if let group = MessageOrigin(message).groupID {
                throw ReplyError.groupMessage(groupID: group, contact: MessageCommand.contactLabel(message.contactName, contact), number: contact)
            }
            // A reply to a send to a group would go 1:1 to Kapso's contact for it, not to the group (probe10 P10-2).
            if let group = MessageOrigin(message).sentToGroup {
                let number = contact == group || !contact.allSatisfy({ $0.isASCII && $0.isNumber }) ? nil : contact
                throw ReplyError.sentToGroup(
                    groupID: group, contact: MessageCommand.contactLabel(message.contactName, number ?? contact), number: number)
            }
            try refuseOwnNumber(contact, sender: phoneNumberID, in: context)
            return Target(
                contact: contact, label: MessageCommand.contactLabel(message.contactName, message.usernameHandle ?? contact),
                phoneNumberID: phoneNumberID,
                conversation: try fromConversation ?? message.conversationID.map(client.conversation),
                quotedID: quotedID(message, quote: quote, in: context), message: message)
        }
        guard let id = session.lastConversationID else { throw ShellError.noMessageSelected(command: name) }
        let conversation = try client.conversation(id)
        guard let contact = conversation.contact ?? conversation.businessScopedUserID else { throw ReplyError.noContact }
        guard let phoneNumberID = conversation.phoneNumberID ?? session.phoneNumberID else { throw ShellError.noPhoneNumberSelected }
        try refuseOwnNumber(contact, sender: phoneNumberID, in: context)
        return Target(
            contact: contact, label: MessageCommand.contactLabel(conversation.contactName, conversation.usernameHandle ?? contact),
            phoneNumberID: phoneNumberID, conversation: conversation)
    }

    /// The message a reply quotes: a received message of the contact's, unless `quote` is off. A notification, revoke or
    /// removed reaction is no message of theirs to quote (WindowEvidence); nor is one Kapso lists under its own UUID, since
    /// a quote names a WAMID (kapso-api.md §9.1 `context.message_id`) and Kapso records none for it (`whois` of the UUID:
    /// "WAMID: none recorded"), which is said in one line rather than dropped unsaid (tester58b AE11).
    static func quotedID(_ message: Message, quote: Bool, in context: ShellContext) -> String? {
        guard quote, message.isInbound, WindowEvidence(message, now: nil).notWritten == nil else { return nil }
        guard IDInput.isUUID(message.id) else { return message.id }
        context.emit(CommandResult(blocks: [.hint(
            "no quote: Kapso lists this message under its own id (\(message.id)) and records no WAMID for it, "
                + "and a quote names a WAMID (context.message_id)")]))
        return nil
    }

    /// `the message names no sender number or user id (a username-only contact's, https://docs.kapso.ai/docs/platform/webhooks/message-events); replying to its
    /// conversation's contact +14155550171 (kapso-api.md §8.3)`: said before a reply to a message without a sender.
    static func conversationContactNote(_ contact: String) -> String {
        let shown = BusinessScopedUserID.isValid(contact) ? contact : "+" + contact
        return "the message names no sender number or user id (a username-only contact's, https://docs.kapso.ai/docs/platform/webhooks/message-events); replying to "
            + "its conversation's contact \(shown) (the conversation's phone_number)"
    }

    /// Refuses a remembered message's or conversation's contact that is one of the project's own numbers or ids, as
    /// `--to` refuses it (probe7 P7-6): a message to the business's own number fails with 131021 whatever is sent.
    /// A business-scoped user id is never one of them and is not checked. Another number of the project than `sender`
    /// (its message arrived here as inbound) is a contact like any other (tester56 Z10).
    static func refuseOwnNumber(_ contact: String, sender: String, in context: ShellContext) throws {
        guard !BusinessScopedUserID.isValid(contact), case .success(let number) = PhoneNumberText.parse("+" + contact) else { return }
        let typed = "the last message's contact +\(contact)"
        // The numbers `use` listed this session, else one listing (remembered for the next reply).
        let numbers: [PhoneNumber]
        if context.ids.phoneNumbersListed {
            numbers = Array(context.ids.phoneNumbers.values)
        } else {
            numbers = try context.client.allPhoneNumbers()
            context.ids.rememberAllNumbers(numbers)
        }
        guard var problem = IDResolver.notAContact(number, typed: typed, numbers: numbers, sender: sender) else { return }
        problem.fix = "pick a contact's message ('messages') or use 'reply --to E164 TEXT'"
        throw ReplyError.notAContact(problem)
    }

    /// A contact known by business-scoped user id on the selected number: its conversation is found through
    /// its newest message (`GET /whatsapp/messages?business_scoped_user_id=`, the documented filter).

    /// The business-scoped user id `--to` names: as typed, or the one of the contact with this `@username` in
    /// the selected number's newest 100 conversations, else in its newest 100 inbound messages (a message names its
    /// sender's username where the conversation may not, as `whois @handle` reads them: tester47 F6); messages to a
    /// username contact go to its BSUID. Nil for a phone number; refused when two contacts hold the username.
    static func userID(to typed: String, in context: ShellContext) throws -> String? {
        if BusinessScopedUserID.isValid(typed) { return typed }
        guard IDInput.isUsername(typed) else { return nil }
        let phoneNumberID = try context.selectedPhoneNumber()
        let page = try context.client.conversations(filters: [("phone_number_id", phoneNumberID)], limit: 100)
        // The same look-ups as `whois @handle` (IDResolver), among the selected number's conversations and messages.
        let messages = try context.client.messages(filters: [("phone_number_id", phoneNumberID), ("direction", "inbound")], limit: 100)
        // Two contacts with the username (one gave it up, another took it): neither is picked (tester54 V24).
        let holders = IDResolver.usernameHolders(typed, conversations: page.items, messages: messages.items)
        if let shared = IDResolver.sharedUsername(typed, holders: holders) { throw ReplyError.notAContact(shared) }
        let match = IDResolver.conversation(username: typed, in: page.items)
        if let userID = match?.businessScopedUserID { return userID }
        let message = IDResolver.message(username: typed, in: messages.items)
        if let userID = message?.userID { return userID }
        let number = message?.contact ?? match?.contact
        let found = match != nil || message != nil
        throw ShellError.invalidValue(
            command: name, what: "value for --to", value: typed,
            expected: number.map { "the contact's number: \(typed) has no business-scoped user id recorded; --to +\($0)" }
                ?? "a phone number or a business-scoped user id (--to US.<digits>); "
                    + (found ? "the contact with this username has neither recorded ('whois \(typed)' says more)"
                        : "no contact with this username is among the newest 100 conversations and 100 inbound messages of "
                            + "\(phoneNumberID) ('messages' shows contacts' usernames)"))
    }

    static func resolve(userID: String, in context: ShellContext) throws -> Target {
        let phoneNumberID = try context.selectedPhoneNumber()
        let found = try context.client.messages(
            filters: [("phone_number_id", phoneNumberID), ("business_scoped_user_id", userID)], limit: 1)
        let message = found.items.first
        let conversation = try message?.conversationID.map(context.client.conversation)
        return Target(
            contact: userID, label: MessageCommand.contactLabel(message?.contactName, message?.usernameHandle ?? userID),
            phoneNumberID: phoneNumberID, conversation: conversation)
    }
}
