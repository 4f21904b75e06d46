internal import KapsoClient
internal import KapsoDiagnostics

/// `conversations [--phone-number E164] [--status active|ended] [--limit N] [--all]`: most recently active first.
public enum ConversationsCommand: Command {
    public static let name = "conversations"
    public static let summary = "list conversations, most recently active first, with their 24-hour window"
    public static let usage = "conversations [--phone-number E164] [--status active|ended] [--limit N] [--all]"
    public static let details = """
        Lists the selected number's conversations (all numbers when none is selected). WINDOW says
        whether free-form replies still go through: open for 24 hours after the contact's last message,
        read as 'conversation ID' reads it (where Kapso's summary says closed, the number's newest
        inbound messages are read too: one request per number). --all prints every page as it arrives
        (NDJSON with --output json: one conversation a line).
        Examples:
          conversations --status active
          conversations --phone-number +14155550157
        """
    public static let flags = [
        FlagSpec(
            "--phone-number", value: "E164",
            help: "only conversations with this contact (partial match; a Brazilian or Mexican number's other form too)"),
        FlagSpec("--status", choices: ["active", "ended"], help: "only active or only ended conversations"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "conversations per page (1-100, default 20; 100 with --all)"),
        FlagSpec("--all", help: "fetch every page"),
    ]

    /// A business-scoped user id is refused when the command runs, which can say where that contact's conversations are.
    public static func validate(_ arguments: Arguments) throws {
        guard !BusinessScopedUserID.isValid(IDInput.cleaned(arguments.value("--phone-number") ?? "")) else { return }
        _ = try contact(arguments)
    }

    /// `--phone-number` read as a phone number's digits (whole or part of one: `MessageInput.phoneNumberFilter`), nil
    /// when absent.
    private static func contact(_ arguments: Arguments, in context: ShellContext? = nil) throws -> (digits: String, partial: Bool)? {
        guard let value = arguments.value("--phone-number") else { return nil }
        // Kapso's conversation list filters by contact number only (kapso-api.md §8.1); messages take a BSUID.
        if BusinessScopedUserID.isValid(IDInput.cleaned(value)) {
            // A new id nothing came under yet: its messages list is empty, the contact's number lists their conversations
            // (tester56b AA6).
            let records = try context?.identity(of: IDInput.cleaned(value), expected: .contactNumber)?.userIDRecords
            let list = records.flatMap { records in
                records.conversationsCommand.map { "\(value) replaced \(records.change.old) (user_changed_user_id) and no message came under it yet: '\($0)' lists that contact's conversations" }
            } ?? "'messages --phone-number \(value)' lists that contact's messages with their conversation ids"
            throw ShellError.invalidValue(
                command: name, what: "value for --phone-number", value: value,
                expected: "a phone number: Kapso's conversation list has no business-scoped user id filter; " + list)
        }
        return try MessageInput.phoneNumberFilter(value, command: name, flag: "--phone-number")
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        var filters: [(String, String)] = []
        if let id = context.session.phoneNumberID { filters.append(("phone_number_id", id)) }
        // Kapso's filter is a partial match: a Brazilian or Mexican number is asked for by the key both its forms share
        // (ContactNumber), and the rows are kept for the number.
        // Part of a number (`0142`) is asked for as typed: it is no whole number to rewrite.
        var contact = try contact(arguments, in: context)
        // A number without '+' or '00' that may be national: Kapso's partial match, said so, never one reading's rows (P46-13).
        if let whole = contact, !whole.partial, let doubt = try context.uncertainContactFilter(arguments.value("--phone-number") ?? "") {
            contact = (whole.digits, true)
            context.emit(CommandResult(blocks: [.hint(doubt)]))
        }
        let key = contact.map { $0.partial ? $0.digits : ContactNumber.searchKey($0.digits) }
        // A whole number keeps the rows whose contact is it: another contact's number may contain it (ContactRows, P44-10).
        let rowsFor = contact.flatMap { $0.partial ? nil : $0.digits }
        if let key { filters.append(("phone_number", key)) }
        if let status = arguments.value("--status") { filters.append(("status", status)) }
        let limit = arguments.integer("--limit") ?? 20
        guard arguments.has("--all") else { return try list(filters: filters, limit: limit, after: nil, contact: rowsFor, in: context) }
        let mode = context.outputMode(arguments)
        // Windows are judged at the server's time, known once a page has arrived; each number's inbound messages are
        // read once for all pages (ConversationWindows).
        var windows = ConversationWindows(contactKey: key, numbers: context.ids.phoneNumbers)
        var rows = rowsFor.map(ContactRows.init(digits:))
        let count = try ListStream(context: context, mode: mode, showsEmptyTable: true).run(
            fetch: { after, _ in
                let page = try context.client.conversations(filters: filters, limit: ListStream.pageSize(arguments), after: after.first?.1)
                return rows?.keep(page, contact: \.contact) ?? page
            },
            request: { context.client.conversationsRequest(filters: filters, limit: ListStream.pageSize(arguments), after: $0.first?.1) },
            table: { table($0, windows: windows.rows($0, now: context.now(), client: context.client)) })
        context.session.lastList = nil
        if count == 0 { try context.verifyIDFilters(filters, contactFilter: rowsFor, noun: "conversations") }
        // The count on standard error in every mode, as 'deliveries --all' and 'logs --all' say theirs.
        return CommandResult(
            blocks: (windows.footnote.map { [.hint($0)] } ?? []) + (rows?.note(noun).map { [.hint($0)] } ?? [])
                + [.hint("\(count) \(count == 1 ? "conversation" : "conversations")")])
    }

    static func list(
        filters: [(String, String)], limit: Int, after: String?, contact: String? = nil, in context: ShellContext
    ) throws -> CommandResult {
        var rows = contact.map(ContactRows.init(digits:))
        let received = try context.client.conversations(filters: filters, limit: limit, after: after)
        let page = rows?.keep(received, contact: \.contact) ?? received
        if page.items.isEmpty, after == nil { try context.verifyIDFilters(filters, contactFilter: contact, noun: "conversations") }
        context.rememberList(page, source: .conversations(filters: filters, limit: limit, contact: contact))
        var windows = ConversationWindows(contactKey: filters.first { $0.0 == "phone_number" }?.1, numbers: context.ids.phoneNumbers)
        let windowRows = windows.rows(page.items, now: context.now(), client: context.client)
        return CommandResult(
            blocks: [
                .table(NumberColumn.adding(to: table(page.items, windows: windowRows), numbers: page.items.map(\.phoneNumberID), in: context))
            ] + (windows.footnote.map { [.hint($0)] } ?? [])
                + (rows?.noteBlocks(noun, in: context) ?? []) + [.hint(page.footer)],
            json: page.json)
    }

    /// A conversation, one and many, for `ContactRows.note`.
    static let noun = (one: "conversation", many: "conversations")

    /// The table of `conversations`, with each row's window from `windows` (`ConversationWindows.rows`, in order).
    static func table(_ conversations: [Conversation], windows: [ConversationWindows.Row?]) -> Table {
        let rows = zip(conversations, windows).map { conversation, row -> [StyledText] in
            [
                StyledText(conversation.id), StyledText(conversation.contactHandle ?? "-"),
                StyledText(conversation.contactName ?? "-"),
                StyledText(conversation.status, style: conversation.status == "active" ? .plain : .dim),
                StyledText(Self.shown(conversation.lastActiveAt)),
                StyledText(conversation.messagesCount.map(String.init) ?? "-"),
                row.map(window) ?? StyledText("unknown", style: .dim),
            ]
        }
        // The id is what `conversation ID` and `reply` take: never cut (a cut one pasted back is no id, probe46
        // P46-11); NAME gives up width first, then WINDOW's tail, and a table that still does not fit is expanded.
        var windowColumn = Column("WINDOW")
        windowColumn.shrinksLast = true
        return Table(
            columns: [
                Column("ID", truncation: .never), Column("CONTACT", truncation: .never), Column("NAME"),
                Column("STATUS", truncation: .never), Column("LAST ACTIVE", truncation: .never),
                Column("MESSAGES", truncation: .never, alignRight: true), windowColumn,
            ], rows: rows)
    }

    /// `open, 2 h 30 min left`, `closed 28 h 45 min ago`, `open, 22 h left?` or `closed 6 h ago?` (Kapso's summary
    /// alone says so: `ConversationWindows`), `closed: no inbound` (the number's inbound messages were read to their end
    /// and none is the contact's, as `conversation ID` says) or `unknown`, for a table cell; `, number changed` when the
    /// contact's newest word is a `user_changed_number` notification (`ContactWindow.moved`).
    static func window(_ row: ConversationWindows.Row) -> StyledText {
        let window = row.window
        // A number with calling on: a call may have reopened a window the messages show closed (P21-7).
        let moved = (window.moved == nil ? "" : ", number changed") + (window.callCellMark ?? "")
        if window.evidence == .noInbound { return StyledText("closed: no inbound" + moved, style: .warn) }
        guard let closes = window.window?.closesAt else { return StyledText("unknown" + moved, style: .dim) }
        let mark = row.confirmed ? "" : "?"
        if window.isOpen {
            return StyledText("open, \(Elapsed.text(closes - window.at)) left\(mark)" + moved, style: row.confirmed ? .good : .dim)
        }
        return StyledText("closed \(Elapsed.text(window.at - closes)) ago\(mark)" + moved, style: row.confirmed ? .warn : .dim)
    }

    /// A conversation's time as kops shows every time, UTC `Z` at second precision (`2026-11-20T12:30:00Z` for Kapso's
    /// `2026-11-20T14:30:00+02:00` or `…12:30:00.999999Z`; probe21 P21-11), so times side by side compare by eye; a text
    /// kops cannot read as a time is shown as written, `-` when missing.
    static func shown(_ text: String?) -> String {
        guard let text else { return "-" }
        return KapsoTime.seconds(iso: text).map(KapsoTime.iso) ?? text
    }
}
