/// The NUMBER column of a list whose rows come from several of the project's numbers (P45-10: without `use`,
/// `messages`, `conversations` and `deliveries` listed both numbers' rows with nothing saying whose each was).
///
/// Added only when no number is selected and the page's rows name more than one phone-number id, so a list of one
/// number (`use`, `--number`, a project with one number) is unchanged. A cell is the id's last four digits as the
/// prompt shows a selected number (`…0501`), `-` for a row that names none.
enum NumberColumn {
    static let header = "NUMBER"

    /// `table` with the column inserted after column `after` (0: after the first), when the rule above holds.
    static func adding(to table: Table, numbers: [String?], in context: ShellContext, after index: Int = 0) -> Table {
        guard context.session.phoneNumberID == nil, numbers.count == table.rows.count,
            Set(numbers.compactMap { $0 }).count > 1
        else { return table }
        var table = table
        table.columns.insert(Column(header, truncation: .never), at: index + 1)
        table.rows = zip(table.rows, numbers).map { row, number in
            var row = row
            row.insert(StyledText(number.map(short) ?? "-"), at: index + 1)
            return row
        }
        return table
    }

    /// `…0501` for `100200300400501`: the last four characters, as the prompt names a selected number.
    static func short(_ id: String) -> String {
        id.count > 6 ? "…" + id.suffix(4) : id
    }
}
