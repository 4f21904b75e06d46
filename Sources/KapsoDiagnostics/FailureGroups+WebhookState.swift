extension FailureGroups {
    /// The `now:` note of a row of failed deliveries to webhook `id`: its state now (`WebhookVerdict.headline`) with the
    /// command that says more; when its deliveries could not be read (`unread`, by id, with why), that it was not read and
    /// what to run (tester53b U15: the row lost its `now:` without a word). Nil when neither is known.
    static func stateNote(of id: String, verdicts: [String: WebhookVerdict], unread: [String: String]) -> String? {
        if let state = verdicts[id]?.headline { return "now: \(state) ('webhooks check \(id)')" }
        return unread[id].map { "now: not read (\($0)); 'webhooks check \(id)' in a minute" }
    }
}
