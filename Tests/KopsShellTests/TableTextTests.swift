import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// The shell writes a result as one text a stream (`Renderer.text`), a table as a table straight into one string
/// (`TableRenderer.text`): always `render`'s lines, each followed by a line feed (the two readings it stands in front
/// of).
@Suite struct TableTextTests {
    static func joined(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// Random tables (cells to clean, cut and colour, wide and combining characters, missing cells, minimum widths,
    /// with and without the header), measured or not, at four widths, with and without colour.
    @Test func aTableIsWrittenAsItsLines() {
        var generator = SplitMix(seed: 1713)
        var cut = 0
        for _ in 0..<4_000 {
            var table = MeasuredTableTests.randomTable(&generator)
            if generator.next() % 2 == 0 { _ = TableRenderer.measure(&table) }
            for width in [nil, 24, 60, 200] as [Int?] {
                for color in [false, true] {
                    let renderer = TableRenderer(width: width, color: color)
                    let lines = renderer.render(table)
                    #expect(renderer.text(table) == Self.joined(lines), "\(table) at \(width ?? 0), colour \(color)")
                    if lines.contains(where: { $0.contains("…") }) { cut += 1 }
                }
            }
        }
        // Cut cells (`…`) came up, not only cells shown whole.
        #expect(cut > 1_000)
    }

    /// Cells whose own text ends in spaces (a caller's table that was not cleaned: `measure` marked them shown as
    /// they are) keep them inside a line and lose them at its end, as `render` does.
    @Test func spacesAtACellsEndAreCutOnlyAtTheLinesEnd() {
        var table = Table(
            columns: [Column("A"), Column("B", alignRight: true), Column("C")],
            rows: [[StyledText("x  "), StyledText("  "), StyledText("y ")], [StyledText(" "), StyledText("z"), StyledText("")]])
        table.measured = MeasuredCells(widths: [1, 1, 1, 3, 2, 2, 1, 1, 0], asIs: Array(repeating: true, count: 9))
        for color in [false, true] {
            let renderer = TableRenderer(width: nil, color: color)
            #expect(renderer.text(table) == Self.joined(renderer.render(table)))
        }
    }

    /// Measures that are not `measure`'s (cells said shown as they are, far longer than their widths) leave less room
    /// than the lines take: the text is still the lines.
    @Test func measuresThatUnderstateTheCellsStillGiveTheLines() {
        let long = String(repeating: "w", count: 300)
        var table = Table(
            columns: [Column("A"), Column("B")], rows: (0..<20).map { _ in [StyledText(long), StyledText(long + "é")] })
        table.measured = MeasuredCells(widths: Array(repeating: 0, count: 42), asIs: Array(repeating: true, count: 42))
        for color in [false, true] {
            let renderer = TableRenderer(width: nil, color: color)
            #expect(renderer.text(table) == Self.joined(renderer.render(table)))
        }
    }

    /// Results of every kind of block, in every mode, at a terminal's widths and piped, with and without colour.
    @Test func aResultIsWrittenAsItsLines() {
        var generator = SplitMix(seed: 1714)
        let words = ["ok", "a line of prose that wraps at a narrow terminal", "e\u{301}", "\u{1B}[2J", "中文", "x\ny", ""]
        func word() -> String { words[Int(generator.next() % UInt64(words.count))] }
        for _ in 0..<1_500 {
            var blocks: [Block] = []
            for _ in 0..<(generator.next() % 5) {
                switch generator.next() % 5 {
                case 0: blocks.append(.line(StyledText(word(), style: [.plain, .bad, .dim][Int(generator.next() % 3)])))
                case 1:
                    var table = MeasuredTableTests.randomTable(&generator)
                    table.detailBelowWhenTooWide = generator.next() % 3 == 0
                    if generator.next() % 3 == 0, !table.columns.isEmpty { table.columns[0].dropsWhenNarrow = true }
                    if generator.next() % 3 == 0 { table.columns[table.columns.count - 1].movesBelowWhenNarrow = true }
                    if generator.next() % 2 == 0 { _ = TableRenderer.measure(&table) }
                    blocks.append(.table(table))
                case 2: blocks.append(.fields([Field("id", word()), Field("a longer label", word())]))
                case 3: blocks.append(.hint(word()))
                default: blocks.append(.data(word()))
                }
            }
            let json: JSONValue? = generator.next() % 4 == 0 ? ["data": [.string(word())]] : nil
            var result = CommandResult(blocks: blocks, json: json)
            if generator.next() % 6 == 0 { result.jsonText = "{\"a\":\"\(word())\"}" }
            for mode in [OutputMode.table, .expanded, .auto, .json] {
                for width in [nil, 30, 100] as [Int?] {
                    let renderer = Renderer(mode: mode, width: width, color: generator.next() % 2 == 0)
                    let (out, err) = renderer.render(result)
                    let text = renderer.text(result)
                    #expect(text.out == Self.joined(out), "\(result) in \(mode) at \(width ?? 0)")
                    #expect(text.err == Self.joined(err))
                }
            }
        }
    }
}
