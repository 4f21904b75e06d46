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

    static func list(pageQuery: [(String, String)], in context: ShellContext) throws -> CommandResult {
        let page = try context.client.phoneNumbers(
            page: Page<PhoneNumber>.pageNumber(in: pageQuery),
            perPage: pageQuery.first { $0.0 == "per_page" }.flatMap { Int($0.1) } ?? 20)
        context.rememberList(page, source: .phoneNumbers)
        // The first page with no page after it is the whole list: `explain` may say it knows every number.
        if Page<PhoneNumber>.pageNumber(in: pageQuery) == 1, !page.hasMore { context.ids.rememberAllNumbers(page.items) }
        let selected = context.session.phoneNumberID
        let rows = page.items.map { number -> [StyledText] in
            [
                StyledText(number.id == selected ? "*" : " "),
                StyledText(number.id),
                StyledText(number.displayPhoneNumber ?? "-"),
                StyledText(number.name ?? number.verifiedName ?? "-"),
                StyledText(number.businessAccountID ?? "-"),
                StyledText(number.isCoexistence ? "yes" : "no"),
                StyledText(number.status ?? "-", style: number.status == "CONNECTED" ? .good : .warn),
                StyledText(number.qualityRating ?? "-", style: qualityStyle(number.qualityRating)),
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
        var hints = [page.footer]
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
        for waba in wabas { hints.append("WABA \(waba.id): \(waba.names.joined(separator: ", "))") }
        if page.items.contains(where: \.isCoexistence) {
            hints.append("COEX: shared with the WhatsApp Business app; history sync applies to those numbers")
        }
        if selected == nil, let first = page.items.first { hints.append("select one with 'use \(first.id)'") }
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
