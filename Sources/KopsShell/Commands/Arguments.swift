/// A command's words after flags were checked against its `FlagSpec`s.
///
/// `webhooks get abc --scope=project` → positionals `["get", "abc"]`, values `["--scope": "project"]`.
public struct Arguments: Sendable {
    public var command: String
    public var positionals: [String]
    public var values: [String: String]
    public var switches: Set<String>
    /// Every value of each flag, in order, for flags that may repeat (`--set a=1 --set b=2`, `--param a --param b`).
    public var repeated: [String: [String]] = [:]
    public var usage: String
    /// The positionals (their indices) and flags whose value starts with a `~` that names no home folder (it was quoted:
    /// `Word.literalTildes`): `Shell.resolvingPaths` reads such a path as typed.
    public var literalHome: (positionals: Set<Int>, flags: Set<String>) = ([], [])
    /// Positionals (their indices) that came after the value of a flag whose value is a secret (`--secret-key`,
    /// `--headers`: `Redactor.isSecretFlag`), with no flag between: most likely the rest of that value, typed with a blank
    /// and no quotes (`--headers {"Authorization": "Bearer …"}`), so never echoed (probe45 P45-2).
    public var afterSecretValue: [Int: String] = [:]
    /// The command's flags, for what a stray word most likely meant (`BareWordAdvice`).
    var flagNames: [String] = []

    /// Parses words for a command; `--` ends flags. `literalHome`: the offsets of the words that start with a quoted `~`
    /// (`Word.startsWithLiteralTilde`).
    public init(command: any Command.Type, words: [String], literalHome: Set<Int> = []) throws(ShellError) {
        self.command = command.name
        self.usage = command.usage
        flagNames = command.flags.map(\.name)
        positionals = []
        values = [:]
        switches = []
        var index = 0
        var flagsEnded = false
        // The secret flag whose value came last, until another flag.
        var secretFlag: String?
        while index < words.count {
            let word = words[index]
            index += 1
            if command.flagsAfterFirstWordAreWords, !positionals.isEmpty { flagsEnded = true }
            guard !flagsEnded, word.hasPrefix("--"), word.count > 2 else {
                if word == "--" && !flagsEnded {
                    flagsEnded = true
                } else {
                    if !flagsEnded, let error = TypographicDash.error(word, command: command.name, flags: flagNames) { throw error }
                    if literalHome.contains(index - 1) { self.literalHome.positionals.insert(positionals.count) }
                    if let secretFlag { afterSecretValue[positionals.count] = secretFlag }
                    positionals.append(word)
                }
                continue
            }
            secretFlag = nil
            var name = word
            var inline: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inline = String(word[word.index(after: equals)...])
            }
            guard let spec = command.flags.first(where: { $0.name == name }) else {
                throw .unknownFlag(
                    command: command.name, flag: name,
                    suggestion: Self.outputSpellings[name] ?? Self.contactFlag(name, among: command.flags.map(\.name))
                        ?? Suggestion.closest(to: name, in: command.flags.map(\.name)))
            }
            guard let valueName = spec.valueName else {
                if inline != nil { throw .invalidValue(command: command.name, what: "use of \(name)", value: word, expected: "\(name) without a value") }
                switches.insert(name)
                continue
            }
            guard var value = inline ?? (index < words.count ? words[index] : nil) else {
                throw .missingArgument(command: command.name, what: "value for \(name) (\(valueName))", usage: command.usage)
            }
            if literalHome.contains(inline == nil ? index : index - 1) { self.literalHome.flags.insert(name) }
            if inline == nil { index += 1 }
            if valueName.hasPrefix("E164") {
                let left = PhoneNumberSplit.rest(of: value, after: words[index...])
                if !left.isEmpty { throw .splitPhoneNumber(command: command.name, flag: name, took: value, left: left) }
            }
            if let choices = spec.choices {
                // Any case (`--status paused`), read as the choice is listed (`PAUSED`).
                guard let choice = choices.first(where: { $0 == value }) ?? choices.first(where: { $0.lowercased() == value.lowercased() })
                else {
                    if let advice = spec.nearMisses[value.lowercased()] {
                        throw .invalidValue(command: command.name, what: "value for \(name)", value: value, expected: advice)
                    }
                    throw .invalidValue(
                        command: command.name, what: "value for \(name)", value: value,
                        expected: choices.map { "'\($0)'" }.joined(separator: ", "))
                }
                value = choice
            }
            if let range = spec.range {
                guard let number = Int(value), range.contains(number) else {
                    throw .invalidValue(
                        command: command.name, what: "value for \(name)", value: value,
                        expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
                }
            }
            values[name] = value
            repeated[name, default: []].append(value)
            if Redactor.isSecretFlag(name) || name == Redactor.headersFlag { secretFlag = name }
        }
        if let max = command.maxArguments, positionals.count > max { throw unexpected(max) }
    }

    /// Other tools' spellings of the output flag every command takes (`Shell.takeOutput`): `health --json` (gh, the Stripe
    /// CLI) got "see 'help health'" (tester63b AO12); `--jsonl`/`--ndjson`: JSON mode's lists are NDJSON (tester64b U12).
    static let outputSpellings = [
        "--json": "--output json", "--format": "--output", "--jsonl": "--output json", "--ndjson": "--output json",
    ]

    /// The flag that names the contact, for `--contact` (or `--recipient`) on a command whose flag for it is `--phone-number`
    /// or `--to` (tester69b L5: `help messages` says it filters by contact, and `messages --contact N` got only "see 'help
    /// messages'"); nil for any other flag or a command without one.
    static func contactFlag(_ flag: String, among flags: [String]) -> String? {
        guard flag == "--contact" || flag == "--recipient" else { return nil }
        return ["--phone-number", "--to"].first(where: flags.contains)
    }

    /// The error for the positional at `index`, one too many: "unexpected argument 'X'", or, for a word after a secret
    /// flag's value (`afterSecretValue`), one that does not show it.
    public func unexpected(_ index: Int) -> ShellError {
        guard let flag = afterSecretValue[index] else {
            return BareWordAdvice.error(for: positionals[index], command: command, flags: flagNames)
                ?? .unexpectedArgument(command: command, argument: positionals[index], usage: usage)
        }
        return .invalidSecretValue(
            command: command, flag: flag, problem: "was followed by more words",
            expected: "a value with blanks needs quotes: \(flag) '\(flag == Redactor.headersFlag ? #"{"NAME": "VALUE"}"# : "…")'")
    }

    public func value(_ flag: String) -> String? { values[flag] }
    public func has(_ flag: String) -> Bool { switches.contains(flag) }

    /// All values given for a repeatable flag, in order (empty when absent).
    public func all(_ flag: String) -> [String] { repeated[flag] ?? [] }

    /// The positional at `index`, or a missing-argument error naming `what`.
    public func required(_ index: Int, _ what: String) throws(ShellError) -> String {
        guard index < positionals.count else { throw .missingArgument(command: command, what: what, usage: usage) }
        return positionals[index]
    }

    /// The value of a whole-number flag, already checked against its `FlagSpec`'s range; nil when absent.
    public func integer(_ flag: String) -> Int? {
        values[flag].flatMap { Int($0) }
    }
}
