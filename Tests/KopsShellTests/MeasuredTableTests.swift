@testable import KopsShell
import KopsTestSupport
import Testing

/// A streamed page is measured once (`TableRenderer.measure`, for the widths carried to the next page) and rendered
/// with those measures: the same lines as a table never measured, and a table changed after it was measured is
/// measured again.
@Suite struct MeasuredTableTests {
    static func randomTable(_ generator: inout SplitMix) -> Table {
        let pieces = TableCellReadingTests.pieces + ["ok", "a-b", "200", "x y", "https://hooks.test/in", "2026-11-20T14:30:06Z"]
        func text() -> String {
            (0..<(generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        let count = 1 + Int(generator.next() % 5)
        let columns = (0..<count).map { index -> Column in
            var column = Column(
                generator.next() % 5 == 0 ? text() : "COL\(index)",
                truncation: [.never, .tail, .middle][Int(generator.next() % 3)], alignRight: generator.next() % 4 == 0)
            column.shrinksLast = generator.next() % 6 == 0
            return column
        }
        // Rows of any length: a short row's missing cells are empty.
        let rows = (0..<(generator.next() % 6)).map { _ in
            (0..<(Int(generator.next() % UInt64(count + 2)))).map { _ in
                StyledText(text(), style: [.plain, .good, .bad][Int(generator.next() % 3)])
            }
        }
        var table = Table(columns: columns, rows: rows)
        table.minimumWidths = (0..<Int(generator.next() % UInt64(count + 1))).map { _ in Int(generator.next() % 30) }
        table.showsHeader = generator.next() % 2 == 0
        return table
    }

    static func renders(_ table: Table) -> [[String]] {
        [nil, 24, 60, 200].flatMap { width in
            [false, true].flatMap { color in
                let renderer = TableRenderer(width: width, color: color)
                return [
                    renderer.render(table), renderer.cutColumns(table).map(String.init), [String(renderer.fits(table))],
                    renderer.squeezedColumns(table).map(String.init),
                ]
            }
        }
    }

    @Test func aMeasuredTableRendersAsAnUnmeasuredOne() {
        var generator = SplitMix(seed: 1414)
        for _ in 0..<3_000 {
            let table = Self.randomTable(&generator)
            var measured = table
            #expect(TableRenderer.measure(&measured) == TableRenderer.naturalWidths(table))
            #expect(measured.measured != nil)
            #expect(Self.renders(measured) == Self.renders(table), "\(table)")
        }
    }

    @Test func aTableChangedAfterItWasMeasuredIsMeasuredAgain() {
        var generator = SplitMix(seed: 1415)
        var changed = 0
        for _ in 0..<3_000 {
            var table = Self.randomTable(&generator)
            _ = TableRenderer.measure(&table)
            let other = Self.randomTable(&generator)
            switch generator.next() % 4 {
            case 0 where !table.rows.isEmpty && !table.rows[0].isEmpty:
                table.rows[0][0] = StyledText(other.columns[0].header + "\u{1B}[2J wider than before")
            case 1: table.rows = other.rows
            case 2: table.columns = other.columns
            default: table.rows.append(other.rows.first ?? [StyledText("a row that was not there")])
            }
            #expect(table.measured == nil)
            var fresh = Table(columns: table.columns, rows: table.rows)
            fresh.minimumWidths = table.minimumWidths
            fresh.showsHeader = table.showsHeader
            #expect(Self.renders(table) == Self.renders(fresh))
            changed += 1
        }
        #expect(changed == 3_000)
    }
}
