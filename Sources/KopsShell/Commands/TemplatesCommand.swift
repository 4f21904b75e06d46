internal import KapsoClient
internal import KapsoDiagnostics

/// `templates [--status S] [--category C] [--name N] [--language L] [--limit N] [--all]`: the message templates
/// of the selected number's WABA (found from the number, kapso-api.md §14.3).
public enum TemplatesCommand: Command {
    public static let name = "templates"
    public static let summary = "list the message templates of the selected number's WABA, with status and parameters"
    public static let usage =
        "templates [--status STATUS] [--category CATEGORY] [--name NAME] [--language CODE] [--limit N] [--all]"
    public static let details = """
        Lists the templates of the WhatsApp Business Account the selected number belongs to (read from
        the number). PARAMS says what a send must give. 'template NAME' shows one in full; 'next'
        continues; --all streams every page (NDJSON with '--output json').
        Examples:
          templates --status APPROVED
          templates --category MARKETING --all
        """
    public static let flags = [
        FlagSpec(
            "--status", choices: ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL"],
            help: "only templates in this review status"),
        FlagSpec("--category", choices: ["MARKETING", "UTILITY", "AUTHENTICATION"], help: "only this category"),
        FlagSpec("--name", value: "NAME", help: "only templates with this exact name"),
        FlagSpec("--language", value: "CODE", help: "only this language code (en_US, es, ...)"),
        FlagSpec("--limit", value: "N", range: 1...100, help: "templates per page (1-100, default 20; 100 with --all)"),
        FlagSpec("--all", help: "stream every page"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        if let language = arguments.value("--language"), !TemplateLanguage.isKnown(language) {
            throw ShellError.invalidValue(
                command: name, what: "value for --language", value: language,
                expected: "a WhatsApp template language code such as en_US, es, pt_BR")
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let phoneNumberID = try context.session.requirePhoneNumber()
        // A token or secret pasted as the name would go out in the request's query (tester70 F15).
        if let templateName = arguments.value("--name") { try IDArgument.refuseCredential(templateName, command: name, flag: "--name", expected: nil) }
        var filters: [(String, String)] = []
        for flag in ["--name", "--status", "--category", "--language"] {
            if let value = arguments.value(flag) { filters.append((String(flag.dropFirst(2)), value)) }
        }
        let limit = arguments.integer("--limit") ?? 20
        let waba = try TemplateLookup.businessAccountID(of: phoneNumberID, in: context)
        guard arguments.has("--all") else {
            return try list(businessAccountID: waba, filters: filters, limit: limit, after: nil, in: context)
        }
        context.session.lastList = nil
        let count = try ListStream(context: context, mode: context.session.output).run(
            fetch: { after in
                let page = try context.client.templates(
                    businessAccountID: waba, filters: filters, limit: ListStream.pageSize(arguments), after: after.first?.1)
                for item in page.items { TemplateLookup.remember(MessageTemplate(json: item), in: context) }
                return page
            },
            json: { $0 }, table: { table($0.map(MessageTemplate.init(json:))) })
        return CommandResult(blocks: [.hint("\(count) template\(count == 1 ? "" : "s") on WABA \(waba)")])
    }

    static func list(
        businessAccountID: String, filters: [(String, String)], limit: Int, after: String?, in context: ShellContext
    ) throws -> CommandResult {
        let page = try context.client.templates(businessAccountID: businessAccountID, filters: filters, limit: limit, after: after)
        let templates = page.items.map(MessageTemplate.init(json:))
        for template in templates { TemplateLookup.remember(template, in: context) }
        context.rememberList(page, source: .templates(businessAccountID: businessAccountID, filters: filters, limit: limit))
        return CommandResult(
            blocks: [.table(table(templates)), .hint(page.footer + (page.hasMore ? "" : "; 'template NAME' shows one"))],
            json: page.json)
    }

    static func table(_ templates: [MessageTemplate]) -> Table {
        let rows = templates.map { template -> [StyledText] in
            [
                StyledText(template.name), StyledText(template.language), StyledText(template.category),
                status(template.status), quality(template.quality), StyledText(TemplateLookup.parameterSummary(template)),
                StyledText(template.id),
            ]
        }
        return Table(
            columns: [
                // The name is what 'template NAME' and 'reply --template NAME' take: never cut.
                Column("NAME", truncation: .never), Column("LANGUAGE", truncation: .never), Column("CATEGORY", truncation: .never),
                Column("STATUS", truncation: .never), Column("QUALITY", truncation: .never), Column("PARAMS"),
                Column("ID", truncation: .middle),
            ], rows: rows)
    }

    /// `APPROVED` green, `PAUSED`/`DISABLED`/`REJECTED` red, anything else (in review) yellow.
    static func status(_ status: String) -> StyledText {
        switch status {
        case "APPROVED": StyledText(status, style: .good)
        case "PAUSED", "DISABLED", "REJECTED": StyledText(status, style: .bad)
        default: StyledText(status, style: .warn)
        }
    }

    static func quality(_ score: String?) -> StyledText {
        switch score {
        case "GREEN"?: StyledText("GREEN", style: .good)
        case "YELLOW"?: StyledText("YELLOW", style: .warn)
        case "RED"?: StyledText("RED", style: .bad)
        case let other?: StyledText(other)
        case nil: StyledText("-")
        }
    }
}
