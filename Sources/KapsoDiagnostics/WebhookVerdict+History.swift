extension WebhookVerdict {
    /// Deliveries of one earlier configuration: how many, how many failed, their answers and times.
    public struct History: Sendable, Equatable {
        /// The previous URL, or the events no longer subscribed (`a, b`).
        public var what: String
        public var total = 0
        public var failed = 0
        public var answers: [String] = []
        public var last: Int64 = 0
    }
}

extension WebhookVerdict.History {
    /// Counts `delivery` in this configuration's history, its answer once among `answers` when it failed.
    mutating func add(_ delivery: WebhookVerdict.Delivery) {
        total += 1
        last = max(last, delivery.created)
        if delivery.status == "failed" {
            failed += 1
            let answer = delivery.answer.label
            if !answers.contains(answer) { answers.append(answer) }
        }
    }
}
