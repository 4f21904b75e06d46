extension KeyCommand {
    /// True for a command that only prints a key written into it: `echo kapso_live_…`, `printf '%s' "sk_…"`,
    /// `python3 -c 'print("KEY")'`, `cat <<EOF` with the key as its body, `KEY=…; echo $KEY`. Such a key sits in
    /// config.toml as plainly as `api_key = …`, which the file refuses (README, "A file that holds a key ... is
    /// refused"), so it is refused the same way (probe9 P9-1). A word holding `$` or a backquote, or a call's answer
    /// (`$(pass show kapso)`, `keyring.get_password(…)`), is read from elsewhere and is fine.
    public static func printsLiteralKey(_ command: String) -> Bool {
        let tokens = tokens(command)
        let assigned = assignments(tokens)
        // A word with an issued key scheme anywhere (`kapso_…`, `sk_…`), a variable's value too: a password manager's
        // command names an item or a path (`pass show kapso/prod`, `op read op://…`, a 1Password item id, which looks
        // random), never a key.
        for case .word(let word) in tokens where isLiteral(word) && HistoryPolicy.hasTokenPrefix(word) { return true }
        // After a word that prints what follows it (`echo`, `printf`, `print(`, `puts`, `console.log(`, by path too, a
        // here-string `<<<` or a here-document `<<EOF`), wherever it stands, any key-like word of 12 characters or more,
        // or a variable given one (tester52 H6: `sh -c "echo KEY"`, `/bin/echo KEY`; tester52b K4: `python3 -c
        // 'print("KEY")'`, `cat <<EOF`, `KEY=…; echo $KEY`).
        for (index, token) in tokens.enumerated() where printsFollowing(token) || isNullInputJQ(tokens, at: index) {
            if printsKey(tokens, after: index, assigned: assigned) { return true }
        }
        return false
    }

    /// A piece of a command as `printsLiteralKey` reads it: a word (quotes, `{` and `}` are breaks between words, nothing
    /// is expanded; `${…}` is one word), `(`, `)`, `=`, a run of `<`, or the end of a statement (`;`, `|`, `&`, a line
    /// break, or a literal `\n` outside quotes: inside them it is text, `printf '%s\n' KEY`, tester53b U5).
    enum Token: Equatable {
        case word(String)
        case open
        case close
        case equals
        case angles(Int)
        case end
    }

    /// `command` as `Token`s: `KEY="kp_…"; echo $KEY` → `KEY`, `=`, `kp_…`, end, `echo`, `$KEY`.
    static func tokens(_ command: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func flush() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        var characters = Substring(command)
        var quote: Character?
        while let character = characters.popFirst() {
            switch character {
            case "\\" where characters.first == "\"" || characters.first == "'":
                // An escaped quote (`awk "BEGIN{print \"KEY\"}"`) breaks words and leaves the quoting as it was
                // (tester54b: the key was read as `KEY\`, no key-like word).
                characters.removeFirst()
                flush()
            case "\\" where characters.first.map({ "rtfvcx0".contains($0) || $0.isNumber && $0.isASCII }) ?? false:
                // printf's other escapes end a word too: `printf 'KEY\r\n'` (a Windows line end), `'KEY\015\n'` (tester55 X11),
                // `'KEY\x0d\n'`, `'KEY\c'` (tester55b Y2).
                let escape = characters.removeFirst()
                // Its digits: up to 2 hex after `\x`, up to 3 octal after a digit.
                let digit: (Character) -> Bool = escape == "x" ? { $0.isASCII && $0.isHexDigit } : escape.isNumber ? { ("0"..."7").contains($0) } : { _ in false }
                characters = characters.dropFirst(characters.prefix(escape == "x" ? 2 : 3).prefix(while: digit).count)
                flush()
            case "%" where characters.first.map({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-+ #".contains($0)) }) ?? false:
                // A printf conversion (`printf 'KEY%s' ''`, `'KEY%.0s' x`) ends a word: what stands before it is printed as written.
                characters = characters.drop { $0.isASCII && ($0.isNumber || ".-+ #".contains($0)) }
                if characters.first?.isLetter == true { characters.removeFirst() }
                flush()
            case "\\" where characters.first == "n":
                characters.removeFirst()
                flush()
                if quote == nil { tokens.append(.end) }
            case "$" where characters.first == "{":
                // `${NAME:-DEFAULT}` whole: its default is a literal (`defaultValue`).
                let inner = characters.prefix { $0 != "}" }
                characters.removeFirst(min(inner.count + 1, characters.count))
                word += "$" + inner + "}"
            case "{", "}": flush()
            case ";", "|", "&", "\n", "\r\n":
                flush()
                tokens.append(.end)
            case "(": flush(); tokens.append(.open)
            case ")": flush(); tokens.append(.close)
            case "=": flush(); tokens.append(.equals)
            case "<":
                flush()
                let more = characters.prefix { $0 == "<" }.count
                characters.removeFirst(more)
                tokens.append(.angles(more + 1))
            case "\"", "'":
                quote = quote == nil ? character : quote == character ? nil : quote
                flush()
            case "`", ",": flush()
            case let space where space.isWhitespace: flush()
            default: word.append(character)
            }
        }
        flush()
        return tokens
    }

    /// The literal values given to names (`KEY=kp_…`, `export KEY="kp_…"`, Python's `k = "kp_…"`), by name.
    static func assignments(_ tokens: [Token]) -> [String: String] {
        var values: [String: String] = [:]
        for index in tokens.indices.dropFirst().dropLast() where tokens[index] == .equals {
            guard case .word(let name) = tokens[index - 1], isName(name), case .word(let value) = tokens[index + 1], isLiteral(value)
            else { continue }
            values[name] = value
        }
        return values
    }

    /// True when a key-like literal, or a name `assigned` one, is printed by the printer at `index`: the words up to the end
    /// of its statement (of a here-document: up to its delimiter), a call's arguments (`$(…)`, `get_password(…)`) aside.
    private static func printsKey(_ tokens: [Token], after index: Int, assigned: [String: String]) -> Bool {
        let hereDocument = tokens[index] == .angles(2)
        var delimiter: String?
        var next = index + 1
        if hereDocument, next < tokens.count, case .word(let word) = tokens[next] {
            delimiter = word.trimmingCharacters(in: "-")
            next += 1
        }
        var depth = 0
        while next < tokens.count {
            defer { next += 1 }
            switch tokens[next] {
            case .end: if !hereDocument { return false }
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth < 0 { return false }
            case .word(let word):
                if word == delimiter { return false }
                // A call's answer is read from elsewhere: skip its arguments.
                if next + 1 < tokens.count, tokens[next + 1] == .open {
                    next = closing(tokens, from: next + 1)
                    continue
                }
                if isLiteral(word), word.count >= 12, isKeyLike(word) { return true }
                // A variable's default written into the command (`${KEY:-kp_…}`) is printed when the variable is unset.
                if let value = defaultValue(word), isLiteral(value), value.count >= 12, isKeyLike(value) || HistoryPolicy.hasTokenPrefix(value) {
                    return true
                }
                let name = word.trimmingCharacters(in: "${}")
                if word.hasPrefix("$") || isName(word), let value = assigned[name], value.count >= 12, isKeyLike(value) || HistoryPolicy.hasTokenPrefix(value) {
                    return true
                }
            case .equals, .angles: continue
            }
        }
        return false
    }

    /// The default of `${NAME:-VALUE}`, `${NAME-VALUE}`, `${NAME:=VALUE}` or `${NAME=VALUE}` (POSIX shell parameter
    /// expansion), nil for any other word.
    private static func defaultValue(_ word: String) -> String? {
        guard word.hasPrefix("${"), word.hasSuffix("}") else { return nil }
        let inner = word.dropFirst(2).dropLast()
        let name = inner.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        var rest = inner.dropFirst(name.count)
        guard !name.isEmpty else { return nil }
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        guard let sign = rest.first, sign == "-" || sign == "=" else { return nil }
        return String(rest.dropFirst())
    }

    /// The index of the `)` that closes the `(` at `open` (the last token when none does).
    private static func closing(_ tokens: [Token], from open: Int) -> Int {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index] == .open { depth += 1 }
            if tokens[index] == .close { depth -= 1 }
            if depth == 0 { return index }
        }
        return tokens.count - 1
    }

    /// `echo`, `printf`, `print`, `puts`, `say` (by name or path, `/bin/echo`), a method that prints (`console.log`,
    /// `sys.stdout.write`), a here-string's `<<<` and a here-document's `<<`.
    private static func printsFollowing(_ token: Token) -> Bool {
        switch token {
        case .angles(let count): return count == 2 || count == 3
        case .word(let word):
            let name = word.split(separator: "/").last.map(String.init) ?? word
            let method = name.split(separator: ".").last.map(String.init) ?? name
            return ["echo", "printf", "print", "puts", "say"].contains(name) || name.contains(".") && ["log", "write", "print", "puts"].contains(method)
        default: return false
        }
    }

    /// True for `jq` given `-n` / `--null-input` (alone or among short flags, `-rn`) in its statement: it reads no input and
    /// prints what its filter writes (`jq -rn '"KEY"'`, tester54b). `jq -r .key FILE` reads the key from a file.
    private static func isNullInputJQ(_ tokens: [Token], at index: Int) -> Bool {
        guard case .word(let name) = tokens[index], name.split(separator: "/").last == "jq" else { return false }
        for token in tokens[(index + 1)...] {
            guard case .word(let word) = token else {
                if token == .end { return false }
                continue
            }
            if word == "--null-input" || word.hasPrefix("-") && !word.hasPrefix("--") && word.contains("n") { return true }
        }
        return false
    }

    /// A word written into the command, not read from elsewhere: no `$` (a variable), `%` (a format) or leading `-`.
    private static func isLiteral(_ word: String) -> Bool {
        !word.hasPrefix("-") && !word.contains("$") && !word.contains("%")
    }

    /// A shell or Python variable's name: ASCII letters, digits and `_`, not starting with a digit.
    private static func isName(_ word: String) -> Bool {
        guard let first = word.first, !first.isNumber else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// `command` with each token-shaped word (`kapso_live_…`, `Bearer`'s token, a 20-character mix of letters and
    /// digits) replaced by `<redacted>`, for any text that shows a key command (a transcript of `profile add`).
    public static func masked(_ command: String) -> String {
        WordMasking.masked(command, splittingAt: { $0.isWhitespace || ";|&=".contains($0) }) { word in
            let bare = word.trimmingCharacters(in: "\"'")
            return HistoryPolicy.isTokenShaped(bare) || HistoryPolicy.isTokenShaped(word) ? "<redacted>" : word
        }
    }

    /// A word of letters, digits and `_-.` with both letters and digits: shaped like a key, not like a word.
    private static func isKeyLike(_ word: String) -> Bool {
        word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && word.contains(where: \.isLetter) && word.contains(where: \.isNumber)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
