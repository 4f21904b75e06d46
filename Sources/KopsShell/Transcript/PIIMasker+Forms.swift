internal import Foundation

/// Where a learned body or name shows on a page, in whatever form kops gave it there.
///
/// The masker learns a value as the API sent it (`"card  4111 1111\texp 12/29"`, `"Hi,\nmy address…"`) but the page
/// shows what kops made of it: a table row or a one-line summary folds every whitespace run into one space
/// (`MessageSummary.oneLine`), a detail view keeps line breaks, the renderer shows a control as `\x0a`, JSON writes
/// `\n` or `\u2028`, and a cell or preview cut short ends in `…`. Matching the raw string against that text leaked
/// every body with a line break, a tab or two spaces in a row (probe7 P7-1). So a value matches as its words in
/// order, separated by any run of whitespace (one space, a tab, line breaks, a no-break space) or of escaped
/// whitespace (`\n`, `\x0a`, `\u2028`), its own leading and trailing whitespace ignored, and as a start of at least
/// six of its characters followed by `…`. That covers every form kops writes: it fails closed, since a form it
/// does not know still shares the value's words.
///
/// Where a value may be masked (probe7 P7-2): a match never starts or ends inside a word (`again` is not masked in
/// `against`), and a one-word body made of letters only (`Support`, `again`, `thanks`: the common replies) is
/// masked only where kops shows what a message says: the `CONTENT` column, the `content:` field, JSON strings of
/// content keys (`body`, `caption`, `text`, `content`…), a typed `reply` text. Anywhere else the same word is far
/// more likely kops's own text or the business's (`Support Line`, "open a Meta Direct Support ticket"): masking it
/// there garbled the page and, worse, gave the body away from its context (`<body 1> Line` next to `Sales Line`).
/// A one-word name (a contact whose profile name is `Support`) is masked in those places and wherever it is not part
/// of a longer proper name (`namesTheContact`, `standsAlone`), not in `Support Line` or "Meta Direct Support". Longer or more distinctive bodies (two words or more, digits, an address, an email), longer names and
/// template parameter values (a one-word `Maria`) are masked everywhere: they cannot be mistaken for kops's text, and a
/// place kops shows them that this list forgot must not leak them.
extension PIIMasker {
    /// A learned value's words, as matched: whitespace and escaped whitespace split it.
    struct Pattern {
        var words: [[Character]]
        /// Characters in the words (whitespace not counted): a cut form needs 6 of them, from a value of more than 8.
        var length: Int
        /// One word of letters only (`Support`): masked only where kops shows a message's content.
        var isPlainWord: Bool
        /// Whitespace characters the value ends with (`"Maria  Lopez "`): as many following a match go with it, so
        /// `Maria  Lopez  (+1…)` does not read as a column gap after the alias.
        var trailing: Int

        init(_ value: String) {
            let characters = Array(value)
            var words: [[Character]] = []
            var word: [Character] = []
            var index = 0
            while index < characters.count {
                let separator = PIIMasker.separatorLength(characters, at: index)
                if separator > 0 {
                    if !word.isEmpty { words.append(word) }
                    word = []
                    index += separator
                } else {
                    word.append(characters[index])
                    index += 1
                }
            }
            if !word.isEmpty { words.append(word) }
            self.words = words
            trailing = characters.reversed().prefix { $0.isWhitespace }.count
            length = words.reduce(0) { $0 + $1.count }
            isPlainWord = words.count == 1
                && words[0].allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" }
                && words[0].contains(where: \.isLetter)
        }
    }

    /// One place a pattern matched: the characters it covers, and whether it is a cut form (`Hi, my addr…`, the `…`
    /// included).
    struct Occurrence {
        var range: Range<Int>
        var isCut: Bool
    }

    /// `text` with every occurrence of `value` replaced by `alias` (`alias…` for a cut form), none inside what the
    /// masker wrote (`insertedSpans`); a run of two or more spaces after it (a column gap) grows or shrinks to keep
    /// columns aligned.
    /// `onlyWhere`, when given, picks the occurrences to replace (`namesTheContact`).
    static func replace(
        _ pattern: Pattern, with alias: @autoclosure () -> String, in text: String,
        onlyWhere accept: ((_ text: [Character], _ range: Range<Int>) -> Bool)? = nil
    ) -> String {
        guard let first = pattern.words.first else { return text }
        // Cheap first: the value's start as it is, or escaped (a start that has a character JSON or the renderer
        // may escape, in a text with escapes).
        let start = first.prefix(6)
        let escapable = start.contains { character in
            guard let ascii = character.asciiValue else { return true }
            return ascii < 0x20 || ascii == 0x7F || ascii == 0x22 || ascii == 0x2F || ascii == 0x5C
        }
        guard text.contains(String(start)) || (escapable && text.contains("\\")) else { return text }
        let characters = Array(text)
        let occurrences = occurrences(of: pattern, in: characters)
        // What the masker wrote is looked for only around something found: most texts hold no value whole.
        guard !occurrences.isEmpty else { return text }
        let inserted = insertedSpans(in: characters)
        let found = occurrences.filter { occurrence in
            !inserted.contains { $0.overlaps(occurrence.range) } && (accept?(characters, occurrence.range) ?? true)
        }
        guard !found.isEmpty else { return text }
        let alias = alias()
        var result = ""
        var copied = 0
        for occurrence in found where occurrence.range.lowerBound >= copied {
            result += String(characters[copied..<occurrence.range.lowerBound])
            copied = PIIMasker.splice(
                alias + (occurrence.isCut ? "…" : ""), replacing: occurrence.range, in: characters, into: &result)
        }
        return result + String(characters[min(copied, characters.count)...])
    }

    /// Every occurrence of `pattern` in `text`, left to right, none overlapping.
    static func occurrences(of pattern: Pattern, in text: [Character]) -> [Occurrence] {
        guard let first = pattern.words.first?.first else { return [] }
        var found: [Occurrence] = []
        var index = 0
        while index < text.count {
            if text[index] == first || text[index] == "\\", let occurrence = match(pattern, in: text, at: index) {
                found.append(occurrence)
                index = occurrence.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The occurrence of `pattern` starting at `start`, if one does, on word boundaries.
    private static func match(_ pattern: Pattern, in text: [Character], at start: Int) -> Occurrence? {
        let firstWord = pattern.words[0]
        if isWordCharacter(firstWord[0]), start > 0, isWordCharacter(text[start - 1]),
            !endsInSeparator(text, before: start)
        {
            return nil
        }
        var index = start
        var seen = 0
        // A start of the value cut with `…`, long enough to be the value's: 6 characters of more than 8.
        let cut = { (at: Int) -> Occurrence? in
            guard at < text.count, text[at] == "…", seen >= 6, pattern.length > 8 else { return nil }
            return Occurrence(range: start..<(at + 1), isCut: true)
        }
        for (number, word) in pattern.words.enumerated() {
            if number > 0 {
                var after = index
                while after < text.count {
                    let separator = separatorLength(text, at: after)
                    guard separator > 0 else { break }
                    after += separator
                }
                if after == index || text.indices.contains(after) && text[after] == "…" { return cut(after) }
                index = after
            }
            for character in word {
                guard index < text.count, let length = matchLength(character, in: text, at: index) else {
                    return cut(index)
                }
                index += length
                seen += 1
            }
        }
        if let last = pattern.words.last?.last, isWordCharacter(last), index < text.count,
            isWordCharacter(text[index])
        {
            return nil
        }
        var end = index
        while end < text.count, end - index < pattern.trailing, text[end].isWhitespace { end += 1 }
        return Occurrence(range: start..<end, isCut: false)
    }

    /// True when a one-word name's occurrence at `range` names the contact, as kops shows a contact: the whole text
    /// (a `NAME` cell, a JSON name), a label `Support (14155550171)` / `Support (@support)` / `Support (+1 …)`, a
    /// handle `@support`, or after the word `contact` (the resolver's "is the contact Support in 1 conversation"). Elsewhere the word is far more likely the business's (`Support Line`) or kops's own
    /// ("open a Meta Direct Support ticket").
    static func namesTheContact(_ text: [Character], _ range: Range<Int>) -> Bool {
        if text[..<range.lowerBound].allSatisfy(\.isWhitespace) && text[range.upperBound...].allSatisfy(\.isWhitespace) {
            return true
        }
        if range.lowerBound > 0, text[range.lowerBound - 1] == "@" { return true }
        if String(text[..<range.lowerBound].suffix(8)).lowercased() == "contact " { return true }
        if inSharedCardList(text, range) { return true }
        let after = text[range.upperBound...].prefix(3)
        return after.count == 3 && after.starts(with: [" ", "("]) && "+0123456789@(<".contains(after.last!)
    }

    /// True when the occurrence at `range` is an item of a message summary's list of shared cards (`shared 8 contacts: Wu,
    /// Bo, …`, `MessageSummary`): after `: ` or `, ` on a line that lists them, before `,` or the line's end. Two-letter
    /// names there (Wu, Li, Bo: among the commonest surnames) stayed in clear while longer ones were masked (tester70 F11).
    static func inSharedCardList(_ text: [Character], _ range: Range<Int>) -> Bool {
        let before = text[..<range.lowerBound]
        guard before.suffix(2).elementsEqual([":", " "]) || before.suffix(2).elementsEqual([",", " "]) else { return false }
        guard text[range.upperBound...].first.map({ $0 == "," || $0.isNewline }) ?? true else { return false }
        let start = (before.lastIndex(where: \.isNewline) ?? (before.startIndex - 1)) + 1
        let line = String(text[start..<range.lowerBound])
        guard let shared = line.range(of: "shared ") else { return false }
        return line[shared.upperBound...].drop(while: \.isNumber).hasPrefix(" contacts: ")
    }

    /// True when a one-word name's occurrence at `range` is not part of a longer proper name: no capitalized word
    /// (`Line`, `Direct`: a capital and a lower-case letter) right before or after it, across one space or dash. So
    /// `Support Line` (the business's number) and "open a Meta Direct Support ticket" keep the word, while kops's
    /// sentences that name the contact mask it however they put it ("the WhatsApp username of Maria, a contact of …",
    /// which showed it in clear above a `contact:` field that masked it: probe41 P41-2).
    static func standsAlone(_ text: [Character], _ range: Range<Int>) -> Bool {
        let isJoint = { (character: Character) in character == " " || character == "-" }
        let isCapitalized = { (word: ArraySlice<Character>) in
            word.first?.isUppercase == true && word.contains { $0.isLowercase }
        }
        if range.lowerBound >= 2, isJoint(text[range.lowerBound - 1]) {
            let before = text[..<(range.lowerBound - 1)]
            if isCapitalized(before.suffix(from: (before.lastIndex { !$0.isLetter } ?? (before.startIndex - 1)) + 1)) {
                return false
            }
        }
        if range.upperBound + 1 < text.count, isJoint(text[range.upperBound]) {
            let after = text[(range.upperBound + 1)...]
            if isCapitalized(after.prefix { $0.isLetter }) { return false }
        }
        return true
    }

    /// Letters, digits and `_`: what a word is made of, for the boundaries of a match.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The length of one whitespace unit at `index`: a whitespace character (a `\r\n` is one), or an escape of one as
    /// JSON (`\n`, `\t`) or the renderer (`\x0a`, `\u2028`) writes it; 0 for anything else.
    static func separatorLength(_ text: [Character], at index: Int) -> Int {
        if text[index].isWhitespace { return 1 }
        guard let (scalar, length) = escapedScalar(text, at: index), scalar.properties.isWhitespace else { return 0 }
        return length
    }

    /// How many characters of `text` at `index` show `character`: 1 for itself, more for its escapes (`\x1b` as the
    /// renderer shows an ESC, `\u00e9` or `\"` as JSON writes `é` or a quote); nil when they show something else.
    private static func matchLength(_ character: Character, in text: [Character], at index: Int) -> Int? {
        if text[index] == character { return 1 }
        guard text[index] == "\\" else { return nil }
        var next = index
        for scalar in character.unicodeScalars {
            guard next < text.count, let (shown, length) = escapedScalar(text, at: next), shown == scalar else { return nil }
            next += length
        }
        return next - index
    }

    /// The scalar an escape at `index` stands for and the escape's length: JSON's `\n \r \t \b \f \" \/ \\`,
    /// `\uXXXX` (a surrogate pair as one scalar) and the renderer's `\xNN`. A run of backslashes counts as one, so
    /// JSON inside a JSON string (a flow's `response_json`: `\\u001b`) is read too; nil when there is no escape.
    static func escapedScalar(_ text: [Character], at index: Int) -> (Unicode.Scalar, Int)? {
        guard text[index] == "\\" else { return nil }
        var letter = index
        while letter < text.count, text[letter] == "\\" { letter += 1 }
        guard letter < text.count else { return nil }
        let hex = { (start: Int, digits: Int) -> UInt32? in
            guard start + digits <= text.count else { return nil }
            return UInt32(String(text[start..<(start + digits)]), radix: 16)
        }
        let end = letter + 1
        switch text[letter] {
        case "n": return ("\n", end - index)
        case "r": return ("\r", end - index)
        case "t": return ("\t", end - index)
        case "b": return ("\u{08}", end - index)
        case "f": return ("\u{0C}", end - index)
        case "\"": return ("\"", end - index)
        case "/": return ("/", end - index)
        case "x":
            guard let value = hex(end, 2), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, end + 2 - index)
        case "u":
            guard let value = hex(end, 4) else { return nil }
            if let scalar = Unicode.Scalar(value) { return (scalar, end + 4 - index) }
            // A high surrogate: the low one follows as another `\uXXXX`.
            guard (0xD800..<0xDC00).contains(value), let (low, length) = lowSurrogate(text, at: end + 4),
                let scalar = Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
            else { return nil }
            return (scalar, end + 4 + length - index)
        default: return nil
        }
    }

    /// The low surrogate written as `\uXXXX` (after any run of backslashes) at `index`, and its length.
    private static func lowSurrogate(_ text: [Character], at index: Int) -> (UInt32, Int)? {
        var letter = index
        while letter < text.count, text[letter] == "\\" { letter += 1 }
        guard letter > index, letter + 5 <= text.count, text[letter] == "u",
            let value = UInt32(String(text[(letter + 1)..<(letter + 5)]), radix: 16), (0xDC00..<0xE000).contains(value)
        else { return nil }
        return (value, letter + 5 - index)
    }

    /// True when the text before `index` ends with an escaped whitespace (`\n`, `\x0a`, `\u2028`): a word boundary
    /// even though its last character is a letter or digit.
    private static func endsInSeparator(_ text: [Character], before index: Int) -> Bool {
        (2...14).contains { length in
            index >= length && text[index - length] == "\\" && separatorLength(text, at: index - length) == length
        }
    }
}
