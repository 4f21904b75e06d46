internal import KapsoClient

/// `deliveries --follow`: polls the newest deliveries (older pages too when more than a page is new: `FollowLoop`) and prints the ones not seen before, and again any whose status
/// or attempt count changed (a retry, then its success: probe20 P20-10, where a delivered retry stayed "pending").
///
/// The loop (first poll, 429, failures, Ctrl-C, liveness) is `FollowLoop`'s; this prints the rows and the summary line.
struct DeliveryFollow {
    let filters: [(String, String)]
    let loop: FollowLoop

    init(arguments: Arguments, filters: [(String, String)]) throws(ShellError) {
        self.filters = filters
        loop = try FollowLoop(arguments: arguments, command: DeliveriesCommand.name, what: "deliveries")
    }

    func run(in context: ShellContext, mode: OutputMode) throws -> CommandResult {
        // The latest status of each delivery that appeared while following (flat: `NewDeliveries`), and how many rows
        // showed a change.
        var new = NewDeliveries()
        var updates = 0
        var first = true
        // One header and carried-on widths across polls (tester63 AN16).
        var layout = StreamedTable()
        if let note = pausedNote(in: context) { context.emit(CommandResult(blocks: [.line(StyledText(note, style: .warn))])) }
        return try loop.run(
            in: context, json: mode == .json, id: \WebhookDelivery.id, state: { (delivery: WebhookDelivery) in "\(delivery.status) \(delivery.attemptCount.map(String.init) ?? "?")" },
            fetch: { (after: String?) throws -> (items: [WebhookDelivery], next: String?) in
                let page = try context.client.webhookDeliveries(filters + [("limit", "100")] + (after.map { [("after", $0)] } ?? []))
                // An id filter nothing matches at the start (`--webhook` typo'd or another project's) is named as the list
                // names it: a follow of it could never show anything (tester53 T11).
                if first, page.items.isEmpty { try context.verifyIDFilters(filters) }
                first = false
                guard case .cursor(let next) = page.position else { return (page.items, nil) }
                return (page.items, next)
            },
            show: { rows in
                for (delivery, isNew) in rows {
                    new.shown(id: delivery.id, status: delivery.status, isNew: isNew)
                    if !isNew { updates += 1 }
                }
                // The shell's redactor of the moment: it knows the secrets the session learned since the follow began.
                context.emit(self.rows(rows.map(\.item), json: mode == .json, redactor: context.shell?.redactor ?? Redactor(), layout: &layout))
                return rows.count
            },
            summary: { summary(tally: $0, new: new, updates: updates) })
    }

    /// `warning: webhook ID is paused (active: false): Kapso sends it nothing until …; following anyway`, for `--webhook ID`
    /// of a paused webhook (one look-up); nil otherwise, or when it cannot be read (the follow names a wrong id itself).
    /// tester70 F6: "I fixed the receiver, let me watch the next delivery" polled forever on a webhook nothing is sent to.
    private func pausedNote(in context: ShellContext) -> String? {
        guard let id = filters.first(where: { $0.0 == "webhook_id" })?.1, let webhook = try? context.webhook(id), !webhook.active
        else { return nil }
        return "warning: webhook \(webhook.id) is paused (active: false): Kapso sends it nothing until 'webhooks update "
            + "\(webhook.id) --active true' (fix its receiver first: 'webhooks check \(webhook.id)'); following anyway"
    }

    /// One line per delivery (NDJSON in JSON mode, written out as `ListStream` writes it), oldest first.
    private func rows(_ deliveries: [WebhookDelivery], json: Bool, redactor: Redactor, layout: inout StreamedTable) -> CommandResult {
        if json {
            let objects = deliveries.map { JSONValue.object($0.json) }
            return CommandResult(
                json: .array(objects), jsonText: objects.map { redactor.serialized($0) }.joined(separator: "\n"))
        }
        return CommandResult(
            blocks: [.table(layout.next(DeliveriesCommand.table(deliveries), redactor: redactor))],
            json: .array(deliveries.map { .object($0.json) }))
    }

    /// `stopped after 24 polls: 7 new deliveries (6 delivered, 1 pending); 2 updates`: the new deliveries by their
    /// latest status, and how many rows showed a change (of a new delivery or of one that was there before).
    private func summary(tally: FollowLoop.Tally, new: NewDeliveries, updates: Int) -> String {
        let shown = new.byStatus
        let total = new.total
        let parts = ["delivered", "pending", "failed"].compactMap { status in shown[status].map { "\($0) \(status)" } }
        let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        let changed = updates == 0 ? "" : "; \(updates) \(updates == 1 ? "update" : "updates")"
        return
            "stopped after \(tally.text): \(total) new \(total == 1 ? "delivery" : "deliveries")\(detail)\(changed)"
            + tally.overflowNote
    }
}
