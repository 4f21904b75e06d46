// MARK: - A '/' sent escaped in a failed call's path

extension FailureGroups {
    /// A failed call whose path holds a `/` sent escaped (`EscapedSlash`): no route matched, whatever the id; the id is
    /// decoded once, for the reading and for the `whois` advice (tester61b AK17). The project's own id needs no `whois`:
    /// the escape is the mistake. Nil for other paths.
    static func escapedSlashMember(_ entry: ErrorTriage.Entry, call: Call, _ known: Known) -> Member? {
        let (key, method, endpoint, _, what, error) = call
        guard let slash = EscapedSlash.read(endpoint) else { return nil }
        return Member(
            cause: Cause(source: "api", who: key, what: what, error: error), source: .api, time: entry.time, who: key,
            what: what, error: error, meaning: slash.meaning(method: method, numbers: known.numbers),
            headline: { "\(IDResolver.plural($0, "failed call")) from key \(key): \(slash.headline)" },
            misplacedID: slash.projectID(known.numbers) == nil ? slash.id.flatMap(APIPath.whoisArgument) : nil)
    }
}
