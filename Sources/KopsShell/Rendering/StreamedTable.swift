/// The layout a table printed in parts keeps from part to part (each poll of a `--follow`): one header, records numbered
/// on, each column at least as wide as in the parts before, as `ListStream` keeps a streamed list's pages (tester63 AN16:
/// `deliveries --follow` printed a new header and new widths at every poll).
struct StreamedTable {
    /// Rows printed so far.
    private var printed = 0
    /// The widths the parts so far were shown at (display columns, by index).
    private var widths: [Int] = []

    /// `table` laid out as the next part: headed only when it is the first, its cells redacted by `redactor` and measured
    /// (the widths carry on, `Redactor.measureRedacted`).
    mutating func next(_ table: Table, redactor: Redactor) -> Table {
        var table = table
        table.showsHeader = printed == 0
        table.firstRecordNumber = printed + 1
        table.minimumWidths = widths
        widths = redactor.measureRedacted(&table)
        printed += table.rows.count
        return table
    }
}
