/// Secrets in a result's table cells, redacted before the table is laid out.
extension Redactor {
    /// `result` with every table cell redacted (`redact(_:)`), so its columns are measured on `<redacted>`, not on the
    /// secret: redacted after layout, a secret the server echoed into a cell (a number's name holding the API key) left
    /// its column as wide as the secret and the columns after it out of line, which told the secret's length (probe22
    /// P22-14). The personal-data masker does the same on the page (`PIIMasker.mask(_ result:)`). The rendered text is
    /// still redacted on its way to each sink.
    ///
    /// The cells are tested first, all of a table in one pass (`mayNeedRedaction(cells:)`): a result with no cell to
    /// change, nearly every one, is returned as it is, without its rows copied and compared (35.6 M instructions of
    /// `deliveries --all` over 10,000 records, 16.5 M of them the copies; docs/performance.md, "Session 23").
    func redactingCells(_ result: CommandResult) -> CommandResult {
        guard result.blocks.contains(where: { block in
            guard case .table(let table) = block, table.measured?.cellsRedacted != true else { return false }
            return mayNeedRedaction(cells: table.rows)
        })
        else { return result }
        var redacted = result
        redacted.blocks = result.blocks.map { block in
            guard case .table(var table) = block, table.measured?.cellsRedacted != true else { return block }
            let rows = table.rows.map { row in row.map { StyledText(redact($0.text), style: $0.style) } }
            if rows != table.rows { table.rows = rows }
            return .table(table)
        }
        return redacted
    }

    /// `table`'s cells redacted, then measured (`TableRenderer.measure`), marked so `redactingCells` leaves them: a
    /// streamed list (`ListStream`) carries each page's widths to the next, and widths measured before redaction put a
    /// secret's length into the next page's padding.
    func measureRedacted(_ table: inout Table) -> [Int] {
        if mayNeedRedaction(cells: table.rows) {
            table.rows = table.rows.map { row in row.map { StyledText(redact($0.text), style: $0.style) } }
        }
        let widths = TableRenderer.measure(&table)
        table.measured?.cellsRedacted = true
        return widths
    }

    /// False only when no cell of `rows` needs redaction (`needsRedaction` is false for each): the test of
    /// `needsRedaction` run once over the cells' bytes joined by line feeds, instead of once a cell (19.1 M of the
    /// 70,000 cells of `deliveries --all` over 10,000 records, most of it the cost of a call, not of the bytes).
    ///
    /// What each of its tests finds in a cell it finds in the joined bytes: a known secret's bytes are there as they
    /// are; a credential header's name before a colon has the same bytes before it; a URL after a colon ends where it
    /// ended in the cell, at the line feed (an end byte for `URLCredentialScan`), or is found unsure at a non-ASCII byte
    /// after it. The joined bytes can only answer true more often (a secret across two cells), and a true answer only
    /// sends the table to the cell by cell redaction. `CellRedactionTests` compares the two on random tables.
    ///
    /// A cell equal to the one above it (the same column of the row before) is left out: its text is in the joined
    /// bytes already, between line feeds as every cell is. A page of deliveries repeats most of its cells down their
    /// columns (a webhook's short URL, an event, a status), and the URL's test without a scheme (`SchemelessURLs
    /// .mayEndHost`) cost 1,738 instructions at each row's (docs/performance.md, "Session 47").
    func mayNeedRedaction(cells rows: [[StyledText]]) -> Bool {
        // Copied into one buffer of the size they take: `append(contentsOf: text.utf8)` cost 187 instructions a cell.
        var total = 0
        for (index, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() where !Self.repeatsAbove(cell, column: column, row: index, in: rows) {
                total += cell.text.utf8.count + 1
            }
        }
        let joined = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            for (index, row) in rows.enumerated() {
                for (column, cell) in row.enumerated() where !Self.repeatsAbove(cell, column: column, row: index, in: rows) {
                    let copied = cell.text.utf8.withContiguousStorageIfAvailable { bytes in
                        if let source = bytes.baseAddress { (buffer.baseAddress! + count).initialize(from: source, count: bytes.count) }
                        return bytes.count
                    }
                    if let copied {
                        count += copied
                    } else {
                        for byte in cell.text.utf8 {
                            buffer[count] = byte
                            count += 1
                        }
                    }
                    buffer[count] = UInt8(ascii: "\n")
                    count += 1
                }
            }
        }
        return joined.withUnsafeBufferPointer { bytes in
            // A secret's run stops at a line feed unless a secret holds one (`SecretFragments.formsHoldLineFeed`): each
            // cell's runs are then read in the joined bytes as in the cell.
            secretPatterns.occurs(in: bytes)
                || (secretFragments.formsHoldLineFeed ? secretFragments.occurs(in: bytes) : mayMaskFragments(in: bytes))
                || shortCutEchoes.occurs(in: bytes)
                || ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.credentialHeaderBytes)
        }
    }

    /// True when `cell` (at `column` of row `row`) has the text of the cell above it.
    @inline(__always)
    private static func repeatsAbove(_ cell: StyledText, column: Int, row: Int, in rows: [[StyledText]]) -> Bool {
        row > 0 && column < rows[row - 1].count && rows[row - 1][column].text == cell.text
    }
}
