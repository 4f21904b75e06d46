internal import KapsoClient

/// Lays out a `Table` as terminal lines, e.g. columns `ID`, `STATUS` with one row →
/// `["ID        STATUS", "wh_01abc  active"]`.
///
/// Headers are shown as given, columns are separated by two spaces, with no borders or rule.
/// When the table is wider than `width`, the widest shrinkable columns give up a column at a
/// time, never below their header or 6 columns; a table that still does not fit overflows,
/// since dropping a column would hide data. Control characters in cells are neutralised (tabs
/// and newlines become spaces, others are shown as `\x1b`-style escapes) so API data cannot move the
/// cursor or break rows.
public struct TableRenderer: Sendable {
    /// Terminal columns, or `nil` for unlimited (output is not a terminal).
    public var width: Int?
    /// Whether to draw `Style`s with ANSI colours.
    public var color: Bool

    public init(width: Int?, color: Bool) {
        self.width = width
        self.color = color
    }

    /// The table's lines, header first, without newlines or trailing spaces.
    public func render(_ table: Table) -> [String] {
        let columns = table.columns
        // Row by row in one array each (`columns.count` a row, the header first); each cell is cleaned and measured
        // once, for the layout and for its padding.
        var cells: [StyledText] = []
        var cellWidths: [Int] = []
        cells.reserveCapacity((table.rows.count + 1) * columns.count)
        cellWidths.reserveCapacity((table.rows.count + 1) * columns.count)
        // Measured before (`measure`: a streamed page) and unchanged since: the cells shown as they are are not
        // looked at again.
        let measured = table.measured.flatMap { $0.widths.count == (table.rows.count + 1) * columns.count ? $0 : nil }
        func shown(_ text: String) -> (text: String, width: Int) {
            if let measured, measured.asIs[cellWidths.count] { return (text, measured.widths[cellWidths.count]) }
            return Self.shown(text)
        }
        for column in columns {
            let (text, width) = shown(column.header)
            cells.append(StyledText(text, style: .plain))
            cellWidths.append(width)
        }
        for row in table.rows {
            for index in columns.indices {
                guard index < row.count else {
                    cells.append(StyledText(""))
                    cellWidths.append(0)
                    continue
                }
                let (text, width) = shown(row[index].text)
                cells.append(StyledText(text, style: row[index].style))
                cellWidths.append(width)
            }
        }
        let widths = fittedWidths(columns: columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        return ((table.showsHeader ? 0 : 1)..<(table.rows.count + 1)).map { row in
            let start = row * columns.count
            return line(
                for: cells[start..<(start + columns.count)], cellWidths: cellWidths[start..<(start + columns.count)],
                columns: columns, widths: widths)
        }
    }

    /// Each column's natural width (its widest cell or header, at least `table.minimumWidths`), before fitting.
    public static func naturalWidths(_ table: Table) -> [Int] {
        var widths = table.columns.indices.map { index in
            max(shown(table.columns[index].header).width, index < table.minimumWidths.count ? table.minimumWidths[index] : 0)
        }
        for row in table.rows {
            for index in widths.indices where index < row.count {
                let width = shown(row[index].text).width
                if width > widths[index] { widths[index] = width }
            }
        }
        return widths
    }

    /// `naturalWidths(table)`, with each cell's measure left in `table` for `render`, which then does not measure the
    /// cells again: a streamed list carries its pages' widths on to the next page and prints each page.
    public static func measure(_ table: inout Table) -> [Int] {
        let count = table.columns.count
        var measured = MeasuredCells(widths: [], asIs: [])
        measured.widths.reserveCapacity((table.rows.count + 1) * count)
        measured.asIs.reserveCapacity((table.rows.count + 1) * count)
        func add(_ text: String) {
            let (_, width, asIs) = shownCell(text)
            measured.widths.append(width)
            measured.asIs.append(asIs)
        }
        for column in table.columns { add(column.header) }
        for row in table.rows {
            for index in 0..<count {
                if index < row.count { add(row[index].text) } else { measured.widths.append(0); measured.asIs.append(true) }
            }
        }
        var widths = (0..<count).map { index in
            max(measured.widths[index], index < table.minimumWidths.count ? table.minimumWidths[index] : 0)
        }
        var position = count
        while position < measured.widths.count {
            for index in 0..<count where measured.widths[position + index] > widths[index] {
                widths[index] = measured.widths[position + index]
            }
            position += count
        }
        table.measured = measured
        return widths
    }

    /// True when fitting `table` to the width would cut a column marked `shrinksLast`.
    public func cutsShrinkLastColumn(_ table: Table) -> Bool {
        cutColumns(table).contains { table.columns[$0].shrinksLast }
    }

    /// The indices of the columns that fitting `table` to the width would cut.
    public func cutColumns(_ table: Table) -> [Int] {
        guard width != nil else { return [] }
        let cellWidths = Self.cellWidths(table)
        let count = table.columns.count
        let natural = table.columns.indices.map { index in
            stride(from: index, to: cellWidths.count, by: count).map { cellWidths[$0] }.max() ?? 0
        }
        let fitted = fittedWidths(columns: table.columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        return table.columns.indices.filter { fitted[$0] < natural[$0] }
    }

    /// True when the table, shrunk as `render` shrinks it, is no wider than `width`; always true without a width.
    public func fits(_ table: Table) -> Bool {
        guard let width else { return true }
        let columns = table.columns
        return fittedWidths(columns: columns, cellWidths: Self.cellWidths(table), minimums: table.minimumWidths).reduce(0, +)
            + 2 * max(columns.count - 1, 0) <= width
    }

    // MARK: - Layout

    /// Natural widths, shrunk one column at a time (widest first, leftmost on ties) to fit.
    /// `cellWidths`: `columns.count` a row, as `render` measures them.
    func fittedWidths(columns: [Column], cellWidths: [Int], minimums: [Int] = []) -> [Int] {
        var widths = columns.indices.map { index in index < minimums.count ? minimums[index] : 0 }
        var position = 0
        while position < cellWidths.count {
            for index in columns.indices where cellWidths[position + index] > widths[index] {
                widths[index] = cellWidths[position + index]
            }
            position += columns.count
        }
        guard let width else { return widths }
        let minimums = columns.map { max(TextWidth.displayWidth($0.header), 6) }
        var excess = widths.reduce(0, +) + 2 * max(columns.count - 1, 0) - width
        while excess > 0 {
            var widest: Int?
            // Columns marked `shrinksLast` give up width only when no other column can.
            for lastResort in [false, true] where widest == nil {
                for index in columns.indices
                where columns[index].truncation != .never && columns[index].shrinksLast == lastResort
                    && widths[index] > minimums[index]
                {
                    if widest.map({ widths[index] > widths[$0] }) ?? true {
                        widest = index
                    }
                }
            }
            guard let widest else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    /// The display width of each cell as shown, header first, `table.columns.count` a row (a missing cell is 0).
    private static func cellWidths(_ table: Table) -> [Int] {
        if let measured = table.measured, measured.widths.count == (table.rows.count + 1) * table.columns.count {
            return measured.widths
        }
        var widths = table.columns.map { shown($0.header).width }
        widths.reserveCapacity((table.rows.count + 1) * table.columns.count)
        for row in table.rows {
            for index in table.columns.indices { widths.append(index < row.count ? shown(row[index].text).width : 0) }
        }
        return widths
    }

    private func line(
        for cells: ArraySlice<StyledText>, cellWidths: ArraySlice<Int>, columns: [Column], widths: [Int]
    ) -> String {
        // Built as bytes and made a string once: appending to a String per cell costs more than the layout.
        let space = UInt8(ascii: " ")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(widths.reduce(2 * columns.count, +))
        for (index, column) in columns.enumerated() {
            let cell = cells[cells.startIndex + index]
            let cellWidth = cellWidths[cellWidths.startIndex + index]
            let fits = column.truncation == .never || cellWidth <= widths[index]
            let shown = fits ? cell.text : Self.truncated(cell.text, to: widths[index], column.truncation)
            let padding = max(widths[index] - (fits ? cellWidth : TextWidth.displayWidth(shown)), 0)
            if index > 0 { bytes.append(space); bytes.append(space) }
            // Spaces one by one: `append(contentsOf: repeatElement(…))` is a generic call, 70 instructions a cell.
            if column.alignRight { for _ in 0..<padding { bytes.append(space) } }
            var text = painted(shown, cell.style)
            text.withUTF8 { bytes.append(contentsOf: $0) }
            if !column.alignRight { for _ in 0..<padding { bytes.append(space) } }
        }
        // Trailing spaces are whole characters (nothing extends a space): they are cut as bytes.
        while bytes.last == space { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Cells

    /// `text` cut to `width` columns with `…`: `abcdefg…` for `.tail`, `abc…xyz` for `.middle`
    /// (the start keeps the odd column).
    /// The columns of `table` that fitting it to the width would cut narrower than their `belowWhenNarrowerThan`.
    public func squeezedColumns(_ table: Table) -> [Int] {
        guard width != nil, table.columns.contains(where: { $0.belowWhenNarrowerThan != nil }) else { return [] }
        let cellWidths = Self.cellWidths(table)
        let count = table.columns.count
        let natural = table.columns.indices.map { index in
            stride(from: index, to: cellWidths.count, by: count).map { cellWidths[$0] }.max() ?? 0
        }
        let fitted = fittedWidths(columns: table.columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        return table.columns.indices.filter { index in
            table.columns[index].belowWhenNarrowerThan.map { fitted[index] < natural[index] && fitted[index] < $0 } ?? false
        }
    }

    /// `text` cut at the end with `…` to `width` display columns (escapes shown for controls); whole when it fits.
    static func oneLine(_ text: String, width: Int) -> String {
        let text = cleaned(text)
        return TextWidth.displayWidth(text) <= width ? text : truncated(text, to: width, .tail)
    }

    static func truncated(_ text: String, to width: Int, _ truncation: Column.Truncation) -> String {
        guard truncation != .never, TextWidth.displayWidth(text) > width else { return text }
        let room = width - 1
        switch truncation {
        case .never, .tail:
            return prefix(of: text, fitting: room) + "…"
        case .middle:
            let startRoom = (room + 1) / 2
            return prefix(of: text, fitting: startRoom) + "…" + suffix(of: text, fitting: room - startRoom)
        }
    }

    private static func prefix(of text: String, fitting room: Int) -> String {
        var kept = ""
        var used = 0
        for character in text {
            used += TextWidth.displayWidth(character)
            guard used <= room else { break }
            kept.append(character)
        }
        return kept
    }

    private static func suffix(of text: String, fitting room: Int) -> String {
        String(prefix(of: String(text.reversed()), fitting: room).reversed())
    }

    /// A cell's text as shown (`cleaned`) and the columns it takes. Printable ASCII within the value limit and not
    /// ending in a space, most cells, is shown as it is, a column a byte: no copy, no second pass to measure it.
    static func shown(_ text: String) -> (text: String, width: Int) {
        let (shown, width, _) = shownCell(text)
        return (shown, width)
    }

    /// `shown`, and whether the text is shown as it is.
    static func shownCell(_ text: String) -> (text: String, width: Int, asIs: Bool) {
        let count = text.utf8.count
        if count <= VisibleText.valueLimit,
            text.utf8.withContiguousStorageIfAvailable({
                $0.last != UInt8(ascii: " ") && ByteWords.allPrintableASCII($0, newlines: false)
            }) == true
        {
            return (text, count, true)
        }
        let cleaned = cleaned(text)
        return (cleaned, TextWidth.displayWidth(cleaned), false)
    }

    /// Cell text with tabs and line breaks as spaces, other controls shown as escapes (`VisibleText`),
    /// trailing whitespace dropped, and at most `VisibleText.valueLimit` characters when no width cuts it.
    static func cleaned(_ text: String) -> String {
        let text = VisibleText.capped(text, limit: VisibleText.valueLimit)
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.last != UInt8(ascii: " ") && ByteWords.allPrintableASCII(bytes, newlines: false)
        }
        if plain == true { return text }
        var cleaned = VisibleText.escaped(text, newlines: .spaces)
        while cleaned.last?.isWhitespace == true { cleaned.removeLast() }
        return cleaned
    }

    private func painted(_ text: String, _ style: Style) -> String {
        guard color, !text.isEmpty else { return text }
        let code =
            switch style {
            case .plain: ""
            case .good: "32"
            case .bad: "31"
            case .warn: "33"
            case .dim: "2"
            case .bold: "1"
            }
        return code.isEmpty ? text : "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The escape `painted` starts a text of `style` with (`ESC[0m` ends it); nil for none.
    static func escape(_ style: Style) -> String? {
        switch style {
        case .plain: nil
        case .good: "\u{1B}[32m"
        case .bad: "\u{1B}[31m"
        case .warn: "\u{1B}[33m"
        case .dim: "\u{1B}[2m"
        case .bold: "\u{1B}[1m"
        }
    }
}
