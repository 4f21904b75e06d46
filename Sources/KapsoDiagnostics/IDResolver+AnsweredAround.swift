public import KapsoClient

// MARK: - A failed call between answers of the same call

extension IDResolver {
    /// The 2xx answers to the same `method` on the same path as `endpoint` (queries set aside) nearest before and after a
    /// call made at `time` (Unix seconds), from `history` (API logs); nil unless there are both. Only the same method is
    /// evidence: a GET of a number says nothing of a POST to it (tester51b F3, as `nearMissMeaning` reads artefacts).
    public static func answeredAround(method: String, endpoint: String, at time: Int64, in history: [APILog])
        -> (before: APILog, after: APILog)?
    {
        let path = { (endpoint: String) in endpoint.firstIndex(of: "?").map { String(endpoint[..<$0]) } ?? endpoint }
        let same = history.compactMap { log -> (APILog, Int64)? in
            guard (200..<300).contains(log.responseStatus), log.httpMethod == method, path(log.endpoint) == path(endpoint),
                let at = KapsoTime.seconds(iso: log.createdAt)
            else { return nil }
            return (log, at)
        }
        guard let before = same.filter({ $0.1 < time }).max(by: { $0.1 < $1.1 }),
            let after = same.filter({ $0.1 > time }).min(by: { $0.1 < $1.1 })
        else { return nil }
        return (before.0, after.0)
    }

    /// What a 404 (`answer`: "the 404") on a documented route means between two 2xx answers to the same call
    /// (`answeredAround`): `what` held (`the number was reachable with its access`) on both sides of the call, which no deletion,
    /// disconnection or lost permission explains; what kops says of a message the project had when it was read
    /// (`platformObjectMeaning`): retry, and ask Kapso support with the call's time if it repeats.
    static func answeredAroundMeaning(
        _ what: String, method: String, answers: (before: APILog, after: APILog), at time: Int64, answer: String
    ) -> String {
        let (before, after) = answers
        return "the same \(method) was answered \(before.responseStatus) at \(before.createdAt) and \(after.responseStatus) at "
            + "\(after.createdAt), before and after it, so \(what) on both sides of it, which \(answer) does not explain (a "
            + "deleted, moved or disconnected number does not answer again); a retry tells a passing failure apart, and if "
            + "it repeats, ask Kapso support with the call's time (\(KapsoTime.iso(time)))"
    }
}
