internal import KapsoDiagnostics

/// The rows of grouped triage (`errors`, `logs --errors`): one per cause, largest first.
enum FailureGroupsTable {
    static func table(_ groups: [FailureGroups.Group]) -> Table {
        let rows = groups.map { group -> [StyledText] in
            [
                StyledText(String(group.count)), StyledText(group.source.rawValue), StyledText(group.who),
                StyledText(group.what), StyledText(group.error, style: .bad), StyledText(TimeText.short(group.firstSeen)),
                StyledText(TimeText.short(group.lastSeen)), StyledText(group.meaning),
            ]
        }
        var table = Table(
            columns: [
                Column("COUNT", truncation: .never, alignRight: true), Column("SOURCE", truncation: .never), Column("WHO"),
                Column("WHAT", truncation: .middle), Column("ERROR"), Column("FIRST", truncation: .never),
                Column("LAST", truncation: .never), Column("MEANING / NEXT"),
            ], rows: rows)
        // A cut meaning is the bug this view exists to fix: on a terminal too narrow for it, the meaning goes
        // under its row; FIRST gives way before the path with its id is cut, and then the path goes under too.
        table.columns[table.columns.count - 1].shrinksLast = true
        table.columns[5].dropsWhenNarrow = true
        table.columns[3].movesBelowWhenNarrow = true
        table.detailBelowWhenTooWide = true
        return table
    }

    /// `4 causes of 120 failures in the last 30d; 'errors --flat' lists each failure`.
    static func hint(_ groups: FailureGroups, shown: Int, truncated: Bool, period: String, flat: String) -> String {
        let total = "\(groups.total)\(truncated ? "+" : "")"
        let causes = shown == groups.groups.count ? "\(shown)" : "top \(shown) of \(groups.groups.count)"
        let noun = groups.groups.count == 1 ? "cause" : "causes"
        let failures = groups.total == 1 && !truncated ? "failure" : "failures"
        return "\(causes) \(noun) of \(total) \(failures) in the last \(period); '\(flat)' lists each failure"
    }
}
