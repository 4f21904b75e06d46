import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `Shell.showClearingCellsByText`: a table's cells are not tested on their own where the test of the printed text answers
/// for them (docs/performance.md, "Session 57"). Whatever the cells, `show` prints what it printed with the cells tested
/// and redacted before the layout, and the text's test answers true whenever a cell shown as it is needs redaction.
@Suite struct ClearedCellsTests {
    /// The cells' pieces (`CellRedactionTests.pieces`), and what the readings read on either side of a cell: labels
    /// before a colon, an `=` or a blank (`password: …`, `api key …`), escapes (`%3D`, `%2F`), a query's `?` and `&`, hook
    /// hosts without a scheme, dotted tokens' starts, token prefixes, cut marks, long keys.
    static let pieces = CellRedactionTests.pieces + [
        "password:", "secret", "token ", "api key", "api_key=", " abcdef123456", "Xy9kQ2mN7pL4", "%3D", "%3A", "%2F", "%5F",
        "%253A%252F%252F", "?token", "&access_token=", "hooks.slack.com", "/services/", "T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "eyJhbGciOi", "SG.", "ya29", ".", "..", "*", "***", "opensez", "OPENSEZ", "known_123", "whsec_…23", "<redacted>",
        "(", "'", "/", "bot123456:", "webhook", "hooks", "0123456789AbCdEfGhIjKlMnOpQrSt", "3d4e5f6a", "Bearer ",
    ]

    static let redactors = CellRedactionTests.redactors + [
        Redactor(knownSecrets: [Secret("Xy9kQ2mN7pL4abcd"), Secret("sk_live_0123456789abcdef")]),
        Redactor(knownSecrets: [Secret("opensez"), Secret("whsec_known_123")]),
        // A known secret of spaces only, the one way a cell of spaces (shown empty) needs redaction.
        Redactor(knownSecrets: [Secret("     "), Secret("whsec_known_123")]),
    ]

    /// Cells of spaces only, shown empty (`numbers` marks each number but the selected one with `" "`).
    static let blanks = [" ", "   ", "      "]

    /// Rows of 0 to 5 cells of 0 to 3 pieces under 1 to 4 columns, some right-aligned, some without a header row; a
    /// cell in six of spaces only.
    static func table(_ generator: inout SplitMix) -> Table {
        let width = Int(generator.next() % 4) + 1
        let rows = (0..<Int(generator.next() % 6)).map { _ in
            (0..<Int(generator.next() % UInt64(width + 1))).map { _ in
                if generator.next() % 6 == 0 { return StyledText(blanks[Int(generator.next() % UInt64(blanks.count))]) }
                return StyledText((0..<Int(generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
            }
        }
        var table = Table(
            columns: (0..<width).map { Column(generator.next() % 5 == 0 ? "" : "C\($0)", alignRight: generator.next() % 3 == 0) },
            rows: rows)
        table.showsHeader = generator.next() % 4 != 0
        return table
    }

    /// What `show` printed before this session for a table-mode result without a width, a recorder or a revealed secret:
    /// the cells redacted first, the text laid out from them, then redacted on its way out.
    static func printedWithCellsTested(_ result: CommandResult, _ redactor: Redactor) -> (out: String, err: String) {
        let (out, err) = Renderer().text(redactor.redactingCells(result))
        return (redactor.redact(out), redactor.redact(err))
    }

    @Test func theTextsTestIsTrueWheneverACellShownAsItIsNeedsRedaction() {
        var generator = SplitMix(seed: 5757)
        var cleared = 0
        var needed = 0
        for _ in 0..<20_000 {
            let table = Self.table(&generator)
            var shown = TableRenderer.ShownCells()
            let text = TableRenderer(width: nil, color: false).text(table, cellsShown: &shown)
            guard shown.asTheyAre else { continue }
            for redactor in Self.redactors where !redactor.secretFragments.formsHoldCellGap {
                // A cell of spaces only is shown empty: `shown.blanks` lists it, and the shell asks about it on its own.
                let cellNeeds = table.rows.contains { row in
                    row.contains { cell in
                        #expect(!TableRenderer.isBlank(cell.text) || shown.blanks.contains(cell.text))
                        return !TableRenderer.isBlank(cell.text) && redactor.needsRedaction(cell.text)
                    }
                }
                let textNeeds = redactor.needsRedaction(text)
                #expect(!cellNeeds || textNeeds, "\(table.rows.map { $0.map(\.text) })")
                if !textNeeds { cleared += 1 }
                if cellNeeds { needed += 1 }
            }
        }
        // Both answers are common: the test is not vacuous either way.
        #expect(cleared > 5_000, "\(cleared)")
        #expect(needed > 5_000, "\(needed)")
    }

    @Test func showPrintsWhatItPrintedWithTheCellsTestedFirst() {
        var generator = SplitMix(seed: 5758)
        var redacted = 0
        let shells = Self.redactors.map { redactor in
            let offline = OfflineShell()
            offline.shell.redactor = redactor
            return (offline, redactor)
        }
        for round in 0..<3_000 {
            var blocks: [Block] = [.table(Self.table(&generator))]
            if round % 3 == 0 { blocks.append(.hint(Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))])) }
            if round % 5 == 0 { blocks.append(.table(Self.table(&generator))) }
            let result = CommandResult(blocks: blocks)
            for (offline, redactor) in shells {
                let (outBefore, errBefore) = (offline.output.out.utf8.count, offline.output.err.utf8.count)
                offline.shell.show(result)
                let expected = Self.printedWithCellsTested(result, redactor)
                #expect(String(decoding: offline.output.out.utf8.dropFirst(outBefore), as: UTF8.self) == expected.out, "\(blocks)")
                #expect(String(decoding: offline.output.err.utf8.dropFirst(errBefore), as: UTF8.self) == expected.err, "\(blocks)")
                if expected.out.contains("<redacted>") { redacted += 1 }
            }
        }
        #expect(redacted > 1_000, "\(redacted)")
    }

    /// The cases the text cannot answer for: a cell shown otherwise (a control byte escaped, a byte past ASCII, a trailing
    /// space dropped, a text past the value limit capped), painted, cut to a width, or past the table's columns.
    @Test func cellsNotShownAsTheyAreAreSaidSo() {
        func asTheyAre(_ cells: [String], width: Int? = nil, color: Bool = false, columns: Int = 2) -> Bool {
            var shown = TableRenderer.ShownCells()
            let table = Table(columns: (0..<columns).map { Column("C\($0)") }, rows: [cells.map { StyledText($0, style: .bold) }])
            _ = TableRenderer(width: width, color: color).text(table, cellsShown: &shown)
            return shown.asTheyAre
        }
        #expect(asTheyAre(["abc", "https://h.test/x?y=1"]))
        #expect(asTheyAre(["  leading", ""]))
        #expect(!asTheyAre(["a\u{1B}b", "c"]))
        #expect(!asTheyAre(["é", "c"]))
        #expect(!asTheyAre(["trailing ", "c"]))
        #expect(!asTheyAre([String(repeating: "x", count: VisibleText.valueLimit + 1), "c"]))
        #expect(!asTheyAre(["abc", "def"], color: true))
        #expect(!asTheyAre([String(repeating: "x", count: 40), String(repeating: "y", count: 40)], width: 30))
        #expect(!asTheyAre(["a", "b", "c"]))
        #expect(!asTheyAre([String(repeating: " ", count: VisibleText.valueLimit + 1), "c"]))
        #expect(!asTheyAre([" \t ", "c"]))
        var shown = TableRenderer.ShownCells()
        _ = Renderer(mode: .table, width: 200).text(CommandResult(blocks: [.table(Table(columns: [Column("A")], rows: [[StyledText("x")]]))]), cellsShown: &shown)
        #expect(!shown.asTheyAre)
        shown = TableRenderer.ShownCells()
        _ = Renderer(mode: .json).text(CommandResult(blocks: [.table(Table(columns: [Column("A")], rows: [[StyledText("x")]]))]), cellsShown: &shown)
        #expect(!shown.asTheyAre)
    }

    /// `numbers`' table: its first column marks the selected number with `*` and every other with `" "`, shown empty. The
    /// text's test answers for the table, the blank cell asked on its own, once (session 57 laid this table out twice).
    @Test func aCellOfSpacesOnlyIsAskedOnItsOwn() {
        let table = Table(
            columns: [Column(""), Column("ID"), Column("NAME")],
            rows: [[StyledText("*"), StyledText("100200300400501"), StyledText("Shop A")],
                   [StyledText(" "), StyledText("100200300400502"), StyledText("Shop B")],
                   [StyledText(" "), StyledText("100200300400503"), StyledText("Shop C")]])
        var shown = TableRenderer.ShownCells()
        _ = TableRenderer(width: nil, color: false).text(table, cellsShown: &shown)
        #expect(shown.asTheyAre)
        #expect(shown.blanks == [" "])
        let offline = OfflineShell()
        let result = CommandResult(blocks: [.table(table)])
        #expect(offline.shell.showClearingCellsByText(result))
        #expect(offline.output.out == Self.printedWithCellsTested(result, offline.shell.redactor).out)
        // A known secret of spaces (4 or more, and under 8: no fragment form holds its blank) makes a cell of spaces need
        // redaction. Shown empty, the cell is not in the text ("A\n\n"), whose test answers false: asked on its own, it
        // sends the table the old way, and the cell prints `<redacted>` as before.
        let spaces = Redactor(knownSecrets: [Secret("     ")])
        #expect(!spaces.secretFragments.formsHoldCellGap)
        let blank = CommandResult(blocks: [.table(Table(columns: [Column("A")], rows: [[StyledText("      ")]]))])
        #expect(!spaces.needsRedaction(Renderer().text(blank).out))
        let blankSecret = OfflineShell()
        blankSecret.shell.redactor = spaces
        #expect(!blankSecret.shell.showClearingCellsByText(blank))
        blankSecret.shell.show(blank)
        #expect(blankSecret.output.out == Self.printedWithCellsTested(blank, spaces).out)
        #expect(blankSecret.output.out.contains("<redacted>"))
    }

    /// A cell past the value limit is printed capped: the text's test cannot read the secret cut off its end, so the cells
    /// are tested on their own and the secret's cell printed redacted, as before.
    @Test func aSecretPastTheValueLimitIsRedactedAsBefore() {
        let redactor = Redactor(knownSecrets: [Secret("whsec_known_123")])
        let token = "https://h.test/x?token=" + String(repeating: "a1", count: 20)
        // Past the limit as it is, within it redacted: `<redacted>` is shorter than the secret.
        for (tail, masked) in [("whsec_known_123", "<redacted>"), (token, "https://h.test/x?token=<redacted>")] {
            let cell = String(repeating: "x", count: VisibleText.valueLimit - 2 - masked.count) + " " + tail
            let result = CommandResult(blocks: [.table(Table(columns: [Column("A"), Column("B")], rows: [[StyledText(cell), StyledText("b")]]))])
            let offline = OfflineShell()
            offline.shell.redactor = redactor
            offline.shell.show(result)
            #expect(offline.output.out == Self.printedWithCellsTested(result, redactor).out, "\(tail)")
            #expect(offline.output.out.contains("<redacted>"), "\(tail)")
        }
    }

    /// A secret holding a space or a line feed can run across the gap between two cells: the cells are then tested on their
    /// own, as before.
    @Test func aSecretWithABlankKeepsTheCellsTest() {
        #expect(Redactor(knownSecrets: [Secret("ab cd ef gh")]).secretFragments.formsHoldCellGap)
        #expect(Redactor(knownSecrets: [Secret("abcd\nefgh")]).secretFragments.formsHoldCellGap)
        #expect(!Redactor(knownSecrets: [Secret("whsec_known_123")]).secretFragments.formsHoldCellGap)
        let offline = OfflineShell()
        offline.shell.redactor = Redactor(knownSecrets: [Secret("ab cd ef gh")])
        #expect(!offline.shell.showClearingCellsByText(CommandResult(blocks: [.table(Table(columns: [Column("A")], rows: []))])))
    }
}
