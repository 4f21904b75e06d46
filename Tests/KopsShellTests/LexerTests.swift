import KopsShell
import Testing

@Suite struct LexerTests {
    @Test(
        "lines split into words with their columns",
        arguments: [
            ("", []),
            ("   \t ", []),
            (#"reply "hi there""#, [[Word("reply", column: 1), Word("hi there", column: 7)]]),
            ("  use   123  ", [[Word("use", column: 3), Word("123", column: 9)]]),
            ("a\tb", [[Word("a", column: 1), Word("b", column: 3)]]),
            ("'a b' c", [[Word("a b", column: 1), Word("c", column: 7)]]),
            (#"'$x \n "q"'"#, [[Word(#"$x \n "q""#, column: 1)]]),
            (#"'it''s'"#, [[Word("its", column: 1)]]),
            (#""say \"hi\"""#, [[Word(#"say "hi""#, column: 1)]]),
            (#""a\\b \$HOME \n""#, [[Word(#"a\b $HOME \n"#, column: 1)]]),
            (#""it's""#, [[Word("it's", column: 1)]]),
            (#"a\ b"#, [[Word("a b", column: 1)]]),
            (#"\"x \'y \\z"#, [[Word(#""x"#, column: 1), Word("'y", column: 5), Word(#"\z"#, column: 9)]]),
            ("$x", [[Word("$x", column: 1)]]),
            (#"--text="a b"c"#, [[Word("--text=a bc", column: 1)]]),
            ("ls # list them", [[Word("ls", column: 1)]]),
            ("# only a comment", []),
            ("a#b #c", [[Word("a#b", column: 1)]]),
            (##"'#' \# "#""##, [[Word("#", column: 1), Word("#", column: 5), Word("#", column: 8)]]),
            ("a;b", [[Word("a", column: 1)], [Word("b", column: 3)]]),
            ("a ; ; b;", [[Word("a", column: 1)], [Word("b", column: 7)]]),
            ("a;# comment; b", [[Word("a", column: 1)]]),
            (
                #"echo "a;b" 'c;d' e\;f"#,
                [[Word("echo", column: 1), Word("a;b", column: 6), Word("c;d", column: 12), Word("e;f", column: 18)]]
            ),
            ("''", [[Word("", column: 1)]]),
            (#"x "" y"#, [[Word("x", column: 1), Word("", column: 3), Word("y", column: 6)]]),
            (#"reply "héllo 😀" 中文"#, [[Word("reply", column: 1), Word("héllo 😀", column: 7), Word("中文", column: 17)]]),
            ("👨‍👩‍👧 x", [[Word("👨‍👩‍👧", column: 1), Word("x", column: 3)]]),
        ] as [(String, [[Word]])]
    )
    func words(line: String, expected: [[Word]]) throws {
        #expect(try Lexer.commands(in: line) == expected)
    }

    @Test(
        "bad lines report the column and a message",
        arguments: [
            (
                #"reply "hi"#, LexerError.unterminatedQuote(quote: "\"", column: 7),
                #"unterminated " quote starting at column 7; close it or escape it with \"#
            ),
            (
                "echo 'it", .unterminatedQuote(quote: "'", column: 6),
                #"unterminated ' quote starting at column 6; close it or escape it with \"#
            ),
            (
                #""abc\""#, .unterminatedQuote(quote: "\"", column: 1),
                #"unterminated " quote starting at column 1; close it or escape it with \"#
            ),
            (
                #"ok; bad "x;y"#, .unterminatedQuote(quote: "\"", column: 9),
                #"unterminated " quote starting at column 9; close it or escape it with \"#
            ),
            (
                #"a \"#, .danglingBackslash(column: 3),
                #"dangling backslash at column 3; remove it or write \\ for a literal backslash"#
            ),
            (
                #"😀 ab\"#, .danglingBackslash(column: 5),
                #"dangling backslash at column 5; remove it or write \\ for a literal backslash"#
            ),
        ] as [(String, LexerError, String)]
    )
    func errors(line: String, error: LexerError, message: String) {
        #expect(throws: error) {
            try Lexer.commands(in: line)
        }
        #expect(error.message == message)
    }

    /// The fuzz target's round trip (fuzz/Lexer.swift, `fuzz/corpus/Lexer/combining-mark-after-quote`): a quote followed
    /// by a combining mark is one `Character` but two scalars, and the lexer reads scalars, so `'\''` before U+05BF
    /// still closes, escapes and reopens the quote; the word read in double quotes comes back whole.
    @Test func aQuoteBeforeACombiningMarkIsStillAQuote() throws {
        let word = "xe'\u{05BF}\u{FFFD}"
        #expect(try Lexer.commands(in: "xe\"'\u{05BF}\u{FFFD}\"").map { $0.map(\.text) } == [[word]])
        #expect(try Lexer.commands(in: "'xe'\\''\u{05BF}\u{FFFD}'").map { $0.map(\.text) } == [[word]])
    }
}
