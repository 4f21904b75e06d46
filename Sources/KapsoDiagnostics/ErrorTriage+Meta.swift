public import KapsoClient

extension ErrorTriage {
    /// What Meta's own webhooks (log search's `whatsapp_webhook_event`) add to the message failures.
    public struct MetaCheck: Sendable, Equatable {
        /// Failed or erroring Meta events seen.
        public var problems = 0
        /// Of those, the ones whose WAMID is already listed as a message failure (the same failure, counted once).
        public var matched = 0
        /// Of `problems`, the events whose status is no failure (`warning`, or another word with an error), by word:
        /// they are not failed statuses and are never counted as such.
        public var otherStatuses: [String: Int] = [:]
        /// Events that repeat an earlier one (same WAMID, status, time and error: one notification Meta delivered
        /// again, StatusHistory), left out of `problems`.
        public var repeats = 0

        /// `added` nil: one message per problem not matched (`problems - matched`).
        public init(problems: Int = 0, matched: Int = 0, otherStatuses: [String: Int] = [:], added: Int? = nil) {
            self.problems = problems
            self.matched = matched
            self.otherStatuses = otherStatuses
            self.added = added ?? problems - matched
        }

        /// The failed statuses among `problems`.
        public var failed: Int { problems - otherStatuses.values.reduce(0, +) }

        /// `13 failed statuses and 1 warning`, `1 failed status`, `2 warnings`.
        public var counted: String {
            var parts: [String] = []
            if failed > 0 || otherStatuses.isEmpty { parts.append(failed == 1 ? "1 failed status" : "\(failed) failed statuses") }
            for word in otherStatuses.keys.sorted() {
                let count = otherStatuses[word] ?? 0
                parts.append(word == "warning" ? (count == 1 ? "1 warning" : "\(count) warnings") : "\(count) '\(word)' with an error")
            }
            let copies = repeats == 0 ? "" : " (\(repeats) more \(repeats == 1 ? "was a copy" : "were copies") of one delivered again)"
            return parts.joined(separator: " and ") + copies
        }

        /// The messages (WAMIDs) of `problems` that no message entry had: one `meta` entry each, however many of their
        /// events were read (one message, one failed send: P37-1).
        public var added = 0
    }

    /// Adds the failed statuses Meta sent Kapso (log search events) whose message is not already listed: a
    /// failure the messages fetched did not show (an older or another number's message). Call after
    /// `addMessages`: a failure both report is one failure, counted under `message`.
    @discardableResult
    public mutating func addMetaEvents(_ events: [LogSearchEvent]) -> MetaCheck {
        // A WAMID as a message entry names it and as Meta's event names it may differ in padding (namesSameMessage).
        let listed = Set(entries.filter { $0.source == .message }.compactMap { $0.json["id"]?.string }.map(StatusHistory.messageKey))
        var check = MetaCheck(added: 0)
        var addedIDs: Set<String> = []
        var seen: Set<[String?]> = []
        for event in events where LogSearchReading(event).isProblem {
            let key = [event.text("whatsapp_message_id") ?? event.resourceID, event.status, event.time, LogSearchReading.error(of: event)?.headline]
            if key[0] != nil, !seen.insert(key).inserted {
                check.repeats += 1
                continue
            }
            check.problems += 1
            // A delivery or read with errors attached is no failure either (P46-4): counted by its word.
            let reached = event.status.map { StatusWord($0).reachedDevice } ?? false
            if let word = event.status, word != "failed", StatusWord(word).rank == nil || reached { check.otherStatuses[word, default: 0] += 1 }
            let wamid = event.text("whatsapp_message_id") ?? event.resourceID ?? event.id
            if listed.contains(StatusHistory.messageKey(wamid)) {
                check.matched += 1
                continue
            }
            let error = LogSearchReading.error(of: event)
            // One message, one failed send (P37-1): a second event of the same WAMID (Meta's failed reported again, with
            // another time) is that failure, not another entry.
            guard addedIDs.insert(String(StatusHistory.messageKey(wamid))).inserted else { continue }
            check.added += 1
            if reached, let word = event.status {
                entries.append(
                    Entry(
                        time: event.time, source: .meta, subject: "status \(word) of \(wamid)",
                        error: "\(word) " + (error?.headline ?? "with an error"),
                        meaning: StatusHistory.attachedMeaning(word: word, error: error), json: event.json, statusWord: word, wamid: wamid))
                continue
            }
            entries.append(
                Entry(
                    time: event.time, source: .meta, subject: "status \(event.status ?? "?") of \(wamid)",
                    error: error?.headline ?? "failed, and Meta gave no error code",
                    meaning: error.map { error in error.shownName.map { "\($0): \(error.fix(for: nil))" } ?? error.meaning }
                        ?? "Meta's event has no error code; 'logs search --around \(wamid)' shows what surrounds it",
                    json: event.json, wamid: wamid))
        }
        return check
    }
}
