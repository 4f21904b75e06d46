public import KapsoClient

extension ErrorTriage {
    /// What Meta's own webhooks (log search's `whatsapp_webhook_event`) add to the message failures.
    public struct MetaCheck: Sendable, Equatable {
        /// Failed or erroring Meta events seen.
        public var problems = 0
        /// Of those, the ones whose WAMID is already listed as a message failure (the same failure, counted once).
        public var matched = 0

        public init(problems: Int = 0, matched: Int = 0) {
            self.problems = problems
            self.matched = matched
        }

        /// Meta failures that no message entry had: each became a `meta` entry.
        public var added: Int { problems - matched }
    }

    /// Adds the failed statuses Meta sent Kapso (log search events) whose message is not already listed: a
    /// failure the messages fetched did not show (an older or another number's message). Call after
    /// `addMessages`: a failure both report is one failure, counted under `message`.
    @discardableResult
    public mutating func addMetaEvents(_ events: [LogSearchEvent]) -> MetaCheck {
        let listed = Set(entries.filter { $0.source == .message }.compactMap { $0.json["id"]?.string })
        var check = MetaCheck()
        var added: Set<String> = []
        for event in events where LogSearchReading(event).isProblem {
            check.problems += 1
            let wamid = event.text("whatsapp_message_id") ?? event.resourceID ?? event.id
            if listed.contains(wamid) {
                check.matched += 1
                continue
            }
            let error = event.text("error_code").map { MessageError(code: $0, title: event.text("error_title")) }
            guard added.insert(event.id).inserted else { continue }
            entries.append(
                Entry(
                    time: event.time, source: .meta, subject: "status \(event.status ?? "?") of \(wamid)",
                    error: error?.headline ?? "failed, and Meta gave no error code",
                    meaning: error.map { $0.entry.map { "\($0.name): \($0.fix)" } ?? $0.meaning }
                        ?? "Meta's event has no error code; 'logs search --around \(wamid)' shows what surrounds it",
                    json: event.json))
        }
        return check
    }
}
