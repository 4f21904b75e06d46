import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `Redactor.redactingCells` tests a table's cells in one pass over their joined bytes (`mayNeedRedaction(cells:)`)
/// before redacting them cell by cell: the result is always what the cell by cell redaction gives, and the joined test
/// never misses a cell that needs it (docs/performance.md, "Session 23").
@Suite struct CellRedactionTests {
    static let redactors = [
        Redactor(knownSecrets: [Secret("whsec_known_123"), Secret("bench_key_0123")]), Redactor(),
        Redactor(knownSecrets: [Secret("ab cd ef")]), Redactor(knownSecrets: [Secret("opensez")]),
    ]

    /// Cells made of the pieces that decide the three tests: secrets and their halves, header names before a colon,
    /// URLs with and without credentials, end bytes, line feeds and non-ASCII bytes where a URL ends.
    static let pieces = PrintsAsIsTests.pieces + [
        "whsec_known_", "123", "bench_key_0123", "Authorization: Bearer x", "https://u:p@h.test/", "https://h.test/?token=1",
        "https://h.test/a", "ab", " cd ", "ef", "x-api-key", "\u{2026}", "é://", "cookie:", "-", "opens", "...",
    ]

    static func table(_ generator: inout SplitMix) -> Table {
        let width = Int(generator.next() % 4) + 1
        let rows = (0..<Int(generator.next() % 6)).map { _ in
            (0..<width).map { _ in
                StyledText(
                    (0..<Int(generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                        .joined())
            }
        }
        return Table(columns: (0..<width).map { Column("C\($0)") }, rows: rows)
    }

    /// The cell by cell redaction the joined test stands in front of.
    static func cellByCell(_ redactor: Redactor, _ result: CommandResult) -> [Block] {
        result.blocks.map { block in
            guard case .table(var table) = block else { return block }
            table.rows = table.rows.map { row in row.map { StyledText(redactor.redact($0.text), style: $0.style) } }
            return .table(table)
        }
    }

    @Test func theJoinedTestIsTrueWheneverACellNeedsRedaction() {
        var generator = SplitMix(seed: 2323)
        var cleared = 0
        var needed = 0
        for _ in 0..<20_000 {
            let table = Self.table(&generator)
            for redactor in Self.redactors {
                let some = table.rows.contains { row in row.contains { redactor.needsRedaction($0.text) } }
                let joined = redactor.mayNeedRedaction(cells: table.rows)
                #expect(!some || joined, "\(table.rows.map { $0.map(\.text) })")
                if !joined { cleared += 1 }
                if some { needed += 1 }
            }
        }
        // Both answers are common: the test is not vacuous either way.
        #expect(cleared > 10_000, "\(cleared)")
        #expect(needed > 10_000, "\(needed)")
    }

    /// Cells repeated down their columns, as a page of deliveries repeats its URLs and events: the joined test leaves a
    /// cell equal to the one above it out of the joined bytes, and still answers true whenever a cell needs redaction,
    /// repeated or not, whatever cells stand before the copy it reads.
    @Test func theJoinedTestIsTrueWheneverARepeatedCellNeedsRedaction() {
        var generator = SplitMix(seed: 4747)
        var cleared = 0
        var needed = 0
        for _ in 0..<20_000 {
            var table = Self.table(&generator)
            for row in table.rows.indices.dropFirst() {
                for column in table.rows[row].indices where generator.next() % 2 == 0 {
                    table.rows[row][column] = table.rows[row - 1][column]
                }
            }
            // A few rows as long as the one above them plus one cell, or shorter: the cell above may be missing.
            if generator.next() % 4 == 0, !table.rows.isEmpty { table.rows[table.rows.count - 1].append(StyledText("x")) }
            for redactor in Self.redactors {
                let some = table.rows.contains { row in row.contains { redactor.needsRedaction($0.text) } }
                let joined = redactor.mayNeedRedaction(cells: table.rows)
                #expect(!some || joined, "\(table.rows.map { $0.map(\.text) })")
                if !joined { cleared += 1 }
                if some { needed += 1 }
            }
        }
        #expect(cleared > 10_000, "\(cleared)")
        #expect(needed > 10_000, "\(needed)")
    }

    /// A short secret's start before an ellipsis (`opens...` of the 7-character `opensez`, `ShortCutEchoes`, tester51b
    /// F5) takes none of the fast paths that print text as it is: a table's joined cells, a JSON text, a printed page.
    @Test func aShortSecretsCutEchoTakesNoFastPath() {
        let redactor = Redactor(knownSecrets: [Secret("opensez")])
        let text = "id opens... here"
        #expect(redactor.needsRedaction(text))
        #expect(redactor.mayNeedRedaction(cells: [[StyledText(text)]]))
        #expect(!redactor.leavesUnchanged(serialized: "{\"a\":\"\(text)\"}"))
        let bytes = Array(text.utf8)
        #expect(!bytes.withUnsafeBufferPointer { redactor.printsAsIs($0) })
        #expect(!redactor.redact(text).contains("opens"))
    }

    @Test func redactingCellsGivesTheCellByCellRedaction() {
        var generator = SplitMix(seed: 2324)
        var changed = 0
        for _ in 0..<10_000 {
            let result = CommandResult(blocks: [.table(Self.table(&generator)), .hint("x"), .table(Self.table(&generator))])
            for redactor in Self.redactors {
                let expected = Self.cellByCell(redactor, result)
                #expect(redactor.redactingCells(result).blocks == expected)
                if expected != result.blocks { changed += 1 }
            }
        }
        #expect(changed > 3_000, "\(changed)")
    }

    /// Canary: one secret among thousands of plain cells (a streamed page of 1,000 rows), in each place a row can hold
    /// it, is redacted before the layout.
    @Test(arguments: [0, 1, 3_501, 6_999])
    func oneSecretAmongAThousandRowsIsRedacted(_ place: Int) {
        let redactor = Redactor(knownSecrets: [Secret("bench_key_0123456789")])
        var rows = (0..<1_000).map { row in
            (0..<7).map { column in StyledText(column == 0 ? "0a1b2c3d-4e5f-4a6b-\(row)" : "2026-11-21 11:5\(column)") }
        }
        let cell = place % 7
        let row = min(place / 7, rows.count - 1)
        for secret in ["bench_key_0123456789", "Authorization: Bearer abc", "https://u:pw@h.test/x", "https://h.test/?token=t1",
            "hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX"]
        {
            rows[row][cell] = StyledText("name " + secret)
            // The same cell on the next row too, as a page repeats a webhook's URL down its column.
            if row + 1 < rows.count { rows[row + 1][cell] = rows[row][cell] }
            let result = CommandResult(blocks: [.table(Table(columns: (0..<7).map { Column("C\($0)") }, rows: rows))])
            guard case .table(let table)? = redactor.redactingCells(result).blocks.first else {
                Issue.record("no table")
                return
            }
            let text = table.rows.flatMap { $0.map(\.text) }.joined(separator: "\n")
            #expect(text.contains("<redacted>"), "\(secret)")
            for leak in ["bench_key_0123456789", "Bearer abc", "u:pw@", "token=t1", "XXXXXXXXXXXXXXXXXXXXXXXX"] {
                #expect(!text.contains(leak), "\(leak)")
            }
        }
    }
}
