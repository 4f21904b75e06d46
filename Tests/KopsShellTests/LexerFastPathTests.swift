import KopsTestSupport
import Testing

@testable import KopsShell

/// The lexer's ASCII readings (docs/performance.md, "Session 8: per command": columns without grapheme breaking,
/// whitespace without the scalar property table, plain runs appended at once) split every line as the scalar-by-scalar
/// scanner before them, kept here as the reference: same words (same bytes), columns, sources and errors, on random
/// lines made of the pieces that could tell them apart.
@Suite struct LexerFastPathTests {
    static let pieces = [
        " ", " ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{200B}", ";", "#", "'", "\"", "\\", "$", "a", "word", "--flag=x", "e\u{301}", "\u{301}", "é", "\u{212A}",
        "\u{1F1FA}\u{1F1F8}", "100200300400501",
    ]

    @Test func splitsLikeTheScalarScanner() {
        var random = SplitMix(seed: 31)
        for _ in 0..<30_000 {
            let line = (0..<Int(random.next() % 10)).map { _ in
                Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            }.joined()
            var reference = ReferenceLineScanner(line)
            let expected = Result { () throws(LexerError) in try reference.scan() }
            let got = Result { () throws(LexerError) in try Lexer.spans(in: line) }
            switch (got, expected) {
            case (.success(let spans), .success(let referenceSpans)):
                #expect(Self.shape(spans) == Self.shape(referenceSpans), "\(line.debugDescription)")
            case (.failure(let error), .failure(let referenceError)):
                #expect(error == referenceError, "\(line.debugDescription)")
            default:
                Issue.record("\(line.debugDescription): \(got) against \(expected)")
            }
        }
    }

    /// Words as bytes (`String` equality would let canonically equivalent texts pass), columns and sources.
    static func shape(_ commands: [[WordSpan]]) -> [[String]] {
        commands.map { $0.map { "\(Array($0.word.text.utf8))@\($0.word.column) \($0.source)" } }
    }

    @Test(arguments: (0...0x7F).map { Unicode.Scalar(UInt8($0)) })
    func asciiWhitespaceAsTheProperty(_ scalar: Unicode.Scalar) {
        #expect(Lexer.isWhitespace(scalar) == scalar.properties.isWhitespace)
    }
}

private struct ReferenceLineScanner {
    let characters: [Unicode.Scalar]
    /// The 1-based `Character` column of each scalar, plus one past the end.
    let columns: [Int]
    var index = 0
    var finished: [[WordSpan]] = []
    var words: [WordSpan] = []
    /// The word being built, or `nil` between words; `""` after `''` is a word.
    var text: String?
    var wordStart = 0

    init(_ line: String) {
        characters = Array(line.unicodeScalars)
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

    /// The 1-based column of the character at `index`.
    var column: Int {
        columns[min(index, columns.count - 1)]
    }

    mutating func scan() throws(LexerError) -> [[WordSpan]] {
        scan: while index < characters.count {
            let character = characters[index]
            switch character {
            case _ where character.properties.isWhitespace:
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
                text?.unicodeScalars.append(characters[index + 1])
                index += 2
            default:
                startWord()
                text?.unicodeScalars.append(character)
                index += 1
            }
        }
        endCommand()
        return finished
    }

    mutating func readSingleQuoted() throws(LexerError) {
        let quoteColumn = column
        index += 1
        while index < characters.count, characters[index] != "'" {
            text?.unicodeScalars.append(characters[index])
            index += 1
        }
        guard index < characters.count else { throw LexerError.unterminatedQuote(quote: "'", column: quoteColumn) }
        index += 1
    }

    mutating func readDoubleQuoted() throws(LexerError) {
        let quoteColumn = column
        index += 1
        while index < characters.count, characters[index] != "\"" {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, ["\"", "\\", "$"].contains(characters[index + 1]) {
                text?.unicodeScalars.append(characters[index + 1])
                index += 2
            } else {
                text?.unicodeScalars.append(character)
                index += 1
            }
        }
        guard index < characters.count else { throw LexerError.unterminatedQuote(quote: "\"", column: quoteColumn) }
        index += 1
    }

    mutating func startWord() {
        guard text == nil else { return }
        text = ""
        wordStart = index
    }

    mutating func endWord() {
        guard let finished = text else { return }
        words.append(WordSpan(word: Word(finished, column: columns[wordStart]), source: wordStart..<index))
        text = nil
    }

    mutating func endCommand() {
        endWord()
        if !words.isEmpty { finished.append(words) }
        words = []
    }
}
