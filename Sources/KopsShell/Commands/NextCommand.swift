internal import KapsoClient

/// `next`: the following page of the last list.
public enum NextCommand: Command {
    public static let name = "next"
    public static let summary = "show the next page of the last list"
    public static let usage = "next"

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let cursor = context.session.lastList else { throw ShellError.nothingToContinue }
        var result = try page(after: cursor, in: context)
        // The cursors this list was paged with so far: one the API hands back again would show the same page again as
        // new, forever; said as `--all` says it (`ListError.cursorRepeated`, tester61 AJ4).
        let given = cursor.given + [cursor.after].compactMap { $0 }
        if let next = context.session.lastList?.after, given.contains(next) {
            context.session.lastList = nil
            result.blocks = result.blocks.map { block in
                guard case .hint(let text) = block, text.hasSuffix(" (more: next)") else { return block }
                return .hint(String(text.dropLast(" (more: next)".count)) + " (no next page: see below)")
            }
            result.blocks.append(.line(StyledText(ListError.cursorRepeated.message, style: .warn)))
            result.status = .failure
            result.failure = ListError.cursorRepeated.message
        } else {
            context.session.lastList?.given = given
        }
        // Laid out as the page before it (`ListLayout`), when shown at the same width.
        result.blocks = result.blocks.map { block in
            guard case .table(var table) = block else { return block }
            table.keptLayout = cursor.layout
            return .table(table)
        }
        return result
    }

    /// The page after `cursor`'s, as the command that listed it shows it.
    private static func page(after cursor: ListCursor, in context: ShellContext) throws -> CommandResult {
        // A page of the list of another number or profile is never shown under this one (P29-18).
        let now = context.session.listScope(for: cursor.source)
        guard cursor.scope == now else {
            let (was, selected) = cursor.scope.difference(from: now)
            throw ShellError.nextPageElsewhere(command: cursor.source.command, listed: was, selected: selected)
        }
        switch cursor.source {
        case .phoneNumbers:
            return try NumbersCommand.list(pageQuery: cursor.nextQuery, in: context)
        case .webhooks(let scope, let filters):
            return try WebhooksCommand.list(scope: scope, filters: filters, pageQuery: cursor.nextQuery, in: context)
        case .messages(let filters, let limit, let contact, let earlier):
            return try MessagesCommand.list(filters: filters, limit: limit, after: cursor.after, contact: contact, earlier: earlier, in: context)
        case .conversations(let filters, let limit, let contact):
            return try ConversationsCommand.list(filters: filters, limit: limit, after: cursor.after, contact: contact, in: context)
        case .deliveries(let filters, let limit):
            return try DeliveriesCommand.list(filters: filters, limit: limit, after: cursor.after, in: context)
        case .apiLogs(let filters, let limit):
            return try LogsCommand.list(filters: filters, limit: limit, after: cursor.after, in: context)
        case .logSearch(var query):
            query.cursor = cursor.after
            return try LogsCommand.searchPage(query, in: context)
        case .templates(let businessAccountID, let filters, let limit):
            return try TemplatesCommand.list(
                businessAccountID: businessAccountID, filters: filters, limit: limit, after: cursor.after, in: context)
        }
    }
}
