/// What scripts may do unattended: commands that change data need `--allow-writes`.
public enum ScriptPolicy {
    /// Commands that write, by name and (for groups) first positional word: `webhooks create`, `reply`.
    ///
    /// Holds even for commands that do not declare `isWrite` themselves.
    static let writes: [String: Set<String>?] = [
        "webhooks": ["create", "update", "delete", "test"],
        "reply": nil,
    ]

    /// Writes that change nothing in Kapso: they count as writes only because they send deliveries to a URL off this
    /// machine (a loopback handler needs no `--allow-writes`); their refusal says so.
    static let sendsOffMachine: Set<String> = ["webhooks fire", "webhooks probe", "replay"]

    /// True when the command given as words changes data: by the table above or the command's own `isWrite`.
    public static func isWrite(_ words: [String], registry: CommandRegistry) -> Bool {
        guard let name = words.first else { return false }
        let command = try? registry.command(named: name)
        let canonical = command?.name ?? name
        // Flag values are not subcommands: `webhooks --scope project test` tests.
        let parsed = command.flatMap { try? Arguments(command: $0, words: Array(words.dropFirst())) }
        let positionals = parsed?.positionals ?? words.dropFirst().filter { !$0.hasPrefix("--") }
        if let entry = writes[canonical] {
            // `reply --dry-run` only shows the request it would send.
            guard let subcommands = entry else { return !words.contains("--dry-run") }
            if let first = positionals.first, subcommands.contains(first) { return true }
        }
        return command?.isWrite(Array(words.dropFirst())) ?? false
    }

    /// The words naming the write for an error, e.g. `webhooks delete`.
    static func label(_ words: [String]) -> String {
        guard let name = words.first else { return "" }
        if case .some(.some) = writes[name], let subcommand = words.dropFirst().first(where: { !$0.hasPrefix("--") }) {
            return name + " " + subcommand
        }
        return name
    }
}
