internal import KapsoClient

/// `deliveries --follow`: polls the newest deliveries and prints only the ones not seen before.
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
        var shown: [String: Int] = [:]
        let redactor = context.shell?.redactor ?? Redactor()
        return try loop.run(
            in: context, id: \.id,
            fetch: { try context.client.webhookDeliveries(filters + [("limit", "100")]).items },
            show: { new in
                for delivery in new { shown[delivery.status, default: 0] += 1 }
                context.emit(rows(new, json: mode == .json, redactor: redactor))
            },
            summary: { summary(tally: $0, shown: shown) })
    }

    /// One line per delivery (NDJSON in JSON mode, written out as `ListStream` writes it), oldest first.
    private func rows(_ deliveries: [WebhookDelivery], json: Bool, redactor: Redactor) -> CommandResult {
        if json {
            let objects = deliveries.map { JSONValue.object($0.json) }
            return CommandResult(
                json: .array(objects), jsonText: objects.map { redactor.serialized($0) }.joined(separator: "\n"))
        }
        return CommandResult(
            blocks: [.table(DeliveriesCommand.table(deliveries))], json: .array(deliveries.map { .object($0.json) }))
    }

    private func summary(tally: FollowLoop.Tally, shown: [String: Int]) -> String {
        let total = shown.values.reduce(0, +)
        let parts = ["delivered", "pending", "failed"].compactMap { status in shown[status].map { "\($0) \(status)" } }
        let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        return
            "stopped after \(tally.text): \(total) new \(total == 1 ? "delivery" : "deliveries")\(detail)"
    }
}
