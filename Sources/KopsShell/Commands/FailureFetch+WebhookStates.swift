internal import KapsoDiagnostics

extension FailureFetch {
    /// `the state now of 2 webhooks with failed deliveries was not read (the API failed (503): …); 'webhooks check' in a
    /// minute`: their rows carry `now: not read` (`FailureGroups.stateNote`), and this says how many (tester53b U15: the
    /// rows lost their `now:` without a word). Nil when every state was read.
    var unreadStatesLine: String? {
        guard let why = states.unread.values.sorted().first else { return nil }
        let count = states.unread.count
        return "the state now of \(count == 1 ? "1 webhook" : "\(count) webhooks") with failed deliveries was not read (\(why)); "
            + "'webhooks check' in a minute"
    }
}
