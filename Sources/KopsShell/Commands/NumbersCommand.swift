internal import KapsoClient

/// `numbers`: the project's WhatsApp numbers, the selected one marked.
public enum NumbersCommand: Command {
    public static let name = "numbers"
    public static let summary = "list the project's phone numbers"
    public static let usage = "numbers [--per-page N]"
    public static let details = "Examples:\n  numbers\n  use +1 415-555-0100"
    public static let flags = [FlagSpec("--per-page", value: "N", help: "numbers per page (1-100, default 20)")]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let perPage = try arguments.integer("--per-page", in: 1...100) ?? 20
        return try list(pageQuery: [("page", "1"), ("per_page", String(perPage))], in: context)
    }

    static func list(pageQuery: [(String, String)], in context: ShellContext) throws -> CommandResult {
        let page = try context.client.phoneNumbers(
            page: Page<PhoneNumber>.pageNumber(in: pageQuery),
            perPage: pageQuery.first { $0.0 == "per_page" }.flatMap { Int($0.1) } ?? 20)
        context.rememberList(page, source: .phoneNumbers)
        let selected = context.session.phoneNumberID
        let rows = page.items.map { number -> [StyledText] in
            [
                StyledText(number.id == selected ? "*" : " "),
                StyledText(number.id),
                StyledText(number.displayPhoneNumber ?? "-"),
                StyledText(number.name ?? number.verifiedName ?? "-"),
                StyledText(number.status ?? "-", style: number.status == "CONNECTED" ? .good : .warn),
                StyledText(number.qualityRating ?? "-", style: qualityStyle(number.qualityRating)),
                StyledText(number.webhookVerifiedAt == nil ? "no" : "yes", style: number.webhookVerifiedAt == nil ? .warn : .plain),
            ]
        }
        let table = Table(
            columns: [
                Column("", truncation: .never), Column("ID", truncation: .never), Column("NUMBER", truncation: .never),
                Column("NAME"), Column("STATUS", truncation: .never), Column("QUALITY", truncation: .never),
                Column("WEBHOOK VERIFIED", truncation: .never),
            ], rows: rows)
        var hints = [page.footer]
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
