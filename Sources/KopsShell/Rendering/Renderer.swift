internal import KapsoClient

/// Turns a `CommandResult` into text for one output mode and terminal.
public struct Renderer: Sendable {
    public var mode: OutputMode
    public var table: TableRenderer

    public init(mode: OutputMode = .table, width: Int? = nil, color: Bool = false) {
        self.mode = mode
        self.table = TableRenderer(width: width, color: color)
    }

    /// Lines for standard output (data) and standard error (hints); JSON comes as one piece, line breaks included.
    public func render(_ result: CommandResult) -> (out: [String], err: [String]) {
        if mode == .json, let text = result.jsonText {
            return ([VisibleText.escaped(text, newlines: .kept)], [])
        }
        if mode == .json, let json = result.json {
            // One piece, line breaks and all: the serializer escapes the strings' own, so the text is not re-split.
            return ([VisibleText.escaped(json.serialized(pretty: true), newlines: .kept)], [])
        }
        var out: [String] = []
        var err: [String] = []
        for block in result.blocks {
            switch block {
            case .line(let text): out += wrapped(visible(text))
            case .table(let table): out += expands(table) ? expanded(table) : self.table.render(table)
            case .fields(let fields): out += render(fields)
            case .hint(let text): err += wrapped(visible(StyledText(text, style: .dim)))
            }
        }
        return (out, err)
    }

    /// Prose fitted to the terminal (word boundaries, hanging indent), each piece styled.
    private func wrapped(_ text: StyledText) -> [String] {
        guard let width = table.width else { return [styled(text)] }
        return ProseWrap.lines(text.text, width: width).map { styled(StyledText($0, style: text.style)) }
    }

    /// True in expanded mode; in auto mode when the table's natural width exceeds the terminal's; in table mode
    /// on a terminal when the table would still be wider than the terminal after shrinking (psql's `\x auto`),
    /// or would cut the column it marks as most useful (`shrinksLast`), so no table is wider than the terminal.
    private func expands(_ table: Table) -> Bool {
        switch mode {
        case .expanded: return true
        case .table:
            guard self.table.width != nil, !table.rows.isEmpty else { return false }
            return !self.table.fits(table) || (table.expandsWhenTooWide && self.table.cutsShrinkLastColumn(table))
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

    /// Each row as a `-[ RECORD n ]-` header and `COLUMN: value` lines.
    private func expanded(_ table: Table) -> [String] {
        table.rows.enumerated().flatMap { index, row -> [String] in
            let fields = table.columns.enumerated().compactMap { column, spec -> Field? in
                guard !spec.header.isEmpty, column < row.count else { return nil }
                return Field(spec.header, row[column].text, style: row[column].style)
            }
            return ["-[ RECORD \(table.firstRecordNumber + index) ]-"] + render(fields)
        }
    }

    private func render(_ fields: [Field]) -> [String] {
        let width = fields.map { TextWidth.displayWidth(VisibleText.escaped($0.label)) }.max() ?? 0
        return fields.flatMap { field -> [String] in
            let padding = String(repeating: " ", count: width - TextWidth.displayWidth(VisibleText.escaped(field.label)))
            let label = VisibleText.escaped(field.label) + ":" + padding + " "
            let value = visible(field.value)
            guard let terminal = table.width else {
                let line = label + styled(value)
                return [line.hasSuffix(" ") ? String(line.dropLast()) : line]
            }
            // Long values wrap under the value column, never under the labels.
            let pieces = ProseWrap.lines(label + value.text, width: terminal)
            return pieces.enumerated().map { index, piece in
                let text = index == 0 ? String(piece.dropFirst(label.count)) : String(piece.drop { $0 == " " })
                let prefix = index == 0 ? label : String(repeating: " ", count: label.count)
                let line = prefix + styled(StyledText(text, style: value.style))
                return line.hasSuffix(" ") ? String(line.dropLast()) : line
            }
        }
    }

    /// Text with its control characters shown as escapes: every block's text may come from the server.
    private func visible(_ text: StyledText) -> StyledText {
        StyledText(VisibleText.escaped(text.text), style: text.style)
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
