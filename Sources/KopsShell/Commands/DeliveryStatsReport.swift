internal import KapsoClient
internal import KapsoDiagnostics

/// `deliveries stats`: counts by status, HTTP status class and event, and failure rate per webhook.
///
/// Reads every page of the period (counting as it goes, holding one page); bars on a terminal, numbers otherwise (the
/// renderer leaves the bars' `terminalOnly` column out of pipes and transcripts).
enum DeliveryStatsReport {
    static func run(filters: [(String, String)], in context: ShellContext) throws -> CommandResult {
        var stats = DeliveryStats()
        let selected = context.session.phoneNumberID
        var others = 0
        try CursorPages.forEach({ try context.client.webhookDeliveries(filters + [("limit", "100")] + $0) }) {
            // The API's clock from the page's own answer (tester64b U7).
            if stats.now == nil { stats.now = context.client.serverTime }
            for delivery in $0 { stats.add(delivery) }
            others += DeliveryScope.others($0.map(\.phoneNumberID), selected: selected)
        }
        let period = filters.first { $0.0 == "period" }?.1 ?? "24h"
        guard stats.total > 0 else {
            // An id filter no delivery matched (`--webhook` typo'd or another project's) is named, as the list names it,
            // not "no deliveries" with status 0 (tester53 T11).
            try context.verifyIDFilters(filters)
            return CommandResult(blocks: [.line(StyledText("no deliveries in the last \(period)"))], json: stats.json)
        }
        var blocks: [Block] = [.line(StyledText("\(stats.total) deliveries in the last \(period)", style: .bold))]
        if let ahead = stats.aheadNote(period: period) { blocks.append(.hint(ahead)) }
        // Kapso's delivery log has no number filter: counts under `use` are the whole project's (tester47 F5).
        if let selected, others > 0 {
            blocks.append(.hint(
                "the whole project's deliveries: \(others) of them went to other numbers' webhooks, not \(NumberColumn.short(selected))'s "
                    + "(\(DeliveryScope.noNumberFilter); 'deliveries --webhook ID' counts one webhook's)"))
        }
        for (title, counts) in [("STATUS", stats.byStatus), ("HTTP", stats.byHTTPClass), ("EVENT", stats.byEvent)] {
            blocks.append(.line(StyledText("")))
            blocks.append(.table(countTable(title, counts)))
        }
        blocks.append(.line(StyledText("")))
        let webhooks = stats.byWebhook.sorted {
            $0.value.failureRate != $1.value.failureRate ? $0.value.failureRate > $1.value.failureRate : $0.key < $1.key
        }
        // RETRIED only when a delivery needed one: delivered, but not at the first attempt (tester49 F3).
        let retried = stats.retried > 0
        let rows = webhooks.map { id, count -> [StyledText] in
            var row = [
                // A plain-http receiver keeps its scheme, so it does not read like the https ones (tester62 AL12).
                StyledText(id), StyledText(WebhookURL.short(count.url)),
                StyledText(String(count.total)),
                StyledText(String(count.failed)), StyledText(String(count.failing), style: count.failing > 0 ? .warn : .plain),
            ]
            if retried { row.append(StyledText(String(count.retried), style: count.retried > 0 ? .warn : .plain)) }
            // Never "0 %" beside a failure: 1 of 201 is under 1 %, not none; nor beside deliveries of unknown outcome
            // only, which are no clean rate (tester62 AL20).
            row.append(
                count.judged == 0
                    ? StyledText("-", style: .warn)
                    : StyledText(
                        Percent.shown(count.failed + count.failing, of: count.judged),
                        style: count.failureRate >= 50 ? .bad : count.hasFailures ? .warn : .good))
            return row
        }
        var columns = [
            Column("WEBHOOK", truncation: .middle), Column("URL", truncation: .middle),
            Column("TOTAL", truncation: .never, alignRight: true),
            Column("FAILED", truncation: .never, alignRight: true),
            // Named for what it counts (tester62 AL12: "FAILING" read 0 beside 100 % with no word of what it was).
            Column(Self.pendingAfterFailure, truncation: .never, alignRight: true),
        ]
        if retried { columns.append(Column("RETRIED", truncation: .never, alignRight: true)) }
        columns.append(Column("FAILURE RATE", truncation: .never, alignRight: true))
        blocks.append(.table(Table(columns: columns, rows: rows)))
        // Pending is not fine: a receiver that answers 500 to everything has only pending deliveries while Kapso retries
        // (probe43 P43-3: "0 failed, 0 %" for it).
        if stats.failing > 0 {
            blocks.append(.hint(
                "\(Self.pendingAfterFailure): pending after a failed attempt (an answer other than 2xx); Kapso retries \(WebhookVerdict.retrySchedule) "
                    + "and then marks the delivery failed; FAILURE RATE counts them"))
        }
        if let line = undocumentedLine(stats) { blocks.append(.hint(line)) }
        if retried {
            blocks.append(.hint(
                "RETRIED: delivered, but after more than one attempt: each attempt before the last got no 200 within Kapso's 10 s "
                    + "(an error, no connection or a slow handler; https://docs.kapso.ai/docs/platform/webhooks/advanced); FAILURE RATE does not count them; "
                    + "'webhooks check' says what they mean"))
        }
        return CommandResult(blocks: blocks, json: stats.json)
    }

    /// The header of the column of deliveries still pending after a failed attempt (`WebhookCount.failing`).
    static let pendingAfterFailure = "PENDING AFTER FAILURE"

    /// What the table made of deliveries whose status Kapso does not document (pending, delivered, failed), nil when none
    /// has one: those answered with an HTTP status other than 2xx, or tried with no HTTP response, are counted FAILED (a
    /// failed attempt, kapso-api.md §10.2), the others in neither FAILED nor the rate (tester62 AL20).
    static func undocumentedLine(_ stats: DeliveryStats) -> String? {
        let count = stats.undocumented.values.reduce(0, +)
        guard count > 0 else { return nil }
        let other = count - stats.readAsFailed
        var line = "\(count == 1 ? "1 delivery has" : "\(count) deliveries have") a status Kapso does not document "
            + "(\(stats.undocumented.keys.sorted().map(DeliveriesLeftOut.shown).joined(separator: ", "))): "
        if stats.readAsFailed > 0 {
            // Tried with no HTTP response is a failed attempt too (tester63b AO6): which of a timeout, a refused connection
            // or a TLS failure is not recorded.
            let silent = stats.readAsFailedWithoutAnswer
            let how = silent == 0 ? "was answered with an HTTP status other than 2xx"
                : silent == stats.readAsFailed ? "got no HTTP response (a timeout or no connection: which is not recorded)"
                : "was answered with an HTTP status other than 2xx or got no HTTP response"
            line += "FAILED counts the \(stats.readAsFailed) whose last attempt \(how) "
                + "(a failed attempt, whatever the status says)" + (other > 0 ? "; " : "")
        }
        if other > 0 {
            let subject = stats.readAsFailed > 0 ? "the other \(other)" : count == 1 ? "it" : "they"
            line += "\(subject) \(other == 1 ? "is" : "are") in neither FAILED nor FAILURE RATE: their answer says nothing of how "
                + "they went"
        }
        return line
    }

    private static func countTable(_ title: String, _ counts: [String: Int]) -> Table {
        let sorted = DeliveryStats.sorted(counts)
        let maximum = sorted.first?.value ?? 0
        let rows = sorted.map { key, value -> [StyledText] in
            [
                StyledText(key, style: title == "STATUS" ? DeliveriesCommand.status(key).style : .plain),
                StyledText(String(value)), StyledText(Bar.text(value, of: maximum)),
            ]
        }
        var bars = Column("", truncation: .never)
        bars.terminalOnly = true
        return Table(columns: [Column(title), Column("COUNT", truncation: .never, alignRight: true), bars], rows: rows)
    }
}
