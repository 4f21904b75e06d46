/// Where a strong label's value ends when it holds punctuation (session 43).
///
/// Before, a value after `password:`, `secret=`, `token:` or `api_key:` ended at its first ASCII character that is no
/// word character, and the rest of it was printed, recorded and bundled: `secret: ab.cd` → `<redacted>.cd`,
/// `password: p@ss!w0rd` → `<redacted>@ss!w0rd`, `{"password":"Xk9&mQ2z pLq"}` → `<redacted>&mQ2z pLq`, and a value
/// that starts with a symbol (`password: !Xy9#…`) was not read as one at all (the lead's read-through and probe45
/// P45-1). Password generators' symbol sets hold `!@#$%^&*()[]{},;<>` (OWASP's list of password special characters).
///
/// - A quoted value (`"…"`, `'…'`, `\"…\"` inside a JSON string) runs to its closing quote on the same line, blanks
///   and all (`quotedValue`): the quotes say where it ends.
/// - An unquoted value runs to the next blank, quote, backslash or backtick (`valueWidth`); `,`, `;` and `&` end it
///   only before a blank, the end, or another `label=`/`label:` pair (`pw=abc&user=x`, `secret: x, url: …`); `/` ends
///   it where the label stands in a URL's path or query (`/;api_key=X/platform/v1/…`). A sentence's `.`, `!`, `?` or
///   `:` after it and a closing bracket it did not open are left out (`trimmedEnd`: `password: hunter2.`).
/// - A value that is digits and punctuation alone (`12:30`), `n/a`, a word of `nonValues` in brackets (`(none)`), a
///   variable (`$KAPSO_API_KEY`) or a cursor (`eyJ…==`) stays (`isGluedValue`); a value in quotes whose first word is one of `nonValues` is a sentence
///   about the secret (`"password": "is required"`).
extension StrongSecretLabels {
    /// True when the character at `index` goes on with a strong label's value where the word reading stops: one past
    /// ASCII that `piece(_:)` reads (`…`, `•`, a letter, a digit, a combining mark), `<redacted>`, or punctuation
    /// `valueWidth` takes, inside the value (`afterWord`) or at its start (not `{` or `[`: a structure, no value).
    static func startsSpan(_ characters: [Character], at index: Int, afterWord: Bool, inPath: Bool) -> Bool {
        let character = characters[index]
        if character == "<", isRedactedMark(characters, at: index) { return true }
        if character.isASCII {
            if !afterWord, character == "{" || character == "[" { return false }
            return valueWidth(characters, at: index, inPath: inPath) != nil
        }
        return piece(character) != nil
    }

    /// The characters an unquoted value takes at `index` (an ASCII character that is no word character): 1, or 3 for a
    /// percent-escape (`%2B`) of what it takes; nil where the value ends.
    static func valueWidth(_ characters: [Character], at index: Int, inPath: Bool) -> Int? {
        guard let ascii = characters[index].asciiValue else { return nil }
        if ascii == UInt8(ascii: "%"), index + 2 < characters.count,
            let high = characters[index + 1].asciiValue.flatMap(ShapedCredentials.hexValue),
            let low = characters[index + 2].asciiValue.flatMap(ShapedCredentials.hexValue)
        {
            let escaped = high << 4 | low
            if escaped >= 0x80 || isWordByte(escaped) { return 3 }
            return endsValue(escaped, inPath: inPath) || isPairBreak(escaped) ? nil : 3
        }
        if endsValue(ascii, inPath: inPath) { return nil }
        if isPairBreak(ascii) {
            let next = index + 1
            guard next < characters.count, !endsValue(characters[next].asciiValue ?? 0x80, inPath: inPath),
                !startsPair(characters, at: next)
            else { return nil }
        }
        return 1
    }

    /// Blanks, controls, quotes, `\`, `` ` `` and, in a URL's path (`inPath`), `/`: an unquoted value never holds them.
    @inline(__always)
    static func endsValue(_ byte: UInt8, inPath: Bool) -> Bool {
        if byte <= 0x20 || byte == 0x7F { return true }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "`"): return true
        case UInt8(ascii: "/"): return inPath
        default: return false
        }
    }

    /// `,`, `;` and `&`: they part pairs, so a value holds one only when more of it follows (`Xk9&mQ2z`).
    @inline(__always)
    static func isPairBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&")
    }

    /// True when a `label=` or `label:` pair starts at `index` (blanks before it skipped): word characters, then `=` or `:`.
    static func startsPair(_ characters: [Character], at index: Int) -> Bool {
        var at = index
        while at < characters.count, characters[at] == " " { at += 1 }
        let start = at
        while at < characters.count, let ascii = characters[at].asciiValue, isWordByte(ascii) { at += 1 }
        return at > start && at < characters.count && (characters[at] == "=" || characters[at] == ":")
    }

    /// `end` without what the sentence owns after a value: `.`, `!`, `?`, `:`, `,`, `;`, `&` at its end, and a closing
    /// bracket (`)`, `]`, `}`, `>`) the value did not open; never into `<redacted>`.
    static func trimmedEnd(_ characters: [Character], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            if end - start >= redactedMark.count, isRedactedMark(characters, at: end - redactedMark.count) { break }
            let last = characters[end - 1]
            if ".!?:,;&".contains(last) {
                end -= 1
                continue
            }
            guard let opener = ([")": "(", "]": "[", "}": "{", ">": "<"] as [Character: Character])[last] else { break }
            let value = characters[start..<end]
            guard value.filter({ $0 == opener }).count < value.filter({ $0 == last }).count else { break }
            end -= 1
        }
        return end
    }

    /// A quoted value whose opening quote is at `open`: where its content starts and ends and where reading resumes
    /// (after the closing quote); nil when no closing quote follows on the line, or nothing stands between them. A
    /// quote after `\` (`\"…\"`: JSON inside a JSON string) closes at `\` and the same quote.
    static func quotedValue(_ characters: [Character], at open: Int) -> (start: Int, end: Int, resume: Int)? {
        let quote = characters[open]
        let escaped = open > 0 && characters[open - 1] == "\\"
        var at = open + 1
        while at < characters.count, at - open <= 4096 {
            let character = characters[at]
            if character == "\n" || character == "\r" { return nil }
            if character == quote {
                let backslashed = characters[at - 1] == "\\"
                if escaped, backslashed, at - 1 > open + 1 { return (open + 1, at - 1, at + 1) }
                if !escaped, !backslashed { return at > open + 1 ? (open + 1, at, at + 1) : nil }
            }
            at += 1
        }
        return nil
    }

    /// True for a quoted value that is a secret: see the type's comment. `plain` is the content with escaped joiners
    /// decoded; a single word is judged as after `=` (`isValue`).
    static func isQuotedValue(_ plain: String) -> Bool {
        // A shell's way to the key, not the key: `KAPSO_API_KEY="$(cat FILE)"`, `"$KAPSO_API_KEY"` (kops's own advice).
        if isShellReference(plain) { return false }
        let words = plain.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return false }
        if words.count == 1, first.allSatisfy({ $0.asciiValue.map(isWordByte) == true }) {
            return isValue(String(first), followedByWord: false, assigned: true)
        }
        if nonValues.contains(first.lowercased()) { return false }
        return words.count > 1 || isGluedValue(plain)
    }

    /// True for a value that holds punctuation and is a secret: it holds a letter, and it is not `n/a`, a word of
    /// `nonValues` in brackets (`(none)`) or a cursor (`eyJ…==`, base64 JSON, as `isValue` leaves it; a JWT, dotted, is
    /// masked before: `DottedTokens`).
    static func isGluedValue(_ value: String) -> Bool {
        let bare = value.trimmingPrefix { "([{<".contains($0) }.reversed().drop { ")]}>".contains($0) }.reversed()
        let lower = String(bare).lowercased()
        guard lower != "n/a", !nonValues.contains(lower), !value.hasPrefix("eyJ") else { return false }
        if isShellReference(value) { return false }
        return value.utf8.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A } || value.utf8.contains { $0 >= 0x80 }
    }

    /// True for a shell's reference to a value, not the value: a command's output (`$(cat FILE)`, `` `pass show x` ``)
    /// or a variable (`$KAPSO_API_KEY`, `${KAPSO_API_KEY}`).
    static func isShellReference(_ value: String) -> Bool {
        if value.hasPrefix("$(") || value.hasPrefix("`") { return true }
        let variable = value.drop { $0 == "$" || $0 == "{" }.prefix { $0 != "}" }
        return value.hasPrefix("$") && HistoryPolicy.isEnvironmentName(String(variable))
    }
}
