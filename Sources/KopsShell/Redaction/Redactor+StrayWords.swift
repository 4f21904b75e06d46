extension Redactor {
    /// The offsets (in `command`) of the words that may be the rest of a secret flag's value: positionals past the
    /// most the command takes (`Command.positionalLimit`) that come after a secret flag's value with no flag between
    /// (`webhooks update ID --secret-key A B`: `B`, most likely the secret's second half, pasted with a blank). The
    /// error does not echo them (`Arguments.unexpected`), and the recorded command line masks them with the value
    /// (probe45 P45-2). A positional the command takes stays (`webhooks update --secret-key A ID`: `ID`), as does every
    /// word of a command kops does not know. `--headers` has its own reading (a JSON split at its blanks).
    static func strayWords(in command: [WordSpan]) -> Set<Int> {
        guard command.count > 3, let name = command.first?.word.text,
            let type = try? CommandRegistry.standard.command(named: name)
        else { return [] }
        var positionals: [(offset: Int, afterSecret: Bool)] = []
        var afterSecret = false
        var flagsEnded = false
        var index = 1
        while index < command.count {
            let text = command[index].word.text
            index += 1
            guard !flagsEnded, text.hasPrefix("--"), text.count > 2 else {
                if text == "--" && !flagsEnded { flagsEnded = true } else { positionals.append((index - 1, afterSecret)) }
                continue
            }
            let flag = String(text.prefix { $0 != "=" })
            let secret = isSecretFlag(flag)
            // A flag the command does not take is read as taking a value when it looks like a secret flag, as
            // `secretSources` masks the word after it.
            let takesValue = type.flags.first { $0.name == flag }.map { $0.valueName != nil } ?? secret
            if takesValue && !text.contains("=") { index += 1 }
            afterSecret = secret && takesValue
        }
        guard positionals.contains(where: \.afterSecret),
            let limit = type.positionalLimit(positionals.map { command[$0.offset].word.text })
        else { return [] }
        return Set(positionals.dropFirst(limit).filter(\.afterSecret).map(\.offset))
    }
}
