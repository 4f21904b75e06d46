/// Tab-completion candidates for the word under the cursor: command names, then the command's flags and choices.
public enum Completion {
    public static func candidates(lineBeforeCursor: String, registry: CommandRegistry) -> [String] {
        let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let completingNewWord = lineBeforeCursor.last == " " || words.isEmpty
        guard words.count > 1 || (words.count == 1 && completingNewWord) else { return registry.names }
        guard let command = try? registry.command(named: words[0]) else { return [] }
        let previous = completingNewWord ? words.last : words.dropLast().last
        if let previous, let flag = command.flags.first(where: { $0.name == previous }), flag.valueName != nil {
            return flag.choices ?? []
        }
        return command.flags.map(\.name)
    }
}
