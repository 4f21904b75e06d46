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
        var scanner = LineScanner(line)
        return try scanner.scan()
    }
}

/// Walks a line one `Character` at a time, building words and commands.
private struct LineScanner {
    private let characters: [Character]
    private var index = 0
    private var finished: [[Word]] = []
    private var words: [Word] = []
    /// The word being built, or `nil` between words; `""` after `''` is a word.
    private var text: String?
    private var wordColumn = 0

    init(_ line: String) {
        characters = Array(line)
    }

    /// The 1-based column of the character at `index`.
    private var column: Int {
        index + 1
    }

    mutating func scan() throws(LexerError) -> [[Word]] {
        scan: while index < characters.count {
            let character = characters[index]
            switch character {
            case _ where character.isWhitespace:
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
                text?.append(characters[index + 1])
                index += 2
            default:
                startWord()
                text?.append(character)
                index += 1
            }
        }
        endCommand()
        return finished
    }

    private mutating func readSingleQuoted() throws(LexerError) {
        let quoteColumn = column
        index += 1
        while index < characters.count, characters[index] != "'" {
            text?.append(characters[index])
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
                text?.append(characters[index + 1])
                index += 2
            } else {
                text?.append(character)
                index += 1
            }
        }
        guard index < characters.count else { throw LexerError.unterminatedQuote(quote: "\"", column: quoteColumn) }
        index += 1
    }

    private mutating func startWord() {
        guard text == nil else { return }
        text = ""
        wordColumn = column
    }

    private mutating func endWord() {
        guard let finished = text else { return }
        words.append(Word(finished, column: wordColumn))
        text = nil
    }

    private mutating func endCommand() {
        endWord()
        if !words.isEmpty { finished.append(words) }
        words = []
    }
}
