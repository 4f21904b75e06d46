internal import Foundation

extension TranscriptChecker {
    /// What a command line shows as `<redacted>`, in the words a user knows it by, joined with "and"; nil for a line
    /// with nothing redacted.
    ///
    /// `webhooks create --url https://h/x?token=<redacted> --secret-key <redacted>` → "the URL's token and the
    /// --secret-key value"; `set api_key <redacted>` → "the value of api_key"; a `<redacted>` elsewhere is a value
    /// kops knew as a secret when it recorded the line ("the API key, another secret kops knew or …": the page does not
    /// say which), or a typed word shaped like a key or token (`TranscriptRecorder+TypedTokens`: `use <redacted>`). A
    /// line the lexer refuses is read word by word.
    static func redactedValues(in line: String) -> String? {
        let marker = "<redacted>"
        guard line.contains(marker) else { return nil }
        let commands = (try? Lexer.commands(in: line).map { $0.map(\.text) }) ?? [line.split(separator: " ").map(String.init)]
        var found: [String] = []
        func add(_ what: String) { if !found.contains(what) { found.append(what) } }
        for words in commands {
            for (index, word) in words.enumerated() where word.contains(marker) {
                let before = index > 0 ? words[index - 1] : ""
                if word.contains("://") {
                    let names = urlCredentialNames(in: word)
                    for name in names { add("the URL's \(name)") }
                    // Every `<redacted>` in it is one of the URL's credentials: nothing else to name.
                    if word.components(separatedBy: marker).count - 1 == names.count { continue }
                }
                if let equals = word.firstIndex(of: "="), word.hasPrefix("--"), Redactor.isSecretFlag(String(word[..<equals])) {
                    add("the \(word[..<equals]) value")
                } else if Redactor.isSecretFlag(before) {
                    add("the \(before) value")
                } else if before == Redactor.headersFlag || word.hasPrefix(Redactor.headersFlag + "=") {
                    add("the \(Redactor.headersFlag) values")
                } else if words.first == SetCommand.name, words.count > 2 {
                    let name = words.dropFirst().first { !$0.hasPrefix("--") } ?? "the variable"
                    add("the value of \(name.split(separator: "=").first.map(String.init) ?? name)")
                } else {
                    add("the API key, another secret kops knew or a word shaped like a key or token")
                }
            }
        }
        guard !found.isEmpty else { return "a secret" }
        return found.count == 1 ? found[0] : found.dropLast().joined(separator: ", ") + " and " + found[found.count - 1]
    }

    /// The variables a line's `set NAME VALUE` commands define, with their values as the line shows them: `set S
    /// <redacted>` → `("S", "<redacted>")`; `--default` ones only for names `variables` lacks. Empty for other lines and a
    /// line the lexer refuses.
    static func recordedSets(_ line: String, registry: CommandRegistry, variables: [String: String] = [:])
        -> [(name: String, value: String)]
    {
        var defined = variables
        var sets: [(name: String, value: String)] = []
        for command in (try? Lexer.commands(in: line)) ?? [] {
            let words = command.map(\.text)
            guard let first = words.first, (try? registry.command(named: first))?.name == SetCommand.name,
                let arguments = try? Arguments(command: SetCommand.self, words: Array(words.dropFirst())),
                arguments.positionals.count > 1, Interpolation.isName(arguments.positionals[0])
            else { continue }
            let name = arguments.positionals[0]
            if arguments.has("--default"), defined[name] != nil { continue }
            let value = arguments.positionals.dropFirst().joined(separator: " ")
            defined[name] = value
            sets.append((name, value))
        }
        return sets
    }

    /// The variables a bare `set` line's recorded block lists (`on_error:   continue` → `("on_error", "continue")`), with
    /// their values as the page shows them (`<redacted>`, `<contact 1>`); empty for another line, and for a block that
    /// lists none or not as fields (`output json`).
    ///
    /// Why: variables are session state a recorded `set` listing shows but the header does not carry. One defined before
    /// `record` started (`set on_error continue` typed first), or by a line not replayed (a `source`), is missing from
    /// the replay's session, and its listing showed a change `--update` offered to write (probe40 P40-11). The header
    /// could carry them, as it carries the profile, number and output; but their values are what the user typed (secrets,
    /// contacts), which a header line would have to redact and mask again, and nothing but this listing shows them. So
    /// `replay` sets each variable the recorded listing shows and its session lacks, as shown, before it runs the line:
    /// the listing then differs only where the replay set another value, or one the recording did not have.
    static func listedVariables(_ line: String, block: String, registry: CommandRegistry) -> [(name: String, value: String)] {
        guard let commands = try? Lexer.commands(in: line), commands.count == 1, commands[0].count == 1,
            (try? registry.command(named: commands[0][0].text))?.name == SetCommand.name
        else { return [] }
        var listed: [(name: String, value: String)] = []
        // The lines after the prompt line, up to the closing fence.
        for text in block.split(separator: "\n").dropFirst(2) where !text.hasPrefix("`") {
            guard let colon = text.firstIndex(of: ":"), Interpolation.isName(String(text[..<colon])),
                text[text.index(after: colon)...].first == " "
            else { continue }
            listed.append((String(text[..<colon]), String(text[text.index(after: colon)...].drop { $0 == " " })))
        }
        return listed
    }

    /// The names of a URL's redacted credentials, as `Redactor.maskURLCredentials` writes them: a query parameter's
    /// name (`token`), `password` for `user:<redacted>@`, `token` for a lone `<redacted>@`.
    static func urlCredentialNames(in url: String) -> [String] {
        let marker = "<redacted>"
        var names: [String] = []
        let scheme = url.range(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        let authority = scheme.prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@"), authority[..<at].hasSuffix(marker) {
            names.append(authority[..<at].contains(":") ? "password" : "token")
        }
        if let question = scheme.firstIndex(of: "?") {
            for pair in scheme[scheme.index(after: question)...].prefix(while: { $0 != "#" }).split(separator: "&") {
                guard let equals = pair.firstIndex(of: "="), pair[pair.index(after: equals)...].hasPrefix(marker) else { continue }
                names.append(String(pair[..<equals]))
            }
        }
        return names
    }

    /// A variable a `capture` set when recorded, which a later line may hold as it ran (`webhooks get 0000…0002` for
    /// `webhooks get ${wh}`): its name, the value its block shows, the capture's line and why that value is not the
    /// replay's ("was not replayed", "captured another value on replay").
    struct CapturedValue {
        var name: String
        var value: String
        var line: Int
        var what: String
    }

    /// The variable a `capture PATH as NAME` line set and its value as its block shows it (`NAME = VALUE`, an alias
    /// such as `<message 1>` included); nil for another line, a failed capture, a redacted value, and a value under
    /// 6 characters, which is no id and would be found in lines that never used it (`3`, `yes`).
    static func shownCapture(_ line: String, block: String) -> (name: String, value: String)? {
        guard let (name, value) = capture(line, block: block, lastShown: true) else { return nil }
        return value.contains("<redacted>") || value.count < 6 ? nil : (name, value)
    }

    /// A `capture` replayed: the recorded value holds when the replay captured the same one, else it is one the replay
    /// does not have (`captured` gains it, "captured another value on replay").
    static func recapture(_ line: String, recorded entry: TranscriptParser.Entry, replayed: String, into captured: inout [CapturedValue]) {
        let name = shownCapture(line, block: entry.block)?.name ?? shownCapture(line, block: replayed)?.name
        captured.removeAll { $0.name == name }
        if let (name, value) = shownCapture(line, block: entry.block), shownCapture(line, block: replayed)?.value != value {
            captured.append(CapturedValue(name: name, value: value, line: entry.line, what: "captured another value on replay"))
        }
    }

    /// The first of `captured` whose value `command` (a block's line as the page shows it) holds as a whole word:
    /// not inside a longer id (`…0002` in `…00021`, `abc` in `abc-def`).
    static func use(of captured: [CapturedValue], in command: String) -> CapturedValue? {
        captured.first { capture in
            var rest = command[...]
            while let range = rest.range(of: capture.value) {
                let before = range.lowerBound > command.startIndex ? command[command.index(before: range.lowerBound)] : " "
                let after = range.upperBound < command.endIndex ? command[range.upperBound] : " "
                if !isIDCharacter(before) && !isIDCharacter(after) { return true }
                rest = command[range.upperBound...]
            }
            return false
        }
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}
