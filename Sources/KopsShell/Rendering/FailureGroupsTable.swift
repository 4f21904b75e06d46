internal import KapsoDiagnostics

/// The rows of grouped triage (`errors`, `logs --errors`): one per cause, largest first.
enum FailureGroupsTable {
    static func table(_ groups: [FailureGroups.Group]) -> Table {
        let rows = groups.map { group -> [StyledText] in
            [
                StyledText(String(group.count) + (group.isLowerBound ? "+" : "")), StyledText(group.source.rawValue), StyledText(group.who),
                StyledText(group.what), StyledText(group.error, style: group.isReceived ? .warn : .bad),
                StyledText((group.isLowerBound ? "≤ " : "") + TimeText.short(group.firstSeen)),
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
        // under its row; FIRST gives way before the path with its id is cut, and then the path goes under too, then
        // the error (`HTTP 500 after 4 attempts`, a message's code and Meta's title) rather than being cut to
        // `HTTP 500 after 4 at…` at 80 columns.
        table.columns[table.columns.count - 1].shrinksLast = true
        table.columns[5].dropsWhenNarrow = true
        table.columns[3].movesBelowWhenNarrow = true
        table.columns[4].movesBelowWhenNarrow = true
        table.detailBelowWhenTooWide = true
        return table
    }

    /// `1 send refused at once counted once, as the failed message (not again as its API call)`; nil for none.
    static func joinedNote(_ joined: Int, verb: String) -> String? {
        guard joined > 0 else { return nil }
        return "\(joined == 1 ? "1 send" : "\(joined) sends") refused at once \(verb) once, as the failed message (not again as its API call)"
    }

    /// `4 causes of 120 failures in the last 30d; 'errors --flat' lists each failure`, then what the counts
    /// are: lower bounds for a source cut at `FailureFetch.maxPages`, a send counted once, the scope. With `all` (the
    /// command as typed but `--limit`), causes left out say how to see them (`next` does not page them, P15-11).
    static func hint(
        _ groups: FailureGroups, shown: Int, truncated: Bool, period: String, flat: String, scope: String? = nil, all: String? = nil
    ) -> String {
        let count = groups.failures
        let total = "\(count)\(truncated ? "+" : "")"
        let causes = shown == groups.groups.count ? "\(shown)" : "top \(shown) of \(groups.groups.count)"
        let noun = groups.groups.count == 1 ? "cause" : "causes"
        let failures = count == 1 && !truncated ? "failure" : "failures"
        // Failures WhatsApp also reported delivered or read: counted, and said to be uncertain, as 'overview' says (P42-6).
        let uncertain = groups.uncertain == 0 ? ""
            : " (\(groups.uncertain) of them also reported delivered or read, so not certain)"
        // Failed sends the contact quoted or reacted to: counted, and said to have reached them, as 'overview' says (tester49 F5).
        let seen = groups.reachedContact == 0 ? ""
            : " (\(groups.reachedContact) of them quoted or reacted to by the contact afterwards, so "
                + (groups.reachedContact == 1 ? "it" : "they") + " reached them)"
        // Failures Kapso's status and Meta's history disagree on: counted, and said to be uncertain, as their rows say (T8).
        let disputed = groups.disputed == 0 ? ""
            : " (\(groups.disputed) of them with Kapso's status and Meta's history disagreeing, so not certain)"
        var text = "\(causes) \(noun) of \(total) \(failures)\(uncertain)\(disputed)\(seen)\(warningsNote(groups.warnings, received: groups.received)) in the last \(period)"
        // --limit takes 1-100.
        if let all, shown < groups.groups.count, groups.groups.count <= 100 {
            text += " ('\(all) --limit \(groups.groups.count)' shows all \(groups.groups.count))"
        }
        text += "; '\(flat)' lists each failure"
        if groups.groups.contains(where: \.isLowerBound) {
            let rows = FailureFetch.maxPages * 100
            text += "; a count marked + is at least that many (only the newest \(rows) failures of its source were read; "
                + "FIRST '≤' is the oldest read)"
        }
        if let joined = joinedNote(groups.joined, verb: "counted") { text += "; " + joined }
        if let scope { text += "; " + scope }
        return text
    }

    /// ` and 1 warning` (message statuses that carry an error without failing, StatusWord), ` and 5 received messages with
    /// errors` (both: `, 1 warning and 5 received messages with errors`) (what the contact sent that WhatsApp did not pass on, 131051: no failure of a send, P21-13); empty for none.
    static func warningsNote(_ count: Int, received: Int = 0) -> String {
        var notes: [String] = []
        if count > 0 { notes.append("\(count) \(count == 1 ? "warning" : "warnings")") }
        if received > 0 { notes.append("\(received) received \(received == 1 ? "message" : "messages") with errors") }
        guard notes.count == 2 else { return notes.map { " and " + $0 }.joined() }
        return ", \(notes[0]) and \(notes[1])"
    }
}
