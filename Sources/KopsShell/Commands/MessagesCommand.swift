internal import KapsoClient
internal import KapsoDiagnostics

/// `messages [filters] [--limit N] [--all]`: recent messages of the selected number, newest first.
public enum MessagesCommand: Command {
    public static let name = "messages"
    public static let summary = "list messages, newest first, filtered by direction, status, contact, type"
    public static let usage =
        "messages [--direction inbound|outbound] [--status STATUS] [--phone-number E164|BSUID] [--conversation ID] "
        + "[--type TYPE] [--has-media] [--limit N] [--all]"
    public static let details = """
        Lists the selected number's messages (all numbers when none is selected). --phone-number
        matches the contact's number (part of it is enough; a Brazilian or Mexican number matches its
        other form too, as WhatsApp IDs differ from dialled numbers there); failed messages show their
        error code. 'next' continues; --all prints every page as it arrives (NDJSON with --output json,
        one message a line). Its JSON is Kapso's messages with kops's reading added to each, as
        'message' adds it: .kops.status is the status the STATUS column shows (the furthest step of the
        status history where Kapso's .kapso.status lags it), .kops.status_shown the column's whole text.
        Examples:
          messages --status failed
          messages --phone-number +14155550157 --limit 5
          messages --conversation e5a6c7d8-4f5b-4c6d-8e7f-901234567890 --all
        """
    public static let flags = [
        FlagSpec("--direction", choices: ["inbound", "outbound"], help: "only received or only sent messages"),
        FlagSpec(
            "--status", choices: ["pending", "sent", "delivered", "read", "failed"], help: "only messages in this status",
            nearMisses: [
                "received": "'pending', 'sent', 'delivered', 'read' or 'failed': 'received' is what an inbound message shows, "
                    + "and inbound messages have no delivery status to filter on; use --direction inbound"
            ]),
        FlagSpec("--phone-number", value: "E164|BSUID", help: "only messages with this contact (a number, partial match, or a business-scoped user id)"),
        FlagSpec("--conversation", value: "ID", help: "only messages of this conversation"),
        FlagSpec("--type", value: "TYPE", help: "only this type: text, image, template, ..."),
        FlagSpec("--has-media", help: "only messages with media"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "messages per page (1-100, default 20; 100 with --all)"),
        FlagSpec("--all", help: "fetch every page"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        _ = try contact(arguments)
        _ = try conversation(arguments)
        _ = try messageType(arguments)
    }

    /// The message types `--type` takes: kapso-api.md §7.3's `type` list, then those Meta's webhooks also give a
    /// message (`system`, `unsupported`, `unknown`, `request_welcome`, `ephemeral`, `edit`, `revoke`), which
    /// `MessageSummary` reads too.
    static let messageTypes = [
        "text", "image", "video", "audio", "document", "location", "interactive", "template", "reaction", "contacts",
        "sticker", "button", "order", "system", "unsupported", "unknown", "request_welcome", "ephemeral", "edit", "revoke",
    ]

    /// `--type` as the API matches it (lower case: `--type TEXT` is `text`); nil when absent. A type no message has is
    /// refused with the list and the closest (probe38 P38-6: `--type txt` answered "0 items", read as "no text messages").
    private static func messageType(_ arguments: Arguments) throws -> String? {
        guard let typed = arguments.value("--type") else { return nil }
        let value = typed.lowercased()
        // A shape `payload` and the CONTENT column name (`voice`, `button_reply`) is a kind of one of WhatsApp's types
        // (probe46 P46-16: refused with the list, which named neither `voice` nor where it is).
        if !messageTypes.contains(value), let type = MessageShapes.shape(value)?.type {
            throw ShellError.invalidValue(
                command: name, what: "--type", value: typed,
                expected: "one of WhatsApp's message types: '\(value)' is a kind of \(type) message, not a type of its own; "
                    + "--type \(type) lists it with the other \(type) messages")
        }
        // The names people use (`ptt`, `photo`, `file`, `gif`): the type that holds it (tester46 L5).
        if !messageTypes.contains(value), let alias = MessageTypeAlias.meaning(of: value) {
            throw ShellError.invalidValue(
                command: name, what: "--type", value: typed,
                expected: "one of WhatsApp's message types: \(alias.why); --type \(alias.type) lists \(value == "gif" ? "video messages" : "it with the other \(alias.type) messages")")
        }
        guard messageTypes.contains(value) else {
            throw ShellError.unknownName(
                command: name, kind: "message type", name: typed, suggestion: Suggestion.closest(to: value, in: messageTypes),
                known: "--type takes WhatsApp's: " + messageTypes.joined(separator: ", "))
        }
        return value
    }

    /// `--conversation` as a filter value: a UUID, checked before any request (`MessageInput.uuid`); nil when absent.
    private static func conversation(_ arguments: Arguments) throws -> String? {
        try arguments.value("--conversation").map { value in
            try MessageInput.uuid(
                value, command: name, what: "value for --conversation", expected: .conversationID, label: "--conversation")
        }
    }

    /// `--phone-number` as a filter: a phone number's digits (`phone_number`, a partial match; for a Brazilian or
    /// Mexican number the search key its two forms share), with the digits to keep the rows for when they are a whole
    /// number (`ContactRows`, probe44 P44-10: a whole number's list held other contacts whose numbers contain it), or a
    /// business-scoped user id (`business_scoped_user_id`, kapso-api.md §7.1) for a username contact without a number;
    /// nil when absent.
    private static func contact(_ arguments: Arguments) throws -> (filter: (String, String), rowsFor: String?)? {
        guard let value = arguments.value("--phone-number") else { return nil }
        // Read without the blanks and quotes around a paste, as every id is (probe43 P43-14).
        if BusinessScopedUserID.isValid(IDInput.cleaned(value)) { return (("business_scoped_user_id", IDInput.cleaned(value)), nil) }
        // Kapso matches a user id verbatim: in lower case it would list nothing (probe43 P43-14).
        if let fixed = BusinessScopedUserID.capitalised(IDInput.cleaned(value)) {
            throw ShellError.invalidValue(
                command: name, what: "value for --phone-number", value: IDInput.echo(value),
                expected: "a business-scoped user id with its country code in capitals, as Meta writes it and Kapso matches it: "
                    + "--phone-number \(fixed)")
        }
        let (digits, partial) = try MessageInput.phoneNumberFilter(value, command: name, flag: "--phone-number")
        if partial { return (("phone_number", digits), nil) }
        return (("phone_number", ContactNumber.searchKey(digits)), digits)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        var filters: [(String, String)] = []
        if let id = context.session.phoneNumberID { filters.append(("phone_number_id", id)) }
        var contact = try contact(arguments)
        // A number without '+' or '00' that may be national: Kapso's partial match, said so, never one reading's rows (P46-13).
        if let digits = contact?.rowsFor, let doubt = try context.uncertainContactFilter(arguments.value("--phone-number") ?? "") {
            contact = (("phone_number", digits), nil)
            context.emit(CommandResult(blocks: [.hint(doubt)]))
        }
        if let contact { filters.append(contact.filter) }
        if let conversation = try conversation(arguments) { filters.append(("conversation_id", conversation)) }
        for (flag, key) in [("--direction", "direction"), ("--status", "status")] {
            if let value = arguments.value(flag) { filters.append((key, value)) }
        }
        if let type = try messageType(arguments) { filters.append(("message_type", type)) }
        if arguments.has("--has-media") { filters.append(("has_media", "true")) }
        let limit = arguments.integer("--limit") ?? 20
        let statusNote = arguments.value("--status").map(Self.statusFilterNote)
        guard arguments.has("--all") else {
            var result = try list(filters: filters, limit: limit, after: nil, contact: contact?.rowsFor, in: context)
            if let statusNote { result.blocks.append(.hint(statusNote)) }
            return result
        }
        let mode = context.outputMode(arguments)
        let pageSize = ListStream.pageSize(arguments)
        var seen: [String: [MessageChange]] = [:]
        // Each page's rows of other contacts are left out as it arrives: the list still streams (ContactRows).
        var rows = contact?.rowsFor.map(ContactRows.init(digits:))
        // Stamped ahead of the API's clock: each page shows them last (K6); counted, not kept (tester63 AN13).
        var ahead = TimeOrder.AheadTally()
        let count = try ListStream(context: context, mode: mode, showsEmptyTable: true).run(
            // Whole messages: cut down to the two keys a message is checked by, a page costs more (each `kapso`
            // object parsed on its own) than parsed whole (docs/performance.md, session 7).
            fetch: { after, _ in
                let page = try context.client.messages(filters: filters, limit: pageSize, after: after.first?.1)
                return rows?.keep(page, contact: \.contact) ?? page
            },
            request: { context.client.messagesRequest(filters: filters, limit: pageSize, after: $0.first?.1) },
            // Each line with kops's reading, as one page's `data` and `message` have it (AI10).
            addition: AddedMember(key: "kops", value: { MessageReading.json($0, prepended: context.prependedRecipient(of: $0)) }),
            table: { page in
                // An original streams after its edit: the changes of the pages before mark it (tester47 L2).
                seen = MessageChange.byOriginal(in: page, earlier: seen)
                ahead.add(page, now: context.now())
                return table(
                    TimeOrder.newestFirst(page, now: context.now()), now: context.now(), changes: seen,
                    prepended: context.prependedRecipients(of: page))
            })
        context.session.lastList = nil
        if count == 0 { try context.verifyIDFilters(filters, contactFilter: contact?.rowsFor) }
        // The count on standard error in every mode, as 'deliveries --all' and 'logs --all' say theirs.
        return CommandResult(
            blocks: (rows?.note(noun).map { [.hint($0)] } ?? []) + [.hint("\(count) \(count == 1 ? "message" : "messages")")]
                + (statusNote.map { [.hint($0)] } ?? []) + (ahead.note.map { [.hint($0)] } ?? []))
    }

    /// What `--status` cannot show: the API filters on Kapso's `status` field, one word, while a send's status history
    /// may say more (reported failed and delivered, or the field behind the history), which the list and `trace` read
    /// (probe43 P43-18: `--status failed` left out a send WhatsApp reported failed, that `errors` and `overview` counted).
    static func statusFilterNote(_ status: String) -> String {
        "--status \(status) filters on Kapso's status field: a send whose status history says more (reported failed and "
            + "delivered, or the field behind its history) is listed under the field's word; 'errors' reads each send's history"
    }

    static func list(
        filters: [(String, String)], limit: Int, after: String?, contact: String? = nil,
        earlier: [String: [MessageChange]] = [:], in context: ShellContext
    ) throws -> CommandResult {
        var rows = contact.map(ContactRows.init(digits:))
        let received = try context.client.messages(filters: filters, limit: limit, after: after)
        let page = rows?.keep(received, contact: \.contact) ?? received
        if page.items.isEmpty, after == nil { try context.verifyIDFilters(filters, contactFilter: contact) }
        // The changes read so far, this page's with those of the pages before: `next` marks an original its edit named.
        let changes = MessageChange.byOriginal(in: page.items, earlier: earlier)
        context.rememberList(page, source: .messages(filters: filters, limit: limit, contact: contact, earlier: changes))
        // Newest first by the time kops reads, not the raw value (tester51 N7: a millisecond stamp listed first).
        let shown = TimeOrder.newestFirst(page.items, now: context.now())
        let order = TimeOrder.reorderNote(listed: page.items, shown: shown, now: context.now())
        // A send to a `to` without `+`, read against its sender and contact (tester67 Y3, tester67b Z0).
        let prepended = context.prependedRecipients(of: page.items)
        let listed = table(shown, now: context.now(), changes: changes, prepended: prepended)
        return CommandResult(
            blocks: [.table(NumberColumn.adding(to: listed, numbers: shown.map(\.phoneNumberID), in: context))]
                + ([order, TimeOrder.aheadNote(page.items, now: context.now())].compactMap { $0 }.map(Block.hint))
                + laterNotes(page.items, now: context.now()).map(Block.hint)
                + (rows?.noteBlocks(noun, in: context) ?? []) + [.hint(page.footer)],
            json: MessageReading.list(page.json, messages: page.items, prepended: prepended))
    }

    /// A message, one and many, for `ContactRows.note`.
    static let noun = (one: "message", many: "messages")

    /// One line for each send on the page left at `sent` (or `delivered`) that a later message on the same page speaks of
    /// (`LaterEvidence.note`: the contact quoted or reacted to it, a later send reached them, they wrote since), as `trace`
    /// and `message` read it, so the list's bare `sent` is not read as "phone offline or blocked" (probe39 P39-1). At most
    /// `maxLaterNotes`, then how many more; nothing is asked beyond the page.
    static func laterNotes(_ messages: [Message], now: Int64) -> [String] {
        let notes = messages.compactMap { message in
            LaterEvidence.note(message, among: messages, now: now).map { "\(message.id) \(StatusReading(message).text), \($0) ('trace' says more)" }
        }
        guard notes.count > maxLaterNotes else { return notes }
        return notes.prefix(maxLaterNotes) + ["\(notes.count - maxLaterNotes) more sends on this page have later evidence of delivery ('trace WAMID')"]
    }

    static let maxLaterNotes = 5

    /// The messages as rows; `now` is the API's clock: a time ahead of it is no time (`MessageTime`), shown `-` as a
    /// missing, millisecond or ISO one is ('message' and 'trace' say why).
    /// A message the contact edited or withdrew later on the same page, or on one before it (`changes`, by
    /// `MessageChange.byOriginal`), says so in CONTENT (`MessageChange.listed`).
    /// `prepended`: the sends to a `to` without `+` read against their sender and contact, by id (`ShellContext.prependedRecipients`).
    static func table(
        _ messages: [Message], now: Int64?, changes given: [String: [MessageChange]]? = nil, prepended: [String: PrependedRecipient] = [:]
    ) -> Table {
        let changes = given ?? MessageChange.byOriginal(in: messages)
        let rows = messages.map { message -> [StyledText] in
            [
                StyledText(MessageTime(message, now: now).seconds.map(KapsoTime.iso) ?? "-"), StyledText(message.isInbound ? "in" : message.isOutbound ? "out" : "?"),
                StyledText(message.type), status(message, prepended: prepended[message.id]), StyledText(MessageSummary.contact(of: message.json) ?? "-"),
                StyledText(MessageChange.listed(message, content: MessageSummary.text(of: message.json), byOriginal: changes)),
                StyledText(message.id),
            ]
        }
        var table = Table(
            columns: [
                Column("TIME", truncation: .never), Column("DIR", truncation: .never), Column("TYPE", truncation: .never),
                Column("STATUS", truncation: .never), Column("CONTACT", truncation: .never), Column("CONTENT"),
                Column("ID", truncation: .middle),
            ], rows: rows)
        // The WAMID is what 'message', 'trace' and 'whois' need: a narrow terminal shows it whole under its row, and the
        // content on a line of its own above it when wide TYPE and STATUS cells would leave it under 20 columns.
        table.columns[5].belowWhenNarrowerThan = 20
        table.detailBelowWhenTooWide = true
        return table
    }

    /// `read`, `failed 131047` in red; in yellow `delivered/failed 131026` or `failed 131026/read` (both were reported), `sent/warning 131009`
    /// (a `warning` status with an error) and `error 131051` (a received message WhatsApp reported an error on). The code is the message's code
    /// (`MessageError.primary`, as the verdict picks it: 131026 rather than a generic 131000 beside it). `played`
    /// replaces Kapso's `read` (or an earlier word) when the history has a `played` event: played counts as read and
    /// says more (StatusWord); only the word shown changes, the JSON keeps Kapso's status. Kapso's status that only a
    /// stored status naming another message has (`failed` from another WAMID's failure) reads `failed (other wamid)`.
    /// `prepended`: a send to a `to` without `+` read against its sender and contact (`ShellContext.prependedRecipient`).
    static func status(_ message: Message, prepended: PrependedRecipient? = nil) -> StyledText {
        status(message, reading: StatusReading(message, prepended: prepended))
    }

    /// `status(_:)` from the message's `reading` (`StatusReading(message)`), for a caller that reads it too
    /// (`MessageReading.json`: one reading for both of its members).
    static func status(_ message: Message, reading: StatusReading) -> StyledText {
        let shown = statusWord(reading)
        // Kapso's own processing failed or was blocked (ProcessingStatus, probe23 P23-3): `received/processing failed`.
        guard let processing = ProcessingStatus.failure(of: message.json) else { return shown }
        return StyledText("\(shown.text)/processing \(processing)", style: processing == "failed" ? .bad : .warn)
    }

    /// `status` without Kapso's processing status.
    private static func statusWord(_ reading: StatusReading) -> StyledText {
        switch reading.tone {
        case .plain: return StyledText(reading.text)
        case .warning: return StyledText(reading.text, style: .warn)
        case .bad: return StyledText(reading.text, style: .bad)
        }
    }
}
