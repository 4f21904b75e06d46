/// Secrets in a result's table cells, redacted before the table is laid out.
extension Redactor {
    /// `result` with every table cell redacted (`redact(_:)`), so its columns are measured on `<redacted>`, not on the
    /// secret: redacted after layout, a secret the server echoed into a cell (a number's name holding the API key) left
    /// its column as wide as the secret and the columns after it out of line, which told the secret's length (probe22
    /// P22-14). The personal-data masker does the same on the page (`PIIMasker.mask(_ result:)`). The rendered text is
    /// still redacted on its way to each sink.
    func redactingCells(_ result: CommandResult) -> CommandResult {
        guard result.blocks.contains(where: { if case .table = $0 { true } else { false } }) else { return result }
        var redacted = result
        redacted.blocks = result.blocks.map { block in
            guard case .table(var table) = block else { return block }
            let rows = table.rows.map { row in row.map { StyledText(redact($0.text), style: $0.style) } }
            if rows != table.rows { table.rows = rows }
            return .table(table)
        }
        return redacted
    }
}
