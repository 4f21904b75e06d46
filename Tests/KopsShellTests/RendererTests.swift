import KapsoClient
import KopsShell
import Testing

@Suite struct RendererTests {
    private let result = CommandResult(
        blocks: [
            .line(StyledText("headline", style: .bad)),
            .table(Table(columns: [Column("ID"), Column("URL")], rows: [[StyledText("a1"), StyledText("https://example.test/hook")]])),
            .fields([Field("secret", "whsec_…23"), Field("id", "a1")]),
            .hint("1 item"),
        ],
        json: ["data": ["id": "a1"]])

    @Test func tableModeWritesDataToStdoutAndHintsToStderr() {
        let (out, err) = Renderer(mode: .table).render(result)
        #expect(out == ["headline", "ID  URL", "a1  https://example.test/hook", "secret: whsec_…23", "id:     a1"])
        #expect(err == ["1 item"])
    }

    /// One rule for multi-line server text (a template's body, a message's text): in a detail view each line break
    /// starts a new line under the value column, never at the left edge; a lone CR and other controls stay escapes.
    @Test(arguments: [nil, 40] as [Int?])
    func aMultiLineValueContinuesUnderItsColumn(width: Int?) {
        let fields = CommandResult(blocks: [
            .fields([Field("body", "Hi {{1}}\n\n```\r\nerror: forged\rx\u{1B}[2J\n\n", multiLine: true), Field("id", "t1")]),
        ])
        #expect(Renderer(mode: .table, width: width).render(fields).out == [
            "body: Hi {{1}}", "", "      ```", "      error: forged\\x0dx\\x1b[2J", "id:   t1",
        ])
    }

    @Test func jsonModePrintsOnlyThePrettyJSON() {
        let (out, err) = Renderer(mode: .json).render(result)
        // One piece as the serializer wrote it, never split into lines and joined again.
        #expect(out == ["{\n  \"data\": {\n    \"id\": \"a1\"\n  }\n}"])
        #expect(err.isEmpty)
    }

    @Test func jsonModeShowsControlsInStringsAsEscapesAndKeepsItsOwnLineBreaks() {
        let hostile = CommandResult(json: ["text": .string("a\u{1B}[2J\u{2028}b\nc\u{9B}")])
        let (out, _) = Renderer(mode: .json).render(hostile)
        #expect(out == ["{\n  \"text\": \"a\\u001b[2J\\u2028b\\nc\\u009b\"\n}"])
    }

    @Test func expandedModeShowsOneFieldPerLine() {
        let (out, _) = Renderer(mode: .expanded).render(result)
        #expect(out[1...3] == ["-[ RECORD 1 ]-", "ID:  a1", "URL: https://example.test/hook"])
    }

    @Test(arguments: [(80, "ID  URL"), (20, "-[ RECORD 1 ]-")])
    func autoModeExpandsOnlyWhenTheTableWouldNotFit(width: Int, secondLine: String) {
        let (out, _) = Renderer(mode: .auto, width: width).render(result)
        #expect(out[1] == secondLine)
    }

    @Test func colourWrapsStyledTextOnlyWhenEnabled() {
        #expect(Renderer(color: true).render(result).out[0] == "\u{1B}[31mheadline\u{1B}[0m")
        #expect(Renderer(color: false).render(result).out[0] == "headline")
        #expect(Renderer(color: true).render(result).err == ["\u{1B}[2m1 item\u{1B}[0m"])
    }
}

@Suite struct TranscriptEscapeTests {
    @Test func transcriptsKeepNoTerminalColours() throws {
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(time: "2026-11-21T12:00:00Z", profile: "default", host: "kapso-sim", phoneNumberID: nil),
            destination: .memory)
        recorder.begin(prompt: "kops(default)> ", line: "numbers")
        recorder.write("\u{1B}[31mfailed 131047\u{1B}[0m  x\n\u{1B}[2m2 items\u{1B}[0m\n", to: .out)
        recorder.end()
        #expect(recorder.text.contains("failed 131047  x\n2 items\n"))
        #expect(!recorder.text.contains("\u{1B}"))
    }
}

@Suite struct TruncatedPIITests {
    @Test func aBodyCutShortInATableIsStillMasked() {
        let masker = PIIMasker()
        masker.learn(from: ["data": [["kapso": ["contact_name": "Lee Park"], "text": ["body": "Hi Lee, your replacement part is ready for pickup."]]]])
        let masked = masker.mask("out  Lee Park  Hi Lee, your replacement part is re…  wamid.X\n")
        #expect(!masked.contains("replacement"))
        #expect(!masked.contains("Lee"))
        #expect(masked.contains("<body 1>…"))
    }

    /// A table whose last column is a sentence: when any cell would be cut, the sentence goes under its row (a column marked `dropsWhenNarrow` giving way first), and only when even that
    /// cannot fit are the rows expanded.
    @Test func sentenceColumnShrinksLastThenGoesUnderItsRow() {
        var table = Table(
            columns: [Column("COUNT", truncation: .never, alignRight: true), Column("WHAT", truncation: .middle),
                      Column("FIRST", truncation: .never), Column("MEANING")],
            rows: [[StyledText("48"), StyledText("GET /meta/whatsapp/v24.0/200300400500601/messages"), StyledText("11-30 02:54"),
                    StyledText("200300400500601 is a WABA id, not a phone-number id")]])
        table.columns[3].shrinksLast = true
        table.columns[2].dropsWhenNarrow = true
        table.detailBelowWhenTooWide = true
        let result = CommandResult(blocks: [.table(table)])
        #expect(Renderer(mode: .table, width: 140).render(result).out == [
            "COUNT  WHAT                                               FIRST        MEANING",
            "   48  GET /meta/whatsapp/v24.0/200300400500601/messages  11-30 02:54  200300400500601 is a WABA id, not a phone-number id",
        ])
        #expect(Renderer(mode: .table, width: 80).render(result).out == [
            "COUNT  WHAT                                               FIRST",
            "   48  GET /meta/whatsapp/v24.0/200300400500601/messages  11-30 02:54",
            "       200300400500601 is a WABA id, not a phone-number id",
        ])
        #expect(Renderer(mode: .table, width: 40).render(result).out == [
            "COUNT  WHAT",
            "   48  GET /meta/whatsa…0500601/messages",
            "       200300400500601 is a WABA id, not",
            "       a phone-number id",
        ])
        // Expanded values wrap at words under the value column; a word wider than the room stays whole.
        #expect(Renderer(mode: .table, width: 12).render(result).out == [
            "-[ RECORD 1 ]-", "COUNT:   48", "WHAT:    GET", "         /meta/whatsapp/v24.0/200300400500601/messages",
            "FIRST:   11-30", "         02:54", "MEANING: 200300400500601", "         is a WABA", "         id, not a", "         phone-number",
            "         id",
        ])
        #expect(Renderer(mode: .table, width: nil).render(result).out.count == 2)
    }

    /// A column that would be cut narrower than it reads well in (`belowWhenNarrowerThan`) goes under its row on one
    /// line of its own, above the detail, cut at the end only there; with room it stays in the row (probe9 P9-23:
    /// `messages` CONTENT cut to "call permiss…" at 80 columns beside `request_welcome` and `error 131051`).
    @Test func aSqueezedColumnGoesUnderItsRowOnOneLine() {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNzkVAgASGBQBUDAyAAAAAAAAAAAAAAAAAAA="
        var table = Table(
            columns: [Column("TIME", truncation: .never), Column("TYPE", truncation: .never), Column("STATUS", truncation: .never),
                      Column("CONTACT", truncation: .never), Column("CONTENT"), Column("ID", truncation: .middle)],
            rows: [
                [StyledText("2026-11-21T11:50:00Z"), StyledText("request_welcome"), StyledText("error 131051"), StyledText("14155550179"),
                 StyledText("the contact opened the chat for the first time (request_welcome)"), StyledText(wamid)],
                [StyledText("2026-11-21T11:40:00Z"), StyledText("interactive"), StyledText("received"), StyledText("14155550179"),
                 StyledText("call permission: accepted " + String(repeating: "long ", count: 30)), StyledText(wamid)],
            ])
        table.columns[4].belowWhenNarrowerThan = 20
        table.detailBelowWhenTooWide = true
        let result = CommandResult(blocks: [.table(table)])
        let narrow = Renderer(mode: .table, width: 80).render(result).out
        #expect(Array(narrow.prefix(4)) == [
            "TIME                  TYPE             STATUS        CONTACT",
            "2026-11-21T11:50:00Z  request_welcome  error 131051  14155550179",
            "  the contact opened the chat for the first time (request_welcome)",
            "  \(wamid)",
        ], "\(narrow.joined(separator: "\n"))")
        #expect(narrow[5].hasPrefix("  call permission: accepted long ") && narrow[5].hasSuffix("…"), "one line, cut at the end")
        for line in narrow { #expect(TextWidth.displayWidth(line) <= 80, "\(line)") }
        // With room, it stays in the row, and only the id goes under it.
        let wide = Renderer(mode: .table, width: 140).render(result).out
        #expect(wide[0].hasSuffix("CONTACT      CONTENT"), "\(wide[0])")
        #expect(wide[1].contains("14155550179  the contact opened the chat"), "\(wide[1])")
        #expect(wide[2] == String(repeating: " ", count: 22) + wamid, "under the second column, as before")
        // Pipes and transcripts keep the plain table.
        #expect(Renderer(mode: .table, width: nil).render(result).out.count == 3)
    }

    /// Expanded records at a narrow terminal: a long label's continuation lines stay within the width.
    @Test func expandedValuesWrapWithinTheWidthUnderAWideLabel() {
        let table = Table(columns: [Column("MEANING / NEXT")], rows: [[StyledText(
            "24-hour window closed: send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies")]])
        let out = Renderer(mode: .expanded, width: 80).render(CommandResult(blocks: [.table(table)])).out
        for line in out { #expect(TextWidth.displayWidth(line) <= 80, "\(line)") }
        #expect(out.dropFirst().joined(separator: " ").split(separator: " ").joined(separator: " ").hasSuffix("after the contact replies"))
    }
}

/// Output that fits the terminal: prose wrapped at words with a hanging indent, tables expanded when they
/// cannot fit, nothing wider than the width.
@Suite struct FittingOutputTests {
    @Test(arguments: [
        ("  cause: the contact last wrote more than 24 hours ago", 30,
         ["  cause: the contact last", "         wrote more than 24", "         hours ago"]),
        ("help      list commands, or show how to use one", 30,
         ["help      list commands, or", "          show how to use one"]),
        ("verdict: failed: 131047, the 24-hour window closed", 80, ["verdict: failed: 131047, the 24-hour window closed"]),
        ("a https://example.test/a/very/long/webhook/url/that/is/one/word b", 20,
         ["a", "https://example.test/a/very/long/webhook/url/that/is/one/word", "b"]),
        // overview's `next:` at 80 columns: the comment continues as a comment, never as a line that reads as a command.
        ("  whois 200300400500601        # 48 failed calls from key history-sync: 200300400500601 is a WABA id, not a phone-number id", 80,
         ["  whois 200300400500601        # 48 failed calls from key history-sync:",
          "                               # 200300400500601 is a WABA id, not a",
          "                               # phone-number id"]),
        // P12-9: a command to type is not split over two lines when it fits on one.
        ("error: use: a long number: it is 100200300400501; use 100200300400501", 53,
         ["error: use: a long number: it is 100200300400501;", "       use 100200300400501"]),
        ("error: no phone number selected; run 'use <phone-number-id>' first", 45,
         ["error: no phone number selected;", "       run 'use <phone-number-id>' first"]),
        ("error: the secret is masked; run 'webhooks get ID --reveal-secret' and capture it", 60,
         ["error: the secret is masked;", "       run 'webhooks get ID --reveal-secret' and capture it"]),
        // Text without spaces (Chinese) breaks between its wide characters instead of running past the edge; a line
        // of them is measured in columns (2 a character), not characters.
        ("content: 你好世界你好世界你好世界", 20, ["content: 你好世界你", "         好世界你好", "         世界"]),
        ("content: 你好世界 ok", 20, ["content: 你好世界 ok"]),
        // An apostrophe in a word opens no quote; a quote too long for a line breaks at its words.
        ("note: Meta's reply says 'a b c d e f g h i j k l m n o p' here", 20,
         ["note: Meta's reply", "      says 'a b c d", "      e f g h i j k", "      l m n o p'", "      here"]),
        // A word too wide for the hanging indent starts at the line's own margin, where it fits (P20-5: 48 of 40).
        ("webhooks: 2 active, 1 paused; ops.acme-demo.test/kapso/conversations is paused", 40,
         ["webhooks: 2 active, 1 paused;", "ops.acme-demo.test/kapso/conversations", "          is paused"]),
        ("  subscribed: messages, message_template_status_update", 36,
         ["  subscribed: messages,", "  message_template_status_update"]),
        // A number and its unit stay on one line: no line starts with a bare `%)` or `s`.
        ("verdict: 19 of 20 delivered (95 %) in the last hour", 33,
         ["verdict: 19 of 20 delivered", "         (95 %) in the last hour"]),
        ("  retry: Meta retries for up to 7 d, every 30 s at first", 34,
         ["  retry: Meta retries for up to", "         7 d, every 30 s at first"]),
    ])
    func proseWrapsAtWordsWithAHangingIndent(text: String, width: Int, expected: [String]) {
        #expect(ProseWrap.lines(text, width: width) == expected)
    }

    private let wide = CommandResult(blocks: [
        .table(
            Table(
                columns: [Column("ID", truncation: .middle), Column("STATUS", truncation: .never), Column("URL", truncation: .middle)],
                rows: [[StyledText("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"), StyledText("failing"),
                        StyledText("https://hooks.example.test/kapso/whatsapp/inbound")]])),
        .line(StyledText("fix: subscribe a webhook on the number to whatsapp.message.received instead of the project")),
    ])

    @Test(arguments: [60, 80, 200])
    func noLineIsWiderThanTheTerminalAndNoWordIsSplit(width: Int) {
        let (out, _) = Renderer(mode: .table, width: width).render(wide)
        for line in out { #expect(TextWidth.displayWidth(line) <= width, "\(width): \(line)") }
        let prose = out.filter { !$0.hasPrefix("ID") && !$0.hasPrefix("3d4e") }.joined(separator: " ")
        #expect(prose.split(separator: " ").map(String.init) == "fix: subscribe a webhook on the number to whatsapp.message.received instead of the project".split(separator: " ").map(String.init))
    }

    /// A payload body or request is data: the terminal may soft-wrap it, kops never inserts a line break,
    /// so what is copied from the screen is still the signed bytes.
    @Test func dataLinesAreNeverWrappedButControlsAreStillEscaped() {
        let body = #"{"message":{"text":{"body":"Hi, order A-1042 still hasn't arrived"}}}"#
        let result = CommandResult(blocks: [.data(body), .data("evil\u{1B}]0;title\u{07}")])
        #expect(Renderer(mode: .table, width: 20).render(result).out == [body, "evil\\x1b]0;title\\x07"])
    }

    @Test func aTableThatFitsStaysATableAndOneThatCannotIsExpanded() {
        #expect(Renderer(mode: .table, width: 200).render(wide).out[0].hasPrefix("ID  "))
        #expect(Renderer(mode: .table, width: 80).render(wide).out[0].hasPrefix("ID  "), "ids shrink in the middle")
        #expect(Renderer(mode: .table, width: 20).render(wide).out.prefix(2) == ["-[ RECORD 1 ]-", "ID:     3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"])
        #expect(Renderer(mode: .table, width: nil).render(wide).out[0].hasPrefix("ID  "), "pipes and transcripts keep tables")
    }
}

/// `--output json|table|expanded` on any command that prints a result, for that command only.
@Suite struct OutputFlagTests {
    @Test(arguments: [
        (["explain", "131047", "--output", "json"], "{"), (["explain", "--output=json", "131047"], "{"),
        (["payload", "sample", "whatsapp.message.received", "--output", "table"], ""),
        (["state", "--output", "json"], "{"),
    ])
    func everyCommandTakesOutput(words: [String], prefix: String) {
        let ran = OfflineShell.run(words)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.hasPrefix(prefix))
    }

    @Test func aBadOutputValueIsOneLine() {
        let ran = OfflineShell.run("explain", "131047", "--output", "yaml")
        #expect(ran.status == .usage)
        #expect(ran.err == "error: explain: invalid value for --output 'yaml'; expected 'table', 'json', 'expanded' or 'auto'\n")
    }

    @Test func theSessionModeIsKeptAfterACommandsOwnOutput() {
        let offline = OfflineShell()
        offline.shell.run(words: ["state", "--output", "json"])
        offline.shell.run(words: ["output"])
        #expect(offline.output.out.hasSuffix("output: table\n"))
    }
}

/// `help topics` gives one line per topic: its name and what it covers.
@Suite struct HelpTopicsTests {
    @Test func oneLinePerTopicWithWhatItCovers() {
        let ran = OfflineShell.run("help", "topics")
        // A summary too long for 80 columns goes on under itself.
        let lines = ran.out.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(lines.count == HelpTopics.all.count)
        for (line, topic) in zip(lines, HelpTopics.all) {
            #expect(line.hasPrefix(topic.name + " "), "\(line)")
            #expect(HelpTopics.summaries[topic.name] != nil, "\(topic.name) has no summary")
        }
    }
}

@Suite struct ClearCommandTests {
    @Test func clearAsksTheTerminalAndPrintsNothingElsewhere() {
        let offline = OfflineShell()
        #expect(offline.shell.run(words: ["clear"]) == .ok)
        #expect(offline.output.combined == "", "no terminal: nothing to clear")
        nonisolated(unsafe) var cleared = 0
        offline.shell.context.clearScreen = { cleared += 1 }
        offline.shell.run(words: ["clear"])
        #expect(cleared == 1)
    }
}
