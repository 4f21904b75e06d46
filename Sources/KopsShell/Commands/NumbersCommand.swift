internal import KapsoClient
internal import KapsoDiagnostics

/// `numbers`: the project's WhatsApp numbers, the selected one marked.
public enum NumbersCommand: Command {
    public static let name = "numbers"
    public static let summary = "list the project's phone numbers with their WABA and coexistence"
    public static let usage = "numbers [--per-page N]"
    public static let details = "Examples:\n  numbers\n  use +1 415-555-0100"
    public static let flags = [FlagSpec("--per-page", value: "N", range: 1...100, help: "numbers per page (1-100, default 20)")]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let perPage = arguments.integer("--per-page") ?? 20
        return try list(pageQuery: [("page", "1"), ("per_page", String(perPage))], in: context)
    }

    /// What an empty project says: a key for the wrong project is itself the finding, not "nothing to fix" (probe3 F18;
    /// tester57 AB11: `numbers` said "0 items" and `webhooks check` "0 errors", exit 0, where `overview` said this).
    static let noNumbersLine = "this key's project has no phone numbers: wrong key or project? 'state' shows where the key came from"

    static func list(pageQuery: [(String, String)], in context: ShellContext) throws -> CommandResult {
        let page = try context.client.phoneNumbers(
            page: Page<PhoneNumber>.pageNumber(in: pageQuery),
            perPage: pageQuery.first { $0.0 == "per_page" }.flatMap { Int($0.1) } ?? 20)
        context.rememberList(page, source: .phoneNumbers)
        // The first page with no page after it is the whole list: `explain` may say it knows every number.
        if Page<PhoneNumber>.pageNumber(in: pageQuery) == 1, !page.hasMore { context.ids.rememberAllNumbers(page.items) }
        let selected = context.session.phoneNumberID
        // A health read this session that says otherwise than Kapso's stored record: marked in the cells and said below
        // the table, as `whois` says it (SenderState.difference, P41-8).
        let differences = page.items.compactMap { number in
            context.ids.healthReads[number.id].flatMap { SenderState.difference(number, read: $0, fields: "STATUS and QUALITY above") }
                .map { (id: number.id, difference: $0) }
        }
        // The JSON is the API's, as stored: the difference is said on standard error beside it, or a script's `assert`
        // on the stored quality passes silently after a health read that says otherwise (probe43 P43-11).
        if (context.shell?.outputOverride ?? context.session.output) == .json, !differences.isEmpty {
            context.emit(CommandResult(blocks: differences.map { .hint($0.difference.line) }))
        }
        let rows = page.items.map { number -> [StyledText] in
            let difference = differences.first { $0.id == number.id }?.difference
            return [
                StyledText(number.id == selected ? "*" : " "),
                StyledText(number.id),
                StyledText(number.displayPhoneNumber ?? "-"),
                StyledText(number.name ?? number.verifiedName ?? "-"),
                StyledText(number.businessAccountID ?? "-"),
                StyledText(number.isCoexistence ? "yes" : "no"),
                StyledText(
                    difference?.statusCell(number.status) ?? number.status ?? "-",
                    style: number.status == "CONNECTED" && difference?.status == nil ? .good : .warn),
                StyledText(
                    difference?.qualityCell(number.qualityRating) ?? number.qualityRating ?? "-",
                    style: qualityStyle(difference?.quality ?? number.qualityRating)),
            ]
        }
        // Ids and numbers never shrink. On a terminal too narrow for every column (80), WABA is left out rather than
        // cut to `2003…601`: the hints below name each WABA id whole with its numbers.
        var waba = Column("WABA", truncation: .never)
        waba.dropsWhenNarrow = true
        let table = Table(
            columns: [
                Column("", truncation: .never), Column("ID", truncation: .never), Column("NUMBER", truncation: .never),
                Column("NAME"), waba, Column("COEX", truncation: .never),
                Column("STATUS", truncation: .never), Column("QUALITY", truncation: .never),
            ], rows: rows)
        var hints = [page.footer] + differences.map { $0.difference.line }
        if page.items.isEmpty, !page.hasMore, Page<PhoneNumber>.pageNumber(in: pageQuery) == 1 { hints.append(noNumbersLine) }
        // A number whose state sends nothing is said first, as `use` says it (tester61 AJ15: a DISCONNECTED and a BANNED
        // number got only a webhook-verification hint, and `use` of the disconnected one was advised).
        let states = page.items.map { number -> (number: PhoneNumber, state: NumberStatus?, source: String) in
            let listed = NumberStatus.listed(number, read: context.ids.healthReads[number.id])
            return (number, listed.state, listed.source.rawValue)
        }
        // Every other state that is not CONNECTED is named too, hedged where its state does not say whether it sends
        // (tester62 AK9: RESTRICTED, RATE_LIMITED, FLAGGED and UNKNOWN were said nowhere; NumberStatus.Sending).
        for (number, state, source) in states {
            guard let state else { continue }
            let label = "\(state.sendingLabel): \(number.name ?? number.id) (\(number.id)) is \(state.word) (\(source)): \(state.cause)"
            switch state.sending {
            case .no: hints.append(label + "; 'health \(number.id)' says what to do")
            case .notKnown:
                hints.append(label + "; whether it can send is not known from its state: 'health \(number.id)' reads its messaging health")
            case .repliesOnly, .asUsual: hints.append(label + "; 'health \(number.id)' reads its messaging health")
            }
        }
        for number in page.items {
            if let line = DisplayNameStatus(number.json["name_status"]?.string)?.listLine(name: number.name ?? number.id, id: number.id) {
                hints.append(line)
            }
        }
        let unverified = page.items.filter { $0.webhookVerifiedAt == nil }.map { (name: $0.name ?? $0.id, id: $0.id) }
        if !unverified.isEmpty { hints.append(HealthTriage.unverifiedWebhooksLine(unverified)) }
        // The WABA ids whole, whatever the width: the id a WABA-for-number mix-up needs.
        var wabas: [(id: String, names: [String])] = []
        for number in page.items {
            guard let waba = number.businessAccountID else { continue }
            if let index = wabas.firstIndex(where: { $0.id == waba }) {
                wabas[index].names.append(number.name ?? number.id)
            } else {
                wabas.append((waba, [number.name ?? number.id]))
            }
        }
        for waba in wabas { hints.append("WABA \(waba.id): " + Renderer.joined(waba.names, separator: ", ")) }
        if page.items.contains(where: \.isCoexistence) {
            hints.append("COEX: shared with the WhatsApp Business app; history sync applies to those numbers")
        }
        // A display number several numbers show: each named with its state, and 'use' given the id (P42-7).
        var shownTwice: Set<String> = []
        for number in page.items where !number.normalizedDisplayNumber.isEmpty && shownTwice.insert(number.normalizedDisplayNumber).inserted {
            guard let shared = SharedDisplayNumber(digits: number.normalizedDisplayNumber, numbers: page.items, reads: context.ids.healthReads)
            else { continue }
            hints.append(shared.statement + "; 'use' takes the phone-number id to pick one")
        }
        // The number to select: the first CONNECTED one (a DISCONNECTED record is no advice to give, P42-7; nor one
        // RESTRICTED or RATE_LIMITED beside a CONNECTED one, AK9). Without one, the first whose state lets it send, said
        // with its state; when none can, `use` still reads a number's messages: said so, not advised as a sender (AJ15).
        let connected = states.first { $0.state == nil }?.number
        let order: [NumberStatus.Sending] = [.asUsual, .repliesOnly, .notKnown]
        let next = order.lazy.compactMap { sending in states.first { $0.state?.sending == sending } }.first
        if selected == nil, let first = connected {
            hints.append("select one with 'use \(first.id)'")
        } else if selected == nil, let (number, state, _) = next, let state {
            hints.append(
                "no number listed here is CONNECTED; 'use \(number.id)' selects \(number.name ?? number.id), which is "
                    + "\(state.word) (\(state.sendingLabel): see above)")
        } else if selected == nil, let first = page.items.first {
            hints.append("no number listed here can send by its state; 'use \(first.id)' still reads its messages and history")
        }
        return CommandResult(blocks: [.table(table)] + hints.map(Block.hint), json: page.json)
    }

    private static func qualityStyle(_ rating: String?) -> Style {
        switch rating {
        case "GREEN": .good
        case "YELLOW": .warn
        case "RED": .bad
        default: .plain
        }
    }
}
