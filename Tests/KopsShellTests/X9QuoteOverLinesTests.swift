import KopsShell
import KopsTestSupport
import Testing

/// tester55 X9: a Graph error body pasted at the prompt as logs print it, over several lines, ran as one refused line and
/// three commands (`unknown command 'message:'`, …). A quote left open goes on at `... ` until it closes: `explain`
/// reads the lines as one text; any other command is refused whole and nothing of it runs.
@Suite struct X9QuoteOverLinesTests {
    static let body = [
        "explain '{\"error\": {", "  \"message\": \"(#131047) Re-engagement message\",", "  \"type\": \"OAuthException\",",
        "  \"code\": 131047", "}}'",
    ]

    @Test func aBodyPastedOverLinesIsExplainedWhole() {
        let offline = OfflineShell()
        let reader = PromptLog(Self.body + ["state"])
        _ = offline.shell.loop(reader: reader)
        #expect(offline.output.out.contains("131047"), "\(offline.output.combined)")
        #expect(!offline.output.err.contains("unknown command") && !offline.output.err.contains("unterminated"), "\(offline.output.err)")
        #expect(reader.prompts.filter { $0 == "... " }.count == 4, "\(reader.prompts)")
        // The wait is said once (tester55b Y6).
        #expect(offline.output.err.contains("(a ' quote from column 9 is open: type the rest and close it, or Ctrl-C to drop the line)"), "\(offline.output.err)")
    }

    @Test func anotherCommandsQuoteOverLinesRunsNothing() {
        let offline = OfflineShell()
        let reader = PromptLog(["set note 'first line", "numbers", "second'", "state"])
        _ = offline.shell.loop(reader: reader)
        let err = offline.output.err
        #expect(err.contains("error: a quote runs over 3 lines; only 'explain' reads a text pasted over several lines"), "\(err)")
        // `numbers` was inside the quote: not run (the offline transport would have answered 500).
        #expect(offline.transport.requests.isEmpty, "\(offline.transport.requests)")
        #expect(!offline.output.out.contains("first line"), "\(offline.output.out)")
    }

    /// Piped input stays one line a command: its error names the line.
    @Test func pipedInputIsNotContinued() {
        let offline = OfflineShell()
        _ = offline.shell.loop(reader: PromptLog(Self.body), source: "<stdin>")
        #expect(offline.output.err.hasPrefix("<stdin>:1: error: unterminated ' quote"), "\(offline.output.err)")
    }
}
