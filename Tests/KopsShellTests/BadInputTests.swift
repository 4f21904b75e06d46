import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Inputs that used to crash, hang or mislead: combining marks, CRLF scripts, byte order marks,
/// runaway variables, scripts that source themselves.
@Suite struct BadInputTests {
    @Test(arguments: [
        ("\u{301}abc", ["\u{301}abc"]),
        ("reply \"\u{301}\"", ["reply", "\u{301}"]),
        ("reply '\u{301}x' y", ["reply", "\u{301}x", "y"]),
        ("a \\\u{301}b", ["a", "\u{301}b"]),
        ("e\u{301} \"e\u{301}\"", ["e\u{301}", "e\u{301}"]),
    ])
    func combiningMarksAreKeptAndNeverHideAQuote(line: String, words: [String]) throws {
        #expect(try Lexer.commands(in: line).first?.map(\.text) == words)
    }

    /// `assert … < abc` is a usage error naming the value, not a failed check with the actual value (probe18 P18-16).
    @Test(arguments: ["<", ">"])
    func anOrderingAssertOfNoNumberIsAUsageError(op: String) {
        for bad in ["abc", "nan", "inf"] {
            let result = OfflineShell.run("assert", ".data", "|", "length", op, bad)
            #expect(result.status == .usage)
            #expect(
                result.err
                    == "error: assert: invalid value after '\(op)' '\(bad)'; expected a number ('<' and '>' compare numbers; use == or contains for text)\n")
        }
        #expect(OfflineShell.run("assert", ".data", "|", "length", op, "2.5").err.hasPrefix("error: assert: no result"))
    }

    @Test func columnsCountCharactersAsTheTerminalShowsThem() throws {
        let words = try Lexer.commands(in: "e\u{301}e\u{301} 'x'")[0]
        #expect(words.map(\.column) == [1, 4])
        #expect(throws: LexerError.unterminatedQuote(quote: "\"", column: 4)) { try Lexer.commands(in: "e\u{301}e\u{301} \"x") }
    }

    @Test(arguments: ["'\u{301}", "\"\u{301}", "\u{301}\\", "a b;c\t\u{301}'d", "$\u{301}{x}", "\u{301}"])
    func aValueInterpolatesToExactlyItself(value: String) throws {
        for line in ["set x ${v}", "set x \"${v}\""] {
            let expanded = try Interpolation.expand(line, variables: ["v": value], environment: [:])
            #expect(try Lexer.commands(in: expanded).map { $0.map(\.text) } == [["set", "x", value]], "\(expanded.debugDescription)")
        }
    }

    @Test func aCRLFScriptRunsLineByLine() {
        let lines = ScriptLine.parse("set a 1\r\nset b 2\r\n# note\r\nstate\r\n")
        #expect(lines == [
            ScriptLine(.command("set a 1"), number: 1), ScriptLine(.command("set b 2"), number: 2),
            ScriptLine(.command("state"), number: 4),
        ])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstCommand() {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "t.kops", source: "\u{FEFF}set a 1\r\nset b ${a}\r\n").run(on: offline.shell)
        #expect(outcome.commands == 2 && outcome.failed == 0 && outcome.status == .ok)
        #expect(offline.shell.context.session.variables["b"] == "1")
        #expect(offline.output.err == "")
    }

    @Test func doublingAVariableStopsAtTheLimitWithOneLine() {
        let offline = OfflineShell()
        let source = "set x abcdefgh\n" + String(repeating: "set x ${x}${x}\n", count: 30)
        let outcome = ScriptRunner(path: "t.kops", source: source).run(on: offline.shell)
        #expect(outcome.status == .usage)
        #expect(outcome.failedLine == 15)  // 8 bytes doubled 13 times is 64 KiB; the 14th doubling is refused
        #expect(offline.output.err == "t.kops:15: error: set: the value of 'x' passes 64 KiB (the limit for one variable); keep large data in a file\n")
        #expect(offline.shell.context.session.variables["x"]?.utf8.count == 64 << 10)
    }

    @Test func aLineThatGrowsPastOneMiBIsRefused() {
        let offline = OfflineShell()
        let value = String(repeating: "a", count: 60_000)
        offline.shell.context.session.variables["v"] = value
        let status = offline.shell.run(line: "explain " + String(repeating: "${v}", count: 20))
        #expect(status == .usage)
        #expect(offline.output.err == "error: the line passed 1024 KiB once its variables were replaced (the limit for one line); use smaller values\n")
    }

    @Test func aScriptThatSourcesItselfStopsWithAClearLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loop.kops").path
        try Data("state\nsource \(path)\n".utf8).write(to: URL(fileURLWithPath: path))
        let offline = OfflineShell()
        let status = offline.shell.run(line: "source \(path)")
        #expect(status == .usage)
        #expect(offline.output.err == """
            \(path):2: error: source: \(path) is already running (it sources itself, directly or through another script); remove the loop
            error: source: \(path) stopped at line 2; fix that line or 'set on_error continue'

            """)
    }

    /// probe14 P14-7: under `set on_error continue` a sourced script that ran to its end is not said to have
    /// stopped, nor told to set what is set; a script the check refused before line 1 says that nothing ran.
    @Test func aSourcedScriptThatRanToItsEndSaysWhichLinesFailed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cont-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("inner.kops").path
        try Data("state\nassert .x == 1\nexplain 99999999\nstate\n".utf8).write(to: URL(fileURLWithPath: path))
        let offline = OfflineShell()
        offline.shell.run(line: "set on_error continue")
        #expect(offline.shell.run(line: "source \(path)") == .failure)
        #expect(offline.output.err.hasSuffix("error: source: \(path) ran to its end; 2 lines failed (2, 3)\n"), "\(offline.output.err)")
        #expect(!offline.output.err.contains("stopped at line"))
        let refused = folder.appendingPathComponent("refused.kops").path
        try Data("state\nstate\nnosuchcommand\n".utf8).write(to: URL(fileURLWithPath: refused))
        let second = OfflineShell()
        #expect(second.shell.run(line: "source \(refused)") == .usage)
        #expect(second.output.err.hasSuffix(
            "error: source: \(refused) did not run: line 3 is refused before any line runs; fix that line\n"), "\(second.output.err)")
    }

    @Test func nestingPastTheLimitStopsWithALineNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-nest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = (0...SourceCommand.maxDepth).map { folder.appendingPathComponent("s\($0).kops").path }
        for (index, path) in paths.enumerated() {
            let next = index + 1 < paths.count ? "source \(paths[index + 1])\n" : "state\n"
            try Data(next.utf8).write(to: URL(fileURLWithPath: path))
        }
        let offline = OfflineShell()
        #expect(offline.shell.run(line: "source \(paths[0])") == .usage)
        let last = paths[SourceCommand.maxDepth]
        #expect(offline.output.err.hasPrefix(
            "\(paths[SourceCommand.maxDepth - 1]):1: error: source: \(last) would nest scripts 9 deep (the limit is 8); source fewer levels\n"))
    }

    /// Found by `scripts/fuzz` (Transcript), three times: an output line ending in "\r" merged with the recorder's "\n"
    /// into one Character, so the parser never saw the closing fence and lost the next command.
    @Test func aTranscriptWithCRLineEndsKeepsEveryCommand() throws {
        let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "127.0.0.1", phoneNumberID: nil, keepPII: true)
        let recorder = try TranscriptRecorder(header: header, destination: .memory)
        // The second: a stray ESC at a line end took the newline with it, gluing the closing fence to the output.
        // The third: a command starting with a combining mark joined the prompt's space into one Character.
        for (command, output) in [
            ("health", "ok\r"), ("state", "profile: default\u{1B}"), ("\u{329}reply", ""), ("numbers", "\u{1B}[31mx\u{1B}[0m"),
        ] {
            recorder.begin(prompt: "kops(default)> ", line: command)
            recorder.write(output + "\n", to: .out)
            recorder.end()
        }
        #expect(TranscriptParser(recorder.text).commands.map(\.command) == ["health", "state", "\u{329}reply", "numbers"])
        #expect(recorder.text.contains("\nx\n```\n"), "colour escapes are still removed")
        let crlf = recorder.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(TranscriptParser(crlf).commands.map(\.command) == ["health", "state", "\u{329}reply", "numbers"])
    }

    /// Found by `scripts/fuzz` (Transcript) in CI: the recorder left out lines whose first space-separated word
    /// was `record`, but the shell reads words as its lexer does, so ` record` was left out while the
    /// fuzzer expected it and `\trecord` or `"record"` (which run `record`) were written to the page.
    @Test func recordLinesAreLeftOutWhateverTheWhitespaceOrQuotes() throws {
        let header = TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "127.0.0.1", phoneNumberID: nil, keepPII: true)
        let recorder = try TranscriptRecorder(header: header, destination: .memory)
        for command in ["health", " record x.md", "\trecord", "\"record\" y.md", "records", "state", " "] {
            recorder.begin(prompt: "kops(default)> ", line: command)
            recorder.write("out\n", to: .out)
            recorder.end()
        }
        #expect(TranscriptParser(recorder.text).commands.map(\.command) == ["health", "records", "state", " "])
    }
}
