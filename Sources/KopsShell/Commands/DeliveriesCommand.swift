internal import KapsoClient
internal import KapsoDiagnostics

/// `deliveries [--period] [--status] [--event] [--webhook ID] [--errors] [--limit N] [--all | --follow]`, `deliveries stats`.
public enum DeliveriesCommand: Command {
    public static let name = "deliveries"
    public static let summary = "webhook deliveries: what went where and how it went (--follow, stats)"
    public static let usage =
        "deliveries [stats] [--period 24h|7d|30d] [--status S] [--event TYPE] [--webhook ID] [--errors] [--limit N] [--all | --follow]"
    public static let details = """
        Newest first, 20 at a time ('next' shows more); --all prints every page as it arrives (NDJSON
        with --output json). --follow polls for new deliveries until Ctrl-C (--interval seconds between
        polls, default 2; --max-polls N stops after N polls). 'deliveries stats' counts by status, HTTP
        status class, event and webhook.
        Examples:
          deliveries --errors
          deliveries --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --period 7d
          deliveries --all --output json | jq .status
          deliveries --follow
          deliveries stats --period 7d
        """
    public static let maxArguments: Int? = 1
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back (default 24h)"),
        FlagSpec("--status", choices: ["pending", "delivered", "failed"], help: "only deliveries in this state"),
        FlagSpec("--event", value: "TYPE", help: "only this event, e.g. whatsapp.message.received"),
        FlagSpec("--webhook", value: "ID", help: "only deliveries to this webhook"),
        FlagSpec("--errors", help: "only failed deliveries"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "deliveries per page (1-100, default 20; 100 with --all)"),
        FlagSpec("--all", help: "every page, printed as it arrives"),
        FlagSpec("--follow", help: "poll for new deliveries until Ctrl-C"),
        FlagSpec("--interval", value: "S", help: "seconds between --follow polls (default 2, at least 1)"),
        FlagSpec("--max-polls", value: "N", range: 1...1_000_000, help: "stop --follow after N polls"),
        FlagSpec(
            "--output", choices: ["table", "json", "expanded"],
            help: "print this command as a table or JSON (NDJSON with --all, --follow)"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        _ = try query(arguments)
        try refuseUnused(arguments)
        switch arguments.positionals.first {
        case nil: if arguments.has("--follow") { _ = try DeliveryFollow(arguments: arguments, filters: []) }
        case "stats"?: break
        case let other?:
            throw BareWordAdvice.error(for: other, command: name, flags: flags.map(\.name))
                ?? ShellError.invalidValue(command: name, what: "subcommand", value: other, expected: "'stats' or flags")
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let filters = try query(arguments)
        let forced = arguments.value("--output").flatMap(OutputMode.init(rawValue:))
        switch arguments.positionals.first {
        case nil:
            let limit = arguments.integer("--limit") ?? 20
            let mode = context.outputMode(arguments)
            if arguments.has("--follow") {
                return try DeliveryFollow(arguments: arguments, filters: filters).run(in: context, mode: mode)
            }
            if arguments.has("--all") { return try all(filters: filters, mode: mode, pageSize: ListStream.pageSize(arguments), in: context) }
            return try list(filters: filters, limit: limit, after: nil, in: context).shown(as: forced)
        default:
            return try DeliveryStatsReport.run(filters: filters, in: context).shown(as: forced)
        }
    }

    /// Refuses flags that would be dropped without a word (probe43 P43-8: `deliveries --all --follow` followed and ignored
    /// `--all`): `--all` with `--follow` (usage `[--all | --follow]`, as `logs search` refuses them), `--interval` or
    /// `--max-polls` without `--follow`, and the list's `--all` and `--follow` with `stats`.
    static func refuseUnused(_ arguments: Arguments) throws(ShellError) {
        if arguments.has("--all"), arguments.has("--follow") {
            throw .invalidValue(
                command: name, what: "combination", value: "--all with --follow",
                expected: "one of them: --all prints every page there is, --follow only what arrives after it starts")
        }
        // `--errors` is Kapso's `errors_only`, "only failed" (kapso-api.md §4): with another status it can match nothing,
        // and "no deliveries match … look further back" sent the user after what cannot exist (tester53 T2).
        if arguments.has("--errors"), let status = arguments.value("--status"), status != "failed" {
            throw .invalidValue(
                command: name, what: "combination", value: "--status \(status) with --errors",
                expected: "one of them: --errors lists failed deliveries only (it means --status failed), --status \(status) the \(status) ones")
        }
        // The delivery log's `status` and `event` filters take one value each (kapso-api.md §4): a second one replaced the
        // first without a word (tester53b U11).
        for (flag, counted) in [("--status", "status"), ("--event", "event")] {
            let given = arguments.all(flag)
            if let first = given.first, let other = given.first(where: { $0 != first }) {
                throw .invalidValue(
                    command: name, what: "combination", value: "\(flag) \(first) with \(flag) \(other)",
                    expected: "one \(flag): Kapso's filter takes one value; run once for each, or 'deliveries stats' counts by \(counted)")
            }
        }
        if arguments.positionals.first == "stats", let flag = ["--all", "--follow"].first(where: arguments.has) {
            throw .invalidValue(
                command: name, what: "use of \(flag)", value: "stats \(flag)",
                expected: "'deliveries \(flag)' (the list) or 'deliveries stats' alone: stats counts the period's deliveries once")
        }
        if !arguments.has("--follow"), let flag = ["--interval", "--max-polls"].first(where: { arguments.value($0) != nil }) {
            // One naming of the flag (tester63 AN12: "invalid use of --interval '--interval 5'; expected --interval …").
            throw .syntax("\(name): \(flag) goes with --follow (\(flag == "--interval" ? "the seconds between polls" : "the polls to make")); add --follow, or leave \(flag) out")
        }
    }

    /// The API query for the filter flags (`period`, `status`, `event`, `webhook_id`, `errors_only`).
    static func query(_ arguments: Arguments) throws -> [(String, String)] {
        var query: [(String, String)] = []
        if let period = arguments.value("--period") { query.append(("period", period)) }
        if let status = arguments.value("--status") { query.append(("status", status)) }
        if let event = arguments.value("--event") {
            try EventNameInput.check(event, command: name)
            query.append(("event", event))
        }
        if let webhook = arguments.value("--webhook") {
            // Webhook ids are UUIDs; the API answers another value with 400 (logged as the project's failure).
            query.append((
                "webhook_id",
                try MessageInput.uuid(webhook, command: name, what: "value for --webhook", expected: .webhookID, label: "--webhook")
            ))
        }
        if arguments.has("--errors") { query.append(("errors_only", "true")) }
        return query
    }

    /// One page as a table, remembered for `next`.
    static func list(
        filters: [(String, String)], limit: Int, after: String?, in context: ShellContext
    ) throws
        -> CommandResult
    {
        let query = filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? [])
        let page = try context.client.webhookDeliveries(query)
        context.rememberList(page, source: .deliveries(filters: filters, limit: limit))
        guard !page.items.isEmpty else {
            if after == nil { try context.verifyIDFilters(filters) }
            let period = filters.last { $0.0 == "period" }?.1 ?? DeliveryPeriod.standard
            let further = DeliveryPeriod.all.drop { $0 != period }.dropFirst().map { "--period \($0)" }
            let hint = further.isEmpty ? "" : " (\(further.joined(separator: " or ")) looks further back)"
            return CommandResult(blocks: [.line(StyledText("no deliveries match in the last \(period)\(hint)"))], json: page.json)
        }
        let numbers = page.items.map(\.phoneNumberID)
        var blocks: [Block] = [
            .table(NumberColumn.adding(to: table(page.items), numbers: numbers, in: context, wholeProject: true)), .hint(page.footer),
        ]
        if let note = NumberColumn.otherDeliveriesNote(numbers, in: context) { blocks.append(.hint(note)) }
        let unanswered = page.items.filter { ($0.attemptCount ?? 0) > 0 && $0.answer == .none }.count
        if let note = DeliveryAnswer.noResponseNote(count: unanswered) { blocks.append(.hint(note)) }
        if let note = DeliveryAnswer.unreadableNote(page.items) { blocks.append(.hint(note)) }
        // A `pending` long past Kapso's retries is stuck, by the rule 'webhooks check' reads (probe11 P11-6).
        if let stuck = WebhookVerdict.stuckNote(page.items.compactMap(WebhookVerdict.Delivery.init), now: context.now()) {
            blocks.append(.hint(stuck))
        }
        return CommandResult(blocks: blocks, json: page.json)
    }

    private static func all(
        filters: [(String, String)], mode: OutputMode, pageSize: Int, in context: ShellContext
    ) throws -> CommandResult {
        let count = try ListStream(context: context, mode: mode).run(
            fetch: { try context.client.webhookDeliveries(filters + [("limit", String(pageSize))] + $0, keeping: $1, locating: $2) },
            request: { context.client.webhookDeliveriesRequest(filters + [("limit", String(pageSize))] + $0) },
            tableKeys: tableKeys, table: table(_:), locatedTable: table(_:located:))
        context.session.lastList = nil
        if count == 0 { try context.verifyIDFilters(filters) }
        // The stream's rows are not held to count whose they are; the selection is not applied, which is said.
        let scope = context.session.phoneNumberID.map { " (the whole project's, not only \(NumberColumn.short($0))'s: Kapso's delivery log has no number filter)" } ?? ""
        return CommandResult(blocks: [.hint("\(count) \(count == 1 ? "delivery" : "deliveries")\(count > 0 ? scope : "")")])
    }

    /// The keys of a delivery `table` reads, in the order `table(_:located:)` reads them (`status` from the item).
    static let tableKeys = ["created_at", "event", "response_status", "attempt_count", "last_attempt_at", "webhook_url"]

    /// Time, event, status, HTTP status, attempts, last attempt, webhook URL. At a narrow terminal the last
    /// attempt is left out and the webhook goes under its row, so the event is never cut.
    static func table(_ deliveries: [WebhookDelivery]) -> Table {
        table(
            rows: deliveries.map { delivery in
                row(
                    time: TimeText.short(delivery.createdAt), event: delivery.event, status: delivery.status,
                    answer: delivery.answer, attemptCount: delivery.attemptCount,
                    lastAttempt: TimeText.short(delivery.lastAttemptAt), shortURL: WebhookURL.short(delivery.webhookURL))
            })
    }

    /// `table` for deliveries cut down to their checked keys, the values of `tableKeys` read from where `received`
    /// located them (`ReceivedItems.located`): the same cells as `table` gives the whole items
    /// (`LocatedRowsTests`), without an object built, searched and freed for each row.
    ///
    /// A page's few events and webhook URLs are made once each and shared by the rows that show them, and a last
    /// attempt with the bytes of the delivery's time shares its cell (docs/performance.md, "Session 13").
    static func table(_ deliveries: [WebhookDelivery], located received: ReceivedItems) -> Table {
        var events = ReceivedItems.LocatedStrings()
        var urls = ReceivedItems.LocatedStrings()
        return table(
            rows: deliveries.indices.map { item in
                // `tableKeys` order; `WebhookDelivery`'s accessors give the defaults.
                let createdAt = received.locatedString(0, in: item)
                let time = TimeText.short(createdAt ?? "")
                let same = createdAt != nil && received.locatedSame(4, 0, in: item)
                return row(
                    time: time,
                    event: received.locatedString(1, in: item, reusing: &events, madeBy: { String(decoding: $0, as: UTF8.self) })
                        ?? received.locatedString(1, in: item) ?? "-",
                    status: deliveries[item].status, answer: DeliveryAnswer(recorded: received.located(2, in: item)),
                    attemptCount: WebhookDelivery.attemptCount(received.located(3, in: item)),
                    lastAttempt: same ? time : TimeText.short(received.locatedString(4, in: item)),
                    // The short URL made from the bytes: one string a row instead of the URL's and then its cut.
                    shortURL: received.locatedString(5, in: item, reusing: &urls, madeBy: WebhookURL.short(utf8:))
                        ?? WebhookURL.short(received.locatedString(5, in: item) ?? ""))
            })
    }

    /// `time` and `lastAttempt` as `TimeText.short` shows them.
    private static func row(
        time: String, event: String, status: String, answer: DeliveryAnswer, attemptCount: Int?, lastAttempt: String,
        shortURL: String
    ) -> [StyledText] {
        [
            StyledText(time), StyledText(event), Self.status(status),
            // 0 or none after an attempt is no HTTP answer (`DeliveryAnswer`, P37-5); none before any attempt is "-"; a
            // value kops cannot read is `unreadable`, never either (tester54 V23).
            StyledText(answer.cell(none: attemptCount == 0 ? "-" : "none"), style: httpStyle(answer.httpStatus)),
            StyledText(attemptCount.map(String.init) ?? DeliveryAnswer.unreadableLabel), StyledText(lastAttempt),
            StyledText(shortURL),
        ]
    }

    private static func table(rows: [[StyledText]]) -> Table {
        var lastAttempt = Column("LAST ATTEMPT", truncation: .never)
        lastAttempt.dropsWhenNarrow = true
        var table = Table(
            columns: [
                Column("TIME", truncation: .never), Column("EVENT", truncation: .never),
                Column("STATUS", truncation: .never), Column("HTTP", truncation: .never, alignRight: true),
                Column("TRIES", truncation: .never, alignRight: true), lastAttempt, Column("WEBHOOK", truncation: .middle),
            ], rows: rows)
        table.detailBelowWhenTooWide = true
        return table
    }

    /// A delivery status drawn green, yellow or red.
    static func status(_ status: String) -> StyledText {
        switch status {
        case "": StyledText("-", style: .warn)
        case "delivered": StyledText(status, style: .good)
        case "failed": StyledText(status, style: .bad)
        default: StyledText(status, style: .warn)
        }
    }

    private static func httpStyle(_ status: Int?) -> Style {
        guard let status else { return .bad }
        return (200..<300).contains(status) ? .plain : .bad
    }

}
