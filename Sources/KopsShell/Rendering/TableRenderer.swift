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
        let headers = columns.map { StyledText(Self.cleaned($0.header), style: .plain) }
        let rows = table.rows.map { row in
            columns.indices.map { index in
                index < row.count ? StyledText(Self.cleaned(row[index].text), style: row[index].style) : StyledText("")
            }
        }
        // Each cell's width is measured once, for the layout and for its padding.
        let cells = [headers] + rows
        let cellWidths = Self.cellWidths(cells)
        let widths = fittedWidths(columns: columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        return cells.indices.dropFirst(table.showsHeader ? 0 : 1).map { row in
            line(for: cells[row], cellWidths: cellWidths[row], columns: columns, widths: widths)
        }
    }

    /// Each column's natural width (its widest cell or header, at least `table.minimumWidths`), before fitting.
    public static func naturalWidths(_ table: Table) -> [Int] {
        table.columns.indices.map { index in
            let cells = [table.columns[index].header] + table.rows.map { index < $0.count ? $0[index].text : "" }
            let widest = cells.map { TextWidth.displayWidth(cleaned($0)) }.max() ?? 0
            return max(widest, index < table.minimumWidths.count ? table.minimumWidths[index] : 0)
        }
    }

    /// True when fitting `table` to the width would cut a column marked `shrinksLast`.
    public func cutsShrinkLastColumn(_ table: Table) -> Bool {
        cutColumns(table).contains { table.columns[$0].shrinksLast }
    }

    /// The indices of the columns that fitting `table` to the width would cut.
    public func cutColumns(_ table: Table) -> [Int] {
        guard width != nil else { return [] }
        let cells = [table.columns.map { StyledText(Self.cleaned($0.header)) }]
            + table.rows.map { row in table.columns.indices.map { StyledText(Self.cleaned($0 < row.count ? row[$0].text : "")) } }
        let cellWidths = Self.cellWidths(cells)
        let natural = table.columns.indices.map { index in cellWidths.map { $0[index] }.max() ?? 0 }
        let fitted = fittedWidths(columns: table.columns, cellWidths: cellWidths, minimums: table.minimumWidths)
        return table.columns.indices.filter { fitted[$0] < natural[$0] }
    }

    /// True when the table, shrunk as `render` shrinks it, is no wider than `width`; always true without a width.
    public func fits(_ table: Table) -> Bool {
        guard let width else { return true }
        let columns = table.columns
        let cells = [columns.map { StyledText(Self.cleaned($0.header)) }] + table.rows.map { row in
            columns.indices.map { index in index < row.count ? StyledText(Self.cleaned(row[index].text)) : StyledText("") }
        }
        return fittedWidths(columns: columns, cellWidths: Self.cellWidths(cells), minimums: table.minimumWidths).reduce(0, +)
            + 2 * max(columns.count - 1, 0) <= width
    }

    // MARK: - Layout

    /// Natural widths, shrunk one column at a time (widest first, leftmost on ties) to fit.
    private func fittedWidths(columns: [Column], cellWidths: [[Int]], minimums: [Int] = []) -> [Int] {
        var widths = columns.indices.map { index in index < minimums.count ? minimums[index] : 0 }
        for row in cellWidths {
            for index in columns.indices where row[index] > widths[index] { widths[index] = row[index] }
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

    /// The display width of each cell, row by row.
    private static func cellWidths(_ cells: [[StyledText]]) -> [[Int]] {
        cells.map { row in row.map { TextWidth.displayWidth($0.text) } }
    }

    private func line(for cells: [StyledText], cellWidths: [Int], columns: [Column], widths: [Int]) -> String {
        // Built as bytes and made a string once: appending to a String per cell costs more than the layout.
        let space = UInt8(ascii: " ")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(widths.reduce(2 * columns.count, +))
        for (index, column) in columns.enumerated() {
            let fits = column.truncation == .never || cellWidths[index] <= widths[index]
            let shown = fits ? cells[index].text : Self.truncated(cells[index].text, to: widths[index], column.truncation)
            let padding = max(widths[index] - (fits ? cellWidths[index] : TextWidth.displayWidth(shown)), 0)
            if index > 0 { bytes.append(space); bytes.append(space) }
            if column.alignRight { bytes.append(contentsOf: repeatElement(space, count: padding)) }
            var text = painted(shown, cells[index].style)
            text.withUTF8 { bytes.append(contentsOf: $0) }
            if !column.alignRight { bytes.append(contentsOf: repeatElement(space, count: padding)) }
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
        let cells = [table.columns.map { StyledText(Self.cleaned($0.header)) }]
            + table.rows.map { row in table.columns.indices.map { StyledText(Self.cleaned($0 < row.count ? row[$0].text : "")) } }
        let cellWidths = Self.cellWidths(cells)
        let natural = table.columns.indices.map { index in cellWidths.map { $0[index] }.max() ?? 0 }
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

    private static func truncated(_ text: String, to width: Int, _ truncation: Column.Truncation) -> String {
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

    /// Cell text with tabs and line breaks as spaces, other controls shown as escapes (`VisibleText`),
    /// trailing whitespace dropped, and at most `VisibleText.valueLimit` characters when no width cuts it.
    private static func cleaned(_ text: String) -> String {
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
}
