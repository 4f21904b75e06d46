internal import KapsoClient
internal import KapsoDiagnostics

/// `message WAMID`: one message in full; it becomes the session's last message for `trace` and `reply`.
public enum MessageCommand: Command {
    public static let name = "message"
    public static let summary = "show one message by WAMID and remember it for 'trace' and 'reply'"
    public static let usage = "message WAMID"
    public static let details = """
        Shows the message's direction, contact, status and content, and remembers it and its
        conversation: 'trace' and 'reply' then work without ids. Its JSON ('--output json', 'assert',
        'capture') is Kapso's message with kops's reading added: .kops.status is the status shown (the
        furthest step of its status history where Kapso's .kapso.status lags it), .kops.status_shown
        the whole text, e.g. "read (Kapso's status field still says sent)".
        Example:
          message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=
        """
    public static let maxArguments: Int? = 1

    public static func validate(_ arguments: Arguments) throws { _ = try wamid(arguments) }

    /// The WAMID typed, read as users paste it; a missing or unreadable one is refused.
    private static func wamid(_ arguments: Arguments) throws -> String {
        try MessageInput.messageIDs(try arguments.required(0, "message id (WAMID)"), command: name)[0]
    }

    /// The contact's later edits and deletion of an inbound message (`MessageChange`, probe9 P9-14): one listing of the
    /// contact's newest 100 inbound messages on the number, which an edit or revoke is (they come after the original).
    /// Empty for an outbound message, and when the listing fails (the message is then shown as before).
    /// The same listing gives the contact's newest message they wrote (`WindowEvidence.newestWritten`), from which the
    /// verdict states their window as `trace` does (probe21 P21-1); nil when it was not read. `unsettled`: the window left
    /// unknown by an action of the contact Meta documents nothing on (`WindowEvidence.unsettled`, tester47 F2).
    /// For a send whose statuses name another recipient (`recipients`), the same listing gives the contact's own
    /// business-scoped user ids (`MessageVerdict.contactUserIDs`), read as `trace` reads them (tester57b: `message` kept
    /// "may be another's" for the contact's own id); the rest stays empty for a send.
    static func contactInbound(of message: Message, recipients: Bool, in context: ShellContext) -> ContactInbound {
        guard message.isInbound || recipients, let number = message.phoneNumberID, let contact = message.contact else { return ContactInbound() }
        let filters = [("phone_number_id", number), ("phone_number", ContactNumber.searchKey(contact)), ("direction", "inbound")]
        guard let page = try? context.client.messages(filters: filters, limit: 100) else { return ContactInbound() }
        let userIDs = MessageVerdict.contactUserIDs(page.items.filter { WindowEvidence.sameContact($0, as: message) } + [message])
        guard message.isInbound else { return ContactInbound(userIDs: userIDs) }
        let now = context.now()
        // The contact's move, read from the same listing as `trace` reads it (MessageTrace) and followed as it follows it,
        // so the verdict says what `reply` does next (tester67 Y9: "free-form replies go through", then `reply` refused).
        var moved = ContactWindow(phoneNumberID: number, contact: contact, conversations: [], inbound: page.items + [message], at: now).moved
        if let found = moved, !found.followed { moved = ContactWindowLookup.follow(found, from: contact, on: number, in: context) }
        return ContactInbound(
            changes: MessageChange.shown(for: message, in: page.items), newest: WindowEvidence.newestWritten(by: message, among: page.items, now: now),
            unsettled: WindowEvidence.unsettled(by: message, among: page.items, now: now), userIDs: userIDs, moved: moved)
    }

    /// What `contactInbound` read.
    struct ContactInbound {
        var changes: [MessageChange] = []
        var newest: Int64? = nil
        var unsettled: WindowEvidence.Unsettled? = nil
        var userIDs: [String] = []
        /// The contact's move (`ContactWindow.Moved`, followed) read for a received message; nil otherwise or none.
        var moved: ContactWindow.Moved? = nil
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let ids = try MessageInput.messageIDs(try arguments.required(0, "message id (WAMID)"), command: name)
        let message: Message
        do { message = try MessageLookup.first(ids, client: context.client) } catch { throw MessageLookup.explaining(error) }
        context.remember(message)
        // A send to a `to` without `+`, read against its sender and contact (tester67 Y3, tester67b Z0).
        let prepended = context.prependedRecipient(of: message)
        let status = MessagesCommand.status(message, prepended: prepended)
        var fields = [
            Field("id", message.id), Field("time", MessageTime.described(message, now: context.now())),
            Field("direction", message.direction.label), Field("type", message.type),
            Field("status", status.text, style: status.style),
            Field("contact", contactLabel(message)),
            Field("number", message.phoneNumberID ?? "-"), Field("conversation", message.conversationID ?? "-"),
        ]
        if let quoted = message.quotedID { fields.append(Field("quotes", quoted)) }
        fields += MessageOrigin(message).lines.map { Field($0.label, $0.text) }
        fields.append(MessageCommand.contentField(message))
        let history = StatusHistory(message: message, now: context.now())
        let inbound = contactInbound(
            of: message, recipients: !history.otherRecipients(than: recipient(of: message), prepended: prepended).isEmpty, in: context)
        fields += inbound.changes.map { Field($0.label, $0.text, style: .warn) }
        fields += StatusBilling(message: message).lines.map { Field($0.label, $0.text) }
        if let others = history.otherRecipientsLine(than: recipient(of: message), userIDs: inbound.userIDs, prepended: prepended) {
            fields.append(Field("status recipient", others, style: .warn))
        } else if let note = prepended?.contactNote {
            fields.append(Field("status recipient", note, style: .warn))
        }
        if let foreign = history.foreignText {
            fields.append(Field("other statuses", "\(foreign): stored with this message but naming another (their id), so not counted", style: .warn))
        }
        var errors: [MessageError] = []
        // The failure's own error first (`MessageError.ofFailure`, the verdict's reading), then every other one recorded.
        let own = history.failures.isEmpty && StatusWord(message.status) != .failed ? [] : MessageError.ofFailure(message.json, history: history)
        for error in own + history.failures.flatMap(\.errors) + MessageError.carried(by: message.json) where !errors.contains(error) {
            errors.append(error)
        }
        for error in errors.prefix(5) { fields.append(Field("error", error.headline, style: .bad)) }
        if errors.count > 5 { fields.append(Field("error", "\(errors.count - 5) more: '--output json' shows them", style: .bad)) }
        // A template refused as missing, miscounted, paused or disabled: the mismatch the WABA's templates show (P39-3).
        if let code = TemplateMismatch.failureCode(of: message), let number = message.phoneNumberID,
            let sent = TemplateMismatch.Sent(message: message.json, details: errors.first { $0.code == code }?.details),
            let listing = TemplateMismatch.listing(phoneNumberID: number, name: sent.name, client: context.client),
            let advice = TemplateMismatch.advice(code: code, sent: sent, listing: listing)
        {
            fields.append(Field("template", advice, style: .warn))
        }
        if history.failures.contains(where: { $0.errors.isEmpty }) && message.status == "failed" && errors.isEmpty {
            fields.append(Field("error", "failed, and Meta gave no error code", style: .bad))
        }
        // A verdict where the record is contradictory: both outcomes reported, Kapso's status against the history
        // (StatusHistory.Disagreement, as trace reads it), another message's statuses, or errors on a received message.
        // A send that reached a device after the contact changed number: whoever holds the old number has it, as `trace`,
        // `reply`, `errors` and `whois` say (the one reading of a move, `ContactWindowLookup`; probe37: "read by the contact").
        let moved = movedBeforeReach(of: message, history: history, in: context)
        // A send at `sent` or `delivered` the contact quoted or reacted to, or after which they were reached or wrote: the
        // verdict `trace` gives, not a bare "sent" (LaterEvidence, probe39 P39-1); a send still waiting for its report on a
        // number that cannot send now: the number's state first, as `trace` names it (probe39 P39-8).
        let send = sendReading(of: message, history: history, in: context)
        let later = send.later
        var numberDown = false
        if case .numberDown = send.statuses { numberDown = true }
        if history.conflict != nil || history.disagreement(withKapso: message.status) != nil || !history.foreign.isEmpty
            || !MessageError.carried(by: message.json).isEmpty || history.isBehind(message.status) && !own.isEmpty || moved != nil
            || later != nil || numberDown
        {
            // On a number with calling on, a window said closed (or "send a template") is hedged, as `trace` says it (P25-16).
            let calls = message.phoneNumberID.map { context.callsEnabled(on: $0) } ?? false
            let verdict = MessageVerdict.of(
                message, windowAtSend: nil, newestInbound: inbound.newest, moved: moved ?? inbound.moved, now: context.now(), logSearch: send.logSearch,
                statuses: send.statuses, callsEnabled: calls, later: later, unsettled: inbound.unsettled, prepended: prepended,
                replies: context.readingReplies(from: message))
            fields.append(Field("verdict", verdict.text, style: TraceCommand.style(verdict.severity)))
        }
        let found = MessageLookup.note(ids, found: message).map { [Block.hint($0)] } ?? []
        return CommandResult(blocks: [.fields(fields)] + found + [.hint("follow it with 'trace'")], json: json(of: message, prepended: prepended))
    }

    /// The contact's move (`ContactWindow.Moved`, followed as `ContactWindowLookup` follows it for `reply`, `trace`,
    /// `errors` and `whois`) when `message` was sent to the number they left, after they left it, and reached a device;
    /// nil otherwise, and when the contact's records cannot be read. One round trip more, only for a delivered, read or
    /// played send to a contact number.
    static func movedBeforeReach(of message: Message, history: StatusHistory, in context: ShellContext) -> ContactWindow.Moved? {
        guard message.isOutbound, MessageOrigin(message).sentToGroup == nil,
            history.events.contains(where: { StatusWord($0.status).reachedDevice }), let number = message.phoneNumberID,
            let contact = message.json["to"]?.string ?? message.contact,
            let moved = (try? ContactWindowLookup.load(phoneNumberID: number, contact: contact, known: [], in: context))?.moved,
            moved.reachedAfterMove(sentAt: message.time, to: contact) != nil
        else { return nil }
        return moved
    }

    /// Who an outbound message's statuses should name (`recipient_id`): the group it was sent to, else `to`, else the
    /// contact; nil for an inbound message without `to`.
    static func recipient(of message: Message) -> String? {
        MessageOrigin(message).sentToGroup ?? message.json["to"]?.string ?? (message.isInbound ? nil : message.contact)
    }

    /// `inbound text from Lee Park (14155550157)`, `outbound text to WhatsApp group Y2Fw… (Kapso's contact: Lee Park
    /// (14155550157))` for a send to a group (MessageOrigin.sentToGroup).
    static func directionLabel(_ message: Message) -> String {
        let direction = message.direction
        let inferred = direction.reason.map { " (\($0))" } ?? ""
        if message.isInbound { return "inbound \(message.type) from \(contactLabel(message))\(inferred)" }
        if direction.side == .unknown { return "unknown: a \(message.type) message with \(contactLabel(message))\(inferred)" }
        guard let group = MessageOrigin(message).sentToGroup else { return "outbound \(message.type) to \(contactLabel(message))\(inferred)" }
        let contact = contactLabel(message)
        return "outbound \(message.type) to WhatsApp group \(group)" + (contact == group || contact == "-" ? "" : " (Kapso's contact: \(contact))")
    }

    /// The message's contact: `Lee Park (14155550157)`, `Contact A (@contact_a)` for a username-only user.
    static func contactLabel(_ message: Message) -> String {
        let name = message.contactName
        let contact = MessageSummary.contact(of: message.json)
        return contactLabel(name, contact == name ? nil : contact)
    }

    /// The `content:` field of a message's detail view: its text's own line breaks are lines under the value, and each
    /// one-line field inside it shows its line breaks as escapes (`MessageSummary.text`, tester59b AG13).
    static func contentField(_ message: Message) -> Field {
        Field("content", MessageSummary.text(of: message.json, lineBreaks: true) { VisibleText.escaped($0) }, multiLine: true)
    }

    /// `Lee Park (14155550157)`, or whichever part is known. A name is the contact's own text (their WhatsApp profile) or
    /// an edited Kapso field: a line break in it is shown as an escape (`\x0a`), as `whois` shows it, so it cannot start
    /// a line of its own under a field's label (tester59 AF13: a forged `verdict:` line in `trace`).
    static func contactLabel(_ name: String?, _ number: String?) -> String {
        let name = name.map { VisibleText.escaped($0) }
        let number = number.map { VisibleText.escaped($0) }
        return switch (name, number) {
        case (let name?, let number?): "\(name) (\(number))"
        case (let name?, nil): name
        case (nil, let number?): number
        case (nil, nil): "-"
        }
    }

    /// Kapso's message with kops's reading of its status beside Kapso's fields (`MessageReading`), so `assert` and
    /// `capture` read what the screen shows (tester60 AH6: `assert .kapso.status == read` failed on "sent").
    static func json(of message: Message, prepended: PrependedRecipient? = nil) -> JSONValue {
        .object(MessageReading.object(message, prepended: prepended))
    }
}

extension ShellContext {
    /// Makes `message` the session's last message and its conversation the last conversation.
    func remember(_ message: Message) {
        session.lastMessageID = message.id
        if let conversation = message.conversationID { session.lastConversationID = conversation }
    }
}

extension String {
    /// The text without trailing spaces.
    func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
