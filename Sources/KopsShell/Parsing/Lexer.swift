/// Splits a shell line into commands of words, e.g. `use 100200300400501; reply "hi there" # ok`
/// → `[["use", "100200300400501"], ["reply", "hi there"]]`.
///
/// The rules are a small subset of POSIX `sh`:
/// - whitespace separates words; `;` outside quotes separates commands;
/// - `'…'` is literal, `$` and `\` included;
/// - `"…"` takes `\"`, `\\` and `\$` as escapes and keeps any other backslash as written;
/// - a backslash outside quotes makes the next character literal;
/// - `#` at the start of a word begins a comment to the end of the line (`a#b` is one word);
/// - quotes join with what touches them (`--text="a b"` is one word) and `''` is an empty word.
public enum Lexer {
    /// The commands in `line`, each a non-empty list of words; empty commands are dropped.
    public static func commands(in line: String) throws(LexerError) -> [[Word]] {
        try spans(in: line).map { $0.map(\.word) }
    }

    /// The commands in `line` with each word's source: the range of `line.unicodeScalars` it was read from,
    /// quotes included, e.g. `verify --secret "a b"` → `"a b"` at 16..<21. Redaction masks these ranges.
    static func spans(in line: String) throws(LexerError) -> [[WordSpan]] {
        var scanner = LineScanner(line)
        return try scanner.scan()
    }

    /// True when `line` has a comment by the rules above, e.g. `numbers # see C:\` → true, `reply "a # b"`,
    /// `a#b` and `\# x` → false. An unterminated quote runs to the end of the line (nothing after it is a comment).
    ///
    /// A script line whose trailing `\` is inside a comment does not continue (as in `sh`): otherwise the
    /// comment would swallow the next command without a word.
    public static func hasComment(_ line: String) -> Bool {
        commentStart(in: line) != nil
    }

    /// The offset in `line.unicodeScalars` of the `#` that starts its comment; nil when it has none.
    static func commentStart(in line: String) -> Int? {
        // Without a `#` byte there is no `#` scalar (UTF-8 writes U+0023 as that byte alone, and no other scalar holds
        // it): most lines are answered without walking their scalars (docs/performance.md, "Session 38").
        var line = line
        guard line.withUTF8({ $0.contains(UInt8(ascii: "#")) }) else { return nil }
        return commentStartScanning(in: line)
    }

    /// `commentStart(in:)` read scalar by scalar, without its byte test.
    static func commentStartScanning(in line: String) -> Int? {
        var quote: Unicode.Scalar?
        var inWord = false
        var escaped = false
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            if escaped {
                escaped = false
                continue
            }
            switch (quote, scalar) {
            case ("'"?, "'"), ("\""?, "\""):
                quote = nil
            case ("\""?, "\\"):
                escaped = true
            case (.some, _):
                break
            case (nil, "#") where !inWord:
                return offset
            case (nil, "'"), (nil, "\""):
                quote = scalar
                inWord = true
            case (nil, "\\"):
                escaped = true
                inWord = true
            case (nil, ";"):
                inWord = false
            case (nil, _):
                inWord = !isWhitespace(scalar)
            }
        }
        return nil
    }

    /// The word a comment starts with when its `#` touches it (`#131047` in `explain #131047`): an id or code pasted
    /// with its `#` that the comment dropped; nil without a comment, or for `# text`, a comment written as one
    /// (probe29 P29-19).
    public static func droppedWord(in line: String) -> String? {
        guard let start = commentStart(in: line) else { return nil }
        let word = line.unicodeScalars.dropFirst(start).prefix { !isWhitespace($0) }
        return word.count > 1 ? String(String.UnicodeScalarView(word)) : nil
    }

    /// The whole comment when its `#` touches a word (`#1042 is ready` in `reply Your order #1042 is ready`), without
    /// the whitespace after it: text a command would lose, where `droppedWord` names only its first word; nil as there.
    public static func droppedComment(in line: String) -> String? {
        guard droppedWord(in: line) != nil, let start = commentStart(in: line) else { return nil }
        var text = line.unicodeScalars.dropFirst(start)
        while let last = text.last, isWhitespace(last) { text = text.dropLast() }
        return String(String.UnicodeScalarView(text))
    }

    /// `scalar.properties.isWhitespace`, read without the property table for ASCII (tab to carriage return, space).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}

/// A word and the unicode-scalar offsets of its source in the line.
struct WordSpan {
    var word: Word
    var source: Range<Int>
}

/// Walks a line one Unicode scalar at a time, building words and commands.
///
/// Scalars, not `Character`s: a combining mark after a quote or a backslash forms one `Character` with
/// it (`"\u{301}` is a single grapheme), which would hide the quote; columns are still counted in
/// `Character`s, as a terminal shows them.
private struct LineScanner {
    private let characters: [Unicode.Scalar]
    /// The 1-based `Character` column of each scalar, plus one past the end.
    private let columns: [Int]
    /// The line's bytes when it is ASCII without CR (one byte a scalar): plain runs are copied from them.
    private let asciiBytes: [UInt8]?
    private var index = 0
    private var finished: [[WordSpan]] = []
    private var words: [WordSpan] = []
    /// The word being built, or `nil` between words; `""` after `''` is a word.
    private var text: String?
    private var wordStart = 0
    /// The word's `~`s that name no home folder (`Word.literalTildes`).
    private var literalTildes: [Int] = []
    /// The scalars in `text` so far, and the last of them.
    private var scalarCount = 0
    private var lastScalar: Unicode.Scalar?

    init(_ line: String) {
        // Each ASCII scalar but a CR before an LF is a `Character` of its own: no grapheme breaking needed. The test and
        // the copies read the string's bytes in place (the generic `allSatisfy`, `count` and scalar copy over its views
        // cost about 3,000 instructions a line: docs/performance.md, "Session 53").
        var scanned = line
        if let bytes = scanned.withUTF8({ $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? Array($0) : nil }) {
            characters = bytes.map { Unicode.Scalar($0) }
            columns = Array(1...bytes.count + 1)
            asciiBytes = bytes
            return
        }
        characters = Array(line.unicodeScalars)
        asciiBytes = nil
        var columns: [Int] = []
        columns.reserveCapacity(characters.count + 1)
        var column = 1
        for character in line {
            for _ in character.unicodeScalars { columns.append(column) }
            column += 1
        }
        columns.append(column)
        self.columns = columns
    }

    /// True for a scalar that ends a run of plain word characters: whitespace, `;`, a quote or a backslash.
    private static func endsRun(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ";", "'", "\"", "\\": true
        default: Lexer.isWhitespace(scalar)
        }
    }

    /// The 1-based column of the character at `index`.
    private var column: Int {
        columns[min(index, columns.count - 1)]
    }

    mutating func scan() throws(LexerError) -> [[WordSpan]] {
        scan: while index < characters.count {
            let character = characters[index]
            switch character {
            case _ where Lexer.isWhitespace(character):
                endWord()
                index += 1
            case ";":
                endCommand()
                index += 1
            case "#" where text == nil:
                break scan
            case "'":
                startWord()
                try readSingleQuoted()
            case "\"":
                startWord()
                try readDoubleQuoted()
            case "\\":
                guard index + 1 < characters.count else { throw LexerError.danglingBackslash(column: column) }
                startWord()
                appendQuoted(characters[index + 1])
                index += 2
            default:
                // The plain characters up to the next separator, quote or backslash, appended at once.
                startWord()
                let start = index
                index += 1
                while index < characters.count, !Self.endsRun(characters[index]) { index += 1 }
                if let asciiBytes {
                    text?.append(String(decoding: asciiBytes[start..<index], as: UTF8.self))
                } else {
                    for scalar in characters[start..<index] { text?.unicodeScalars.append(scalar) }
                }
                (scalarCount, lastScalar) = (scalarCount + index - start, characters[index - 1])
            }
        }
        endCommand()
        return finished
    }

    private mutating func readSingleQuoted() throws(LexerError) {
        let quoteColumn = column
        index += 1
        while index < characters.count, characters[index] != "'" {
            appendQuoted(characters[index])
            index += 1
        }
        guard index < characters.count else { throw LexerError.unterminatedQuote(quote: "'", column: quoteColumn) }
        index += 1
    }

    private mutating func readDoubleQuoted() throws(LexerError) {
        let quoteColumn = column
        index += 1
        while index < characters.count, characters[index] != "\"" {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, ["\"", "\\", "$"].contains(characters[index + 1]) {
                appendQuoted(characters[index + 1])
                index += 2
            } else {
                appendQuoted(character)
                index += 1
            }
        }
        guard index < characters.count else { throw LexerError.unterminatedQuote(quote: "\"", column: quoteColumn) }
        index += 1
    }

    private mutating func startWord() {
        guard text == nil else { return }
        text = ""
        wordStart = index
        literalTildes = []
        (scalarCount, lastScalar) = (0, nil)
    }

    /// Appends a scalar read inside quotes or after a backslash: a `~` so read, or one this scalar follows, names no
    /// home folder (`Word.literalTildes`).
    private mutating func appendQuoted(_ scalar: Unicode.Scalar) {
        guard text != nil else { return }
        if scalar == "~" {
            literalTildes.append(scalarCount)
        } else if scalarCount > 0, lastScalar == "~", literalTildes.last != scalarCount - 1 {
            literalTildes.append(scalarCount - 1)
        }
        text?.unicodeScalars.append(scalar)
        (scalarCount, lastScalar) = (scalarCount + 1, scalar)
    }

    private mutating func endWord() {
        guard let finished = text else { return }
        words.append(
            WordSpan(word: Word(finished, column: columns[wordStart], literalTildes: literalTildes), source: wordStart..<index))
        text = nil
    }

    private mutating func endCommand() {
        endWord()
        if !words.isEmpty { finished.append(words) }
        words = []
    }
}
