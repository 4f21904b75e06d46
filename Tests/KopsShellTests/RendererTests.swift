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

    @Test func jsonModePrintsOnlyThePrettyJSON() {
        let (out, err) = Renderer(mode: .json).render(result)
        #expect(out == ["{", "  \"data\": {", "    \"id\": \"a1\"", "  }", "}"])
        #expect(err.isEmpty)
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

    /// A table whose last column is a sentence: other columns shrink first, and when the sentence would
    /// still be cut the rows are shown expanded instead.
    @Test func sentenceColumnShrinksLastThenTheTableExpands() {
        var table = Table(
            columns: [Column("WHO"), Column("WHAT", truncation: .middle), Column("MEANING")],
            rows: [[StyledText("history-sync"), StyledText("GET /meta/whatsapp/v24.0/200300400500601/messages"),
                    StyledText("200300400500601 is a WABA id")]])
        table.columns[2].shrinksLast = true
        table.expandsWhenTooWide = true
        let result = CommandResult(blocks: [.table(table)])
        #expect(Renderer(mode: .table, width: 60).render(result).out == [
            "WHO           WHAT              MEANING", "history-sync  GET /met…essages  200300400500601 is a WABA id",
        ])
        #expect(Renderer(mode: .table, width: 30).render(result).out == [
            "-[ RECORD 1 ]-", "WHO:     history-sync", "WHAT:    GET /meta/whatsapp/v24.0/200300400500601/messages",
            "MEANING: 200300400500601 is a WABA id",
        ])
        #expect(Renderer(mode: .table, width: nil).render(result).out.count == 2)
    }
}
