internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - logs search --problems that found none

extension LogsCommand {
    /// What `logs search --problems` says when it found none under `query`'s filters or text (tester53b U16: "no problems
    /// from … to …" read as the whole project's when a typo'd `--filter endpoint_contains=/nothing` matched nothing).
    /// A `phone_number_id` or `webhook_id` filter that is no id of this project throws, naming it, as `deliveries
    /// --webhook` does; otherwise `no problem matches --filter K=V from …; 'logs search --problems' without it shows the
    /// project's`. Nil without filters or text: then "no problems" is the whole project's. Log search takes those filter
    /// keys (kapso-api.md §6); the unfiltered count is not read (up to 20 more pages), the command to read it is named.
    static func noProblemMatch(_ query: LogSearchQuery, span: String, in context: ShellContext) throws -> String? {
        let filters = query.filters.map { "--filter \($0.key)=\($0.value)" }
        let narrowed = (query.query.map { ["'\($0)'"] } ?? []) + filters
        guard !narrowed.isEmpty else { return nil }
        if let id = query.filters.first(where: { $0.key == "phone_number_id" })?.value {
            let numbers = try context.client.allPhoneNumbers()
            if !numbers.contains(where: { $0.id == id }) {
                throw ShellError.idNotFound(
                    explanation: "--filter phone_number_id=\(VisibleText.escaped(id)): no number of this project has this id; "
                        + "numbers: " + numbers.map(\.label).joined(separator: ", "))
            }
        }
        if let id = query.filters.first(where: { $0.key == "webhook_id" })?.value,
            let identity = try context.identity(of: id, expected: .webhookID), identity.kind != .webhookID, !identity.incomplete
        {
            throw ShellError.idNotFound(
                explanation: "--filter webhook_id=\(VisibleText.escaped(id)): "
                    + (IDResolver.wrongKindLine(identity, expected: .webhookID) ?? identity.statement))
        }
        let which = narrowed.count == 1 ? "it" : "them"
        let unfiltered = "logs search --problems" + (query.source.map { " --source \($0)" } ?? "")
            + (query.period.map { " --period \($0)" } ?? "")
        return "no problem matches \(VisibleText.escaped(narrowed.joined(separator: " ")))\(span); '\(VisibleText.escaped(unfiltered))' "
            + "without \(which) shows the project's"
    }
}
