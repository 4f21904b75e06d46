internal import KapsoClient

/// Turns a `CommandResult` into text for one output mode and terminal.
public struct Renderer: Sendable {
    public var mode: OutputMode
    public var table: TableRenderer
    /// Columns hints (standard error) wrap at, nil for none: standard error's terminal, which need not be standard
    /// output's (`kops -c … > out.txt` shows its hints on the terminal; `2> err.log` keeps them one line each).
    public var errorWidth: Int?

    public init(mode: OutputMode = .table, width: Int? = nil, color: Bool = false) {
        self.mode = mode
        self.table = TableRenderer(width: width, color: color)
        self.errorWidth = width
    }

    /// Lines for standard output (data) and standard error (hints); JSON comes as one piece, line breaks included.
    ///
    /// In JSON mode standard output carries JSON only: a result without JSON (a note such as `listen`'s lines, `help`'s
    /// text, a summary) goes to standard error whole, so `kops --output json … | jq` never meets a line of prose
    /// (probe20 P20-11).
    public func render(_ result: CommandResult) -> (out: [String], err: [String]) {
        if let json = jsonPiece(result) { return ([json], []) }
        var out: [String] = []
        var err: [String] = []
        for block in result.blocks { render(block, out: &out, err: &err) }
        if mode == .json { return ([], out + err) }
        return (out, err)
    }

    /// `render(result)`'s lines for each stream, each followed by a line feed, in one string each: what the shell
    /// writes. A table shown as a table is written as one text (`TableRenderer.text`), not a `String` a line.
    public func text(_ result: CommandResult) -> (out: String, err: String) {
        var shown = TableRenderer.ShownCells()
        return text(result, cellsShown: &shown)
    }

    /// `text(result)`, with `shown.asTheyAre` set false unless every table cell of it is in `out` as its bytes are, with
    /// a space, a line feed or the text's edge on either side, or is spaces only and in `shown.blanks`
    /// (`TableRenderer.text(_:cellsShown:)`): a table laid out in table mode without a width (no column dropped, moved
    /// below or expanded).
    func text(_ result: CommandResult, cellsShown shown: inout TableRenderer.ShownCells) -> (out: String, err: String) {
        if mode != .table || self.table.width != nil { shown.asTheyAre = false }
        if let json = jsonPiece(result) { return (json + "\n", "") }
        // As `render(_:)`: no JSON, nothing on standard output in JSON mode.
        if mode == .json {
            let (out, err) = render(result)
            return ("", Self.joined(out + err))
        }
        var out = ""
        var err: [String] = []
        for block in result.blocks {
            if case .table(let table) = block {
                // As `render(_:out:err:)` lays it out.
                let table = withoutNarrowColumns(withoutTerminalColumns(table))
                if let lines = detailBelow(table) {
                    out += Self.joined(lines)
                } else {
                    out += expands(table) ? Self.joined(expanded(table)) : self.table.text(table, cellsShown: &shown)
                }
                continue
            }
            var lines: [String] = []
            render(block, out: &lines, err: &err)
            out += Self.joined(lines)
        }
        return (out, Self.joined(err))
    }

    /// Each line followed by a line feed.
    static func joined(_ lines: [String]) -> String {
        // The bytes copied into one string of the right size: `joined(separator:)` is not specialized here (about 5,000
        // instructions), and appending line by line cost about 400 a line (docs/performance.md, "Session 53").
        let count = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            for var line in lines {
                line.withUTF8 { bytes in
                    if let source = bytes.baseAddress, let target = buffer.baseAddress {
                        (target + position).update(from: source, count: bytes.count)
                    }
                    position += bytes.count
                }
                buffer[position] = 0x0A
                position += 1
            }
            return position
        }
    }

    /// In JSON mode, the result's JSON as one piece (line breaks included, controls escaped); nil for the blocks.
    private func jsonPiece(_ result: CommandResult) -> String? {
        guard mode == .json else { return nil }
        if let text = result.jsonText { return VisibleText.escaped(text, newlines: .kept) }
        // One piece, line breaks and all: the serializer escapes the strings' own, so the text is not re-split.
        if let json = result.json { return VisibleText.escaped(json.serialized(pretty: true), newlines: .kept) }
        return nil
    }

    private func render(_ block: Block, out: inout [String], err: inout [String]) {
        switch block {
        case .line(let text): out += wrapped(visible(text), width: table.width)
        case .table(let table):
            let table = withoutNarrowColumns(withoutTerminalColumns(table))
            if let lines = detailBelow(table) {
                out += lines
            } else {
                out += expands(table) ? expanded(table) : self.table.render(table)
            }
        case .fields(let fields): render(fields, into: &out)
        case .hint(let text): err += wrapped(visible(StyledText(text, style: .dim)), width: errorWidth)
        case .data(let text): out.append(VisibleText.escaped(text))
        case .command(let text): out.append(styled(visible(StyledText(text))))
        case .fix(let fix): for block in FixLayout.blocks(fix, width: table.width) { render(block, out: &out, err: &err) }
        case .help(let text): out += HelpText.lines(text, width: table.width ?? HelpText.defaultWidth)
        }
    }

    /// Prose fitted to the terminal (word boundaries, hanging indent), each piece styled.
    private func wrapped(_ text: StyledText, width: Int?) -> [String] {
        guard let width else { return [styled(text)] }
        return ProseWrap.lines(text.text, width: width).map { styled(StyledText($0, style: text.style)) }
    }

    /// True in expanded mode; in auto mode when the table's natural width exceeds the terminal's; in table mode
    /// on a terminal when the table would still be wider than the terminal after shrinking (psql's `\x auto`),
    /// or would cut the column it marks as most useful (`shrinksLast`), so no table is wider than the terminal.
    func expands(_ table: Table) -> Bool {
        switch mode {
        case .expanded: return true
        case .table:
            guard self.table.width != nil, !table.rows.isEmpty else { return false }
            return !self.table.fits(table) || (table.detailBelowWhenTooWide && self.table.cutsShrinkLastColumn(table))
        case .auto:
            guard let width = self.table.width else { return false }
            let natural = table.columns.indices.map { column in
                ([table.columns[column].header] + table.rows.map { column < $0.count ? $0[column].text : "" })
                    .map { TextWidth.displayWidth($0) }.max() ?? 0
            }
            return natural.reduce(0, +) + 2 * max(0, natural.count - 1) > width
        default: return false
        }
    }

    /// In table mode on a terminal, a `detailBelowWhenTooWide` table that cannot show every cell whole: the
    /// last column's text wrapped under each row; while the rest does not fit or an id column (cut in the
    /// middle) would still be cut,
    /// `dropsWhenNarrow` columns are left out, then cut `movesBelowWhenNarrow` columns go under the row too, in
    /// column order. `nil` when the table is shown as usual, or when even this cannot fit (then it is expanded).
    private func detailBelow(_ table: Table) -> [String]? { detailBelowLayout(table)?.lines }

    /// How `table` is laid out at this width when it has a `belowWhenNarrowerThan` column: whether that column goes
    /// under its rows for room; nil for other tables, other modes and without a width.
    public func listLayout(of table: Table) -> ListLayout? {
        guard mode == .table, let width = self.table.width, table.columns.contains(where: { $0.belowWhenNarrowerThan != nil })
        else { return nil }
        return ListLayout(width: width, belowForRoom: detailBelowLayout(withoutNarrowColumns(table))?.forRoom ?? false)
    }

    /// `detailBelow`'s lines, and whether a `belowWhenNarrowerThan` column went under the rows for room. A table that
    /// keeps a layout (`Table.keptLayout`, at this width) moves that column under its rows, or keeps it in the row,
    /// as the layout says, whatever this page's cells would decide.
    private func detailBelowLayout(_ table: Table) -> (lines: [String], forRoom: Bool)? {
        guard mode == .table, table.detailBelowWhenTooWide, let width = self.table.width, table.columns.count > 1,
            !table.rows.isEmpty, !self.table.cutColumns(table).isEmpty
        else { return nil }
        let keptBelow = table.keptLayout.flatMap { $0.width == width ? $0.belowForRoom : nil }
        var below: Set<Int> = [table.columns.count - 1]
        if keptBelow == true {
            below.formUnion(table.columns.indices.filter { table.columns[$0].belowWhenNarrowerThan != nil })
        }
        var dropped: Set<Int> = []
        var kept: [Int] { table.columns.indices.filter { !below.contains($0) && !dropped.contains($0) } }
        func main() -> Table {
            let columns = kept
            var main = table
            main.detailBelowWhenTooWide = false
            main.columns = columns.map { table.columns[$0] }
            main.rows = table.rows.map { row in columns.map { $0 < row.count ? row[$0] : StyledText("") } }
            main.minimumWidths = columns.map { $0 < table.minimumWidths.count ? table.minimumWidths[$0] : 0 }
            return main
        }
        while true {
            let cut = self.table.cutColumns(main()).map { kept[$0] }
            // A column cut narrower than it reads well in goes under the row on a line of its own.
            let squeezed = keptBelow == nil ? self.table.squeezedColumns(main()).map { kept[$0] } : []
            let needsRoom = !self.table.fits(main())
                || cut.contains { table.columns[$0].truncation == .middle || table.columns[$0].movesBelowWhenNarrow } || !squeezed.isEmpty
            guard needsRoom else { break }
            if let drop = kept.first(where: { table.columns[$0].dropsWhenNarrow }) {
                dropped.insert(drop)
            } else if let move = cut.first(where: { table.columns[$0].movesBelowWhenNarrow }) ?? squeezed.first {
                below.insert(move)
            } else {
                break
            }
        }
        let shown = main()
        guard self.table.fits(shown) else { return nil }
        let lines = self.table.render(shown)
        // Under the second column, or near the margin when a word below (a WAMID) would not fit there.
        let longestWord = table.rows.flatMap { row in below.map { $0 < row.count ? row[$0].text : "" } }
            .flatMap { $0.split(separator: " ") }.map { TextWidth.displayWidth($0) }.max() ?? 0
        var indent = (TableRenderer.naturalWidths(shown).first ?? 0) + 2
        // A column moved below for room (`belowWhenNarrowerThan`) gets the line from the margin.
        let forRoom = below.contains { table.columns[$0].belowWhenNarrowerThan != nil }
        if indent >= width / 2 || longestWord > width - indent || forRoom { indent = 2 }
        let pad = String(repeating: " ", count: indent)
        var out = shown.showsHeader ? [lines[0]] : []
        for (index, line) in lines.dropFirst(shown.showsHeader ? 1 : 0).enumerated() {
            out.append(line)
            for column in below.sorted() where column < table.rows[index].count {
                let detail = visible(table.rows[index][column])
                guard !detail.text.isEmpty else { continue }
                if table.columns[column].belowWhenNarrowerThan != nil {
                    out.append(pad + styled(StyledText(TableRenderer.oneLine(detail.text, width: width - indent), style: detail.style)))
                    continue
                }
                out += ProseWrap.lines(detail.text, width: width - indent).map { pad + styled(StyledText($0, style: detail.style)) }
            }
        }
        return (out, forRoom)
    }

    /// In table mode on a terminal, a table without detail below rows that would cut a column: its `dropsWhenNarrow`
    /// columns left out, in column order, until nothing is cut or none is left (`numbers` leaves WABA out at 80
    /// columns, and names the WABA ids whole in its hints). Tables with `detailBelowWhenTooWide` drop in `detailBelow`.
    /// `table` without its `terminalOnly` columns when laid out without a width (a pipe, a transcript).
    private func withoutTerminalColumns(_ table: Table) -> Table {
        guard self.table.width == nil, table.columns.contains(where: \.terminalOnly) else { return table }
        var table = table
        let kept = table.columns.indices.filter { !table.columns[$0].terminalOnly }
        table.columns = kept.map { table.columns[$0] }
        table.rows = table.rows.map { row in kept.filter { $0 < row.count }.map { row[$0] } }
        table.minimumWidths = kept.filter { $0 < table.minimumWidths.count }.map { table.minimumWidths[$0] }
        return table
    }

    private func withoutNarrowColumns(_ table: Table) -> Table {
        guard mode == .table, self.table.width != nil, !table.detailBelowWhenTooWide,
            table.columns.contains(where: \.dropsWhenNarrow)
        else { return table }
        var table = table
        while !self.table.cutColumns(table).isEmpty || !self.table.fits(table),
            let drop = table.columns.firstIndex(where: \.dropsWhenNarrow)
        {
            table.columns.remove(at: drop)
            table.rows = table.rows.map { row in drop < row.count ? row.enumerated().filter { $0.offset != drop }.map(\.element) : row }
            if drop < table.minimumWidths.count { table.minimumWidths.remove(at: drop) }
        }
        return table
    }

    /// Each row as a `-[ RECORD n ]-` header and `COLUMN: value` lines.
    private func expanded(_ table: Table) -> [String] {
        table.rows.enumerated().flatMap { index, row -> [String] in
            let fields = table.columns.enumerated().compactMap { column, spec -> Field? in
                guard !spec.header.isEmpty, column < row.count else { return nil }
                return Field(spec.header, row[column].text, style: row[column].style)
            }
            var lines = ["-[ RECORD \(table.firstRecordNumber + index) ]-"]
            render(fields, into: &lines)
            return lines
        }
    }

    /// `fields`' lines appended to `out`, under labels as wide as the widest (escaped). A label of printable ASCII is
    /// escaped as it is and one column a byte: its width is its byte count, read without a copy; and a field that takes
    /// `plainLine` (most) is appended as its line, with no array of one line a field to join (about 12,000 instructions a
    /// `webhooks get`, docs/performance.md, "Session 61").
    private func render(_ fields: [Field], into out: inout [String]) {
        var width = 0
        for field in fields {
            let label = field.label
            width = max(width, TextWidth.isPrintableASCII(label) ? label.utf8.count : TextWidth.displayWidth(VisibleText.escaped(label)))
        }
        out.reserveCapacity(out.count + fields.count)
        for field in fields {
            if let line = plainLine(field, labelWidth: width) {
                out.append(line)
            } else {
                out += lines(field, labelWidth: width)
            }
        }
    }

    /// `field`'s lines under labels `width` columns wide (the widest label's, escaped).
    func lines(_ field: Field, labelWidth width: Int) -> [String] {
        let padding = String(repeating: " ", count: width - TextWidth.displayWidth(VisibleText.escaped(field.label)))
        let label = VisibleText.escaped(field.label) + ":" + padding + " "
        // A multi-line value's own line breaks (a body) start new lines under the value column, never at the left
        // edge; any other value's are escapes, as every other control is (`Field.multiLine`).
        let capped = VisibleText.capped(field.value.text, limit: VisibleText.valueLimit)
        let lines = field.multiLine ? VisibleText.lines(capped) : [VisibleText.escaped(capped)]
        let labelWidth = TextWidth.displayWidth(label)
        // Long values wrap under the value column, never under the labels, within the terminal's width.
        let pieces = table.width.map { terminal in
            lines.flatMap { ProseWrap.lines($0, width: max(terminal - labelWidth, 10)).map { String($0.drop { $0 == " " }) } }
        } ?? lines
        return pieces.enumerated().map { index, piece in
            // A blank line inside the value is an empty line, not a run of spaces.
            if index > 0 && piece.isEmpty { return "" }
            let prefix = index == 0 ? label : String(repeating: " ", count: labelWidth)
            let line = prefix + styled(StyledText(piece, style: field.value.style))
            return line.hasSuffix(" ") ? String(line.dropLast()) : line
        }
    }

    /// `lines(field, labelWidth: width)`'s one line when nothing in the field needs their work, else nil: no terminal
    /// to wrap at (`table.width` nil), a label and a value of printable ASCII (escaped and measured as they are, one
    /// column a byte, no line break) and a value not cut (`VisibleText.valueLimit`). The line's trailing space goes,
    /// as there. About a fifth of their instructions (`webhooks get`'s ten fields; docs/performance.md, "Session 36
    /// (replay)"); `FieldLinesTests` compares the two.
    func plainLine(_ field: Field, labelWidth width: Int) -> String? {
        let value = field.value.text
        guard table.width == nil, value.utf8.count <= VisibleText.valueLimit, TextWidth.isPrintableASCII(field.label),
            TextWidth.isPrintableASCII(value) || Self.showsAsItIs(value)
        else { return nil }
        var label = field.label
        if table.color, ansiCode(field.value.style) != nil {
            var line = label
            line += ":"
            for _ in 0..<max(0, width - label.utf8.count) { line += " " }
            line += " "
            line += styled(field.value)
            if line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line
        }
        // Uncoloured (most lines): the bytes copied into one string, not appended piece by piece (about 2,400
        // instructions a line before; docs/performance.md, "Session 50").
        var text = value
        let padding = max(0, width - label.utf8.count)
        let count = label.utf8.count + padding + 2 + text.utf8.count
        return label.withUTF8 { labelBytes in
            text.withUTF8 { valueBytes in
                String(unsafeUninitializedCapacity: count) { line in
                    var end = labelBytes.count
                    if let base = labelBytes.baseAddress { line.baseAddress!.initialize(from: base, count: end) }
                    line[end] = UInt8(ascii: ":")
                    (line.baseAddress! + end + 1).initialize(repeating: UInt8(ascii: " "), count: padding + 1)
                    end += padding + 2
                    if let base = valueBytes.baseAddress { (line.baseAddress! + end).initialize(from: base, count: valueBytes.count) }
                    end += valueBytes.count
                    return line[end - 1] == UInt8(ascii: " ") ? end - 1 : end
                }
            }
        }
    }

    /// True for text with no control byte and no scalar `VisibleText.needsEscape` names, not ending in a space: `escaped`
    /// and `lines` leave it as it is, one line, and no trailing space is dropped (past ASCII a space can end a longer
    /// `Character`, which `lines`' test would not drop). A value past ASCII (`whsec_…23`, `café`) then takes `plainLine`
    /// too, as its width is not read without a terminal (about 5,000 instructions of `lines`' a field; docs/performance.md,
    /// "Session 60").
    static func showsAsItIs(_ text: String) -> Bool {
        var text = text
        let bytesPass = text.withUTF8 { bytes in bytes.last != 0x20 && !bytes.contains { $0 < 0x20 || $0 == 0x7F } }
        return bytesPass && !text.unicodeScalars.contains { $0.value >= 0x80 && VisibleText.needsEscape($0) }
    }

    /// Text with its control characters shown as escapes: every block's text may come from the server.
    private func visible(_ text: StyledText) -> StyledText {
        StyledText(VisibleText.escaped(VisibleText.capped(text.text, limit: VisibleText.lineLimit)), style: text.style)
    }

    /// Text with ANSI colour when colour is on.
    public func styled(_ text: StyledText) -> String {
        guard table.color, let code = ansiCode(text.style) else { return text.text }
        return "\u{1B}[\(code)m\(text.text)\u{1B}[0m"
    }
}

private func ansiCode(_ style: Style) -> String? {
    switch style {
    case .plain: nil
    case .good: "32"
    case .bad: "31"
    case .warn: "33"
    case .dim: "2"
    case .bold: "1"
    }
}
