internal import KopsHTTP
internal import KapsoClient

/// `webhooks [list] [--scope number|project]`, `webhooks get ID`.
public enum WebhooksCommand: Command {
    public static let name = "webhooks"
    public static let summary = "list webhooks of the selected number or the project, or show one"
    public static let usage = "webhooks [list [--scope number|project] [--kind kapso|meta] [--active true|false] | get ID]"
    public static let details = """
        --scope number (default) lists the selected number's webhooks; --scope project lists every
        webhook of the project, project-scoped ones included. Secrets are shown masked.
        Examples:
          webhooks
          webhooks --scope project
          webhooks get 3f1c2a9e-...
        """
    public static let maxArguments: Int? = 2
    public static let flags = [
        FlagSpec("--scope", choices: ["number", "project"], help: "whose webhooks to list (default: number)"),
        FlagSpec("--kind", choices: ["kapso", "meta"], help: "only webhooks of this kind"),
        FlagSpec("--active", choices: ["true", "false"], help: "only active or only paused webhooks"),
        FlagSpec("--per-page", value: "N", help: "webhooks per page (1-100, default 20)"),
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        switch arguments.positionals.first ?? "list" {
        case "list":
            if arguments.positionals.count > 1 {
                throw ShellError.unexpectedArgument(command: name, argument: arguments.positionals[1], usage: usage)
            }
            let scope: KapsoClient.WebhookScope =
                arguments.value("--scope") == "project" ? .project : .phoneNumber(try context.session.requirePhoneNumber())
            let filters = [("kind", arguments.value("--kind")), ("active", arguments.value("--active"))]
                .compactMap { key, value in value.map { (key, $0) } }
            let perPage = try arguments.integer("--per-page", in: 1...100) ?? 20
            return try list(scope: scope, filters: filters, pageQuery: [("page", "1"), ("per_page", String(perPage))], in: context)
        case "get":
            return try get(try arguments.required(1, "webhook id"), in: context)
        case let other:
            throw ShellError.invalidValue(command: name, what: "subcommand", value: other, expected: "'list' or 'get'")
        }
    }

    static func list(
        scope: KapsoClient.WebhookScope, filters: [(String, String)], pageQuery: [(String, String)], in context: ShellContext
    ) throws -> CommandResult {
        let page = try context.client.webhooks(
            scope, page: Page<Webhook>.pageNumber(in: pageQuery),
            perPage: pageQuery.first { $0.0 == "per_page" }.flatMap { Int($0.1) } ?? 20, filters: filters)
        context.rememberList(page, source: .webhooks(scope, filters: filters))
        let rows = page.items.map { webhook -> [StyledText] in
            [
                StyledText(webhook.id),
                StyledText(webhook.phoneNumberID ?? "project", style: webhook.isProjectScoped ? .warn : .plain),
                StyledText(webhook.kind),
                StyledText(webhook.payloadVersion ?? "-", style: webhook.payloadVersion == "v1" ? .warn : .plain),
                StyledText(webhook.active ? "yes" : "no", style: webhook.active ? .plain : .warn),
                StyledText(webhook.events.isEmpty ? "-" : webhook.events.joined(separator: ",")),
                StyledText(webhook.url),
            ]
        }
        let table = Table(
            columns: [
                Column("ID", truncation: .middle), Column("SCOPE", truncation: .never), Column("KIND", truncation: .never),
                Column("PAYLOAD", truncation: .never), Column("ACTIVE", truncation: .never), Column("EVENTS"),
                Column("URL", truncation: .middle),
            ], rows: rows)
        if let last = page.items.last { context.session.lastWebhookID = last.id }
        return CommandResult(blocks: [.table(table), .hint(page.footer)], json: page.json)
    }

    static func get(_ id: String, in context: ShellContext) throws -> CommandResult {
        let webhook = try context.client.webhook(id)
        context.session.lastWebhookID = webhook.id
        var fields = [
            Field("id", webhook.id), Field("url", webhook.url),
            Field("scope", webhook.phoneNumberID.map { "phone number \($0)" } ?? "project (message events never delivered)",
                  style: webhook.isProjectScoped ? .warn : .plain),
            Field("kind", webhook.kind), Field("payload", webhook.payloadVersion ?? "-"),
            Field("active", webhook.active ? "yes" : "no", style: webhook.active ? .plain : .warn),
            Field("events", webhook.events.isEmpty ? "-" : webhook.events.joined(separator: ", ")),
            Field("secret", webhook.secretKey.map(\.masked) ?? "none", style: webhook.secretKey == nil ? .warn : .plain),
            Field("buffering", webhook.bufferEnabled ? "on" : "off"),
        ]
        if let created = webhook.createdAt { fields.append(Field("created", created)) }
        return CommandResult(blocks: [.fields(fields)], json: .object(webhook.json))
    }
}
