internal import KapsoClient

/// `TableRenderer.text`: the table's lines written straight into one string, the path every printed table takes.
extension TableRenderer {
    /// `render(table)`'s lines, each followed by a line feed, in one string: what the terminal is given for the table.
    ///
    /// Written straight into the string's storage, a line at a time: no buffer and no `String` a line, no join, and
    /// a measured table's cells are not copied for the layout (docs/performance.md, "Session 13"). `TableTextTests`
    /// compares it with `render` on random tables.
    public func text(_ table: Table) -> String {
        var shown = ShownCells()
        return text(table, cellsShown: &shown)
    }

    /// How a table's row cells are in its text (`text(_:cellsShown:)`), for `Shell.showClearingCellsByText`, which reads
    /// the text's redaction test as the cells' own.
    struct ShownCells {
        /// False unless each row cell is in the text as its bytes are, with a space, a line feed or the text's edge on
        /// either side of it, or is one of `blanks`.
        var asTheyAre = true
        /// The row cells of spaces only, each text once (`numbers` marks every number but the selected one with `" "`):
        /// shown empty, they are not in the text as they are, so the text's test cannot answer for them.
        var blanks: [String] = []
    }

    /// `text(table)`, with `shown.asTheyAre` set false unless each cell of the table's rows is in the text as its bytes
    /// are, with a space, a line feed or the text's edge on either side of it: printable ASCII within the value limit
    /// not ending in a space (`shownCell`), not cut, not painted, and in a column (a row has no more cells than the table
    /// has columns); or is spaces only, shown empty, and then in `shown.blanks`.
    func text(_ table: Table, cellsShown shown: inout ShownCells) -> String {
        let columns = table.columns
        let count = columns.count
        let first = table.showsHeader ? 0 : 1
        if color || table.rows.contains(where: { $0.count > count }) { shown.asTheyAre = false }
        guard first < table.rows.count + 1, count > 0 else {
            if table.rows.contains(where: { !$0.isEmpty }) { shown.asTheyAre = false }
            return render(table).reduce(into: "") { $0 += $1 + "\n" }
        }
        // Each cell's width as shown, header first, `count` a row (a missing cell is 0); the positions of the cells not
        // shown as they are and the text shown for them (`cleaned`); the bytes of the cells as shown.
        var cellWidths: [Int]
        // (Two arrays, positions ascending: a `[Int: String]` took 356,000 instructions to set up at its first use.)
        var replacedAt: [Int] = []
        var replaced: [String] = []
        var bytes = 0
        if let measured = table.measured, measured.widths.count == (table.rows.count + 1) * count {
            // Measured before (`measure`: a streamed page) and unchanged since. A cell shown as it is is printable
            // ASCII: a byte a column.
            cellWidths = measured.widths
            for position in measured.asIs.indices {
                if measured.asIs[position] {
                    bytes += cellWidths[position]
                } else {
                    let text = Self.shown(Self.cell(at: position, of: table).text).text
                    replacedAt.append(position)
                    replaced.append(text)
                    bytes += text.utf8.count
                }
            }
        } else {
            cellWidths = []
            cellWidths.reserveCapacity((table.rows.count + 1) * count)
            for position in 0..<((table.rows.count + 1) * count) {
                let (text, width, asIs) = Self.shownCell(Self.cell(at: position, of: table).text)
                cellWidths.append(width)
                if !asIs {
                    replacedAt.append(position)
                    replaced.append(text)
                }
                bytes += text.utf8.count
            }
        }
        let widths = fittedWidths(columns: columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        // A cell shown otherwise (escaped, capped) or cut to its column; the header's cells are no row's.
        let cut = width != nil
            && (count..<cellWidths.count).contains { position in
                cellWidths[position] > widths[position % count] && columns[position % count].truncation != .never
            }
        if cut { shown.asTheyAre = false }
        for position in replacedAt.reversed() {
            guard position >= count, shown.asTheyAre else { break }
            let text = Self.cell(at: position, of: table).text
            if !Self.isBlank(text) {
                shown.asTheyAre = false
            } else if !shown.blanks.contains(text) {
                shown.blanks.append(text)
            }
        }
        let alignRight = columns.map(\.alignRight)
        // At most: every cell's bytes, its column's width in padding, the 3 bytes of a cut's `…` and the 9 of a
        // colour's escapes (`ESC[32m`, `ESC[0m`), two spaces between columns and a line feed.
        let lines = table.rows.count + 1 - first
        let capacity = bytes + lines * (widths.reduce(0, +) + count * (2 + 3 + (color ? 9 : 0)) + 1)
        var overflowed = false
        let text = String(unsafeUninitializedCapacity: capacity) { buffer in
            var line = LineWriter(out: buffer)
            var next = 0
            for row in first..<(table.rows.count + 1) {
                let cells = row == 0 ? columns.map { StyledText($0.header) } : table.rows[row - 1]
                for index in 0..<count {
                    let position = row * count + index
                    let cell = index < cells.count ? cells[index] : StyledText("")
                    while next < replacedAt.count, replacedAt[next] < position { next += 1 }
                    let text = next < replacedAt.count && replacedAt[next] == position ? replaced[next] : cell.text
                    let cellWidth = cellWidths[position]
                    let fits = cellWidth <= widths[index] || columns[index].truncation == .never
                    let shown = fits ? text : Self.truncated(text, to: widths[index], columns[index].truncation)
                    let padding = max(widths[index] - (fits ? cellWidth : TextWidth.displayWidth(shown)), 0)
                    if index > 0 { line.spaces += 2 }
                    if alignRight[index] { line.spaces += padding }
                    if !shown.isEmpty {
                        if color, let escape = Self.escape(cell.style) {
                            line.put(escape)
                            line.put(shown)
                            line.put("\u{1B}[0m")
                        } else {
                            line.put(shown)
                        }
                    }
                    if !alignRight[index] { line.spaces += padding }
                }
                line.endLine()
            }
            overflowed = line.overflowed
            return overflowed ? 0 : line.end
        }
        // Only with measures that are not `measure`'s (a cell said shown as it is whose bytes are not its width).
        if overflowed { shown.asTheyAre = false }
        return overflowed ? render(table).reduce(into: "") { $0 += $1 + "\n" } : text
    }

    /// Writes a table's lines into a buffer, a cell's text at a time.
    ///
    /// Spaces (padding, the gaps between columns, a text's own trailing ones) are held until a byte that is not a
    /// space follows them: a line's trailing spaces, which `line` cuts, are never written. A text that would not fit
    /// in the buffer is not written, and `overflowed` says so.
    struct LineWriter {
        let out: UnsafeMutableBufferPointer<UInt8>
        /// Bytes written.
        var end = 0
        /// Spaces held.
        var spaces = 0
        var overflowed = false

        init(out: UnsafeMutableBufferPointer<UInt8>) {
            self.out = out
        }

        /// Writes `text` after the spaces held before it, and holds its own trailing spaces.
        @inline(__always)
        mutating func put(_ text: String) {
            if text.utf8.withContiguousStorageIfAvailable({ put($0) }) == nil {
                var text = text
                text.withUTF8 { put($0) }
            }
        }

        @inline(__always)
        mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            let space = UInt8(ascii: " ")
            var count = bytes.count
            while count > 0, bytes[count - 1] == space { count -= 1 }
            if count > 0 {
                guard end + spaces + count < out.count else {
                    overflowed = true
                    return
                }
                let start = out.baseAddress! + end
                if spaces > 0 { start.initialize(repeating: space, count: spaces) }
                (start + spaces).initialize(from: bytes.baseAddress!, count: count)
                end += spaces + count
                spaces = 0
            }
            spaces += bytes.count - count
        }

        /// Ends a line with a line feed, its trailing spaces dropped.
        mutating func endLine() {
            guard end < out.count else {
                overflowed = true
                return
            }
            out[end] = UInt8(ascii: "\n")
            end += 1
            spaces = 0
        }
    }

    /// True for a text of spaces only, one at least, within the value limit: a cell shown empty (`cleaned` drops
    /// trailing blanks; past the limit it would be capped, `…` added).
    static func isBlank(_ text: String) -> Bool {
        let count = text.utf8.count
        return count > 0 && count <= VisibleText.valueLimit && text.utf8.allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// Cell `position` of `table`, header first, `table.columns.count` a row; an empty cell where a row is short.
    static func cell(at position: Int, of table: Table) -> StyledText {
        let count = table.columns.count
        if position < count { return StyledText(table.columns[position].header) }
        let row = table.rows[position / count - 1]
        return position % count < row.count ? row[position % count] : StyledText("")
    }
}
