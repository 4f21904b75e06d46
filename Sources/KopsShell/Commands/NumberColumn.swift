internal import KapsoDiagnostics

/// The NUMBER column of a list whose rows come from several of the project's numbers (P45-10: without `use`,
/// `messages`, `conversations` and `deliveries` listed both numbers' rows with nothing saying whose each was).
///
/// Added only when no number is selected and the page's rows name more than one phone-number id, so a list of one
/// number (`use`, `--number`, a project with one number) is unchanged; for a list of the whole project also when a row
/// names a number other than the selected one (`wholeProject`). A cell is the id's last four digits as the
/// prompt shows a selected number (`…0501`), `-` for a row that names none.
enum NumberColumn {
    static let header = "NUMBER"

    /// `table` with the column inserted after column `after` (0: after the first), when the rule above holds.
    /// `wholeProject`: a list the API does not narrow to the selected number (`deliveries`: Kapso's delivery log has no
    /// number filter), which gets the column with a number selected too when a row names another number
    /// (tester47 F5: Support Line's failed deliveries read as Sales Line's under `use` of Sales Line).
    static func adding(
        to table: Table, numbers: [String?], in context: ShellContext, after index: Int = 0, wholeProject: Bool = false
    ) -> Table {
        let named = Set(numbers.compactMap { $0 })
        let selected = context.session.phoneNumberID
        let spans = selected == nil ? named.count > 1 : wholeProject && !named.subtracting([selected!]).isEmpty
        guard spans, numbers.count == table.rows.count else { return table }
        var table = table
        var column = Column(header, truncation: .never)
        // Beside a selected number it is left out on a narrow terminal, where the rows keep their one-line layout (the
        // line under the list counts the other numbers' rows; --output expanded shows the column).
        column.dropsWhenNarrow = selected != nil
        table.columns.insert(column, at: index + 1)
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

extension NumberColumn {
    /// The line under `deliveries` (the whole project's rows) when a number is selected and `numbers` (each row's
    /// `phone_number_id`) name others (`DeliveryScope.others`); nil when every row is the selected number's or none is
    /// selected.
    static func otherDeliveriesNote(_ numbers: [String?], in context: ShellContext) -> String? {
        guard let selected = context.session.phoneNumberID else { return nil }
        let others = DeliveryScope.others(numbers, selected: selected)
        guard others > 0 else { return nil }
        let whose = others == numbers.count
            ? "none of these \(numbers.count) deliveries is \(short(selected))'s"
            : "\(others) of these \(numbers.count) deliveries are other numbers'"
        return whose + " (NUMBER; --output expanded on a narrow terminal): \(DeliveryScope.noNumberFilter), so deliveries "
            + "are the whole project's; 'webhooks' lists \(short(selected))'s webhooks, 'deliveries --webhook ID' one webhook's"
    }
}
