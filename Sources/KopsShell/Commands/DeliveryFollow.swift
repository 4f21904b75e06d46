internal import Foundation
internal import KapsoClient
internal import KopsHTTP

/// `deliveries --follow`: polls the newest deliveries and prints only the ones not seen before.
///
/// Stops after `--max-polls` or on Ctrl-C (the transport's `.cancelled`), with a summary line; backs off
/// on 429 for the server's `Retry-After`. Shows liveness on stderr only when a person is watching.
struct DeliveryFollow {
    let filters: [(String, String)]
    /// Seconds between polls.
    let interval: Double
    /// Polls before stopping, the first (which only marks what already exists) included.
    let maxPolls: Int?

    init(arguments: Arguments, filters: [(String, String)]) throws(ShellError) {
        self.filters = filters
        let text = arguments.value("--interval") ?? "2"
        guard let interval = Double(text), interval >= 0, interval <= 3_600 else {
            throw .invalidValue(
                command: DeliveriesCommand.name, what: "value for --interval", value: text,
                expected: "seconds from 0 to 3600")
        }
        self.interval = interval
        maxPolls = arguments.integer("--max-polls")
    }

    func run(in context: ShellContext, mode: OutputMode) throws -> CommandResult {
        var seen: Set<String> = []
        var polls = 0
        var shown: [String: Int] = [:]
        var wait = 0.0
        while maxPolls.map({ polls < $0 }) ?? true {
            if polls > 0 { Thread.sleep(forTimeInterval: max(wait, interval)) }
            wait = 0
            switch try poll(context) {
            case .cancelled:
                return CommandResult(blocks: [.hint(summary(polls: polls, shown: shown))])
            case .rateLimited(let retryAfter):
                wait = Double(min(retryAfter ?? 60, 300))
                context.emit(CommandResult(blocks: [.hint("rate limited; next poll in \(Int(wait)) s")]))
            case .items(let items):
                polls += 1
                // The first poll only marks what already exists.
                let new = polls == 1 ? [] : items.filter { !seen.contains($0.id) }
                seen = Set(items.map(\.id))
                for delivery in new { shown[delivery.status, default: 0] += 1 }
                if !new.isEmpty {
                    context.emit(rows(new.reversed(), json: mode == .json, redactor: context.shell?.redactor ?? Redactor()))
                } else if context.isInteractive && (polls == 1 || polls % 15 == 0) {
                    let text = polls == 1 ? "following deliveries; Ctrl-C stops" : "still following (\(polls) polls)"
                    context.emit(CommandResult(blocks: [.hint(text)]))
                }
            }
        }
        return CommandResult(blocks: [.hint(summary(polls: polls, shown: shown))])
    }

    /// What one poll gave: the newest deliveries, a 429, or Ctrl-C.
    private enum Poll {
        case items([WebhookDelivery])
        case rateLimited(retryAfter: Int?)
        case cancelled
    }

    private func poll(_ context: ShellContext) throws(KapsoAPIError) -> Poll {
        do {
            return .items(try context.client.webhookDeliveries(filters + [("limit", "100")]).items)
        } catch {
            switch error {
            case .rateLimited(let retryAfter, _): return .rateLimited(retryAfter: retryAfter)
            case .transport(.cancelled): return .cancelled
            default: throw error
            }
        }
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

    private func summary(polls: Int, shown: [String: Int]) -> String {
        let total = shown.values.reduce(0, +)
        let parts = ["delivered", "pending", "failed"].compactMap { status in shown[status].map { "\($0) \(status)" } }
        let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        return
            "stopped after \(polls) \(polls == 1 ? "poll" : "polls"): \(total) new \(total == 1 ? "delivery" : "deliveries")\(detail)"
    }
}
