internal import KapsoClient
internal import KapsoDiagnostics

/// The parts of a fetch that could not be read (fix58D: `errors` failed whole when one of its lists answered 503, and said
/// nothing when the project's webhooks or numbers could not be read): named once, with why and what they leave out, and
/// the command fails for them.
extension FailureFetch {
    /// A source's failures in words: `messages`, `API calls`, `deliveries`, `Meta's webhooks`.
    static func name(_ source: ErrorTriage.Source) -> String {
        switch source {
        case .api: "API calls"
        case .webhook: "deliveries"
        case .message: "messages"
        case .meta: "Meta's webhooks"
        }
    }

    /// Records `source` as not read (once), unless `error` ends the command (Ctrl-C, a refused key): that is thrown.
    mutating func noteUnread(_ source: ErrorTriage.Source, _ error: KapsoAPIError) throws(KapsoAPIError) {
        try error.throwIfEnding()
        if !unread.contains(where: { $0.source == source }) { unread.append((source, error)) }
    }

    /// The list `read` got, or nil when it failed: then it is named in `unreadLists` as `what`, unless its error ends the
    /// command.
    mutating func listRead<T>(_ read: Result<T, KapsoAPIError>, what: String) throws(KapsoAPIError) -> T? {
        switch read {
        case .success(let list):
            return list
        case .failure(let error):
            try error.throwIfEnding()
            unreadLists.append((what, error.message))
            return nil
        }
    }

    /// `messages and API calls (the API failed (503): …): their failures are not listed; run it again in a minute`, and
    /// one line per project list not read, saying what it leaves unsaid; empty when all was read.
    var unreadLines: [String] {
        var lines: [String] = []
        if !unread.isEmpty {
            let whys = unread.map(\.error.message).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            lines.append(
                unread.map { Self.name($0.source) }.joined(separator: " and ") + " (\(whys.joined(separator: "; "))): "
                    + "their failures are not listed; run it again in a minute")
        }
        for list in unreadLists {
            let unsaid = list.what != "webhooks" ? "the ids in failed paths are not judged against the project's numbers"
                : readsDeliveries
                    ? "whether each webhook with failed deliveries fails now is not said, nor which webhook a failed path names"
                    : "which webhook a failed path names is not said"
            lines.append("the project's \(list.what) (\(list.why)): \(unsaid)")
        }
        return lines
    }

    /// `[{"part": "messages", "why": "…"}, {"part": "webhooks", "why": "…"}]`: what `unreadLines` names, for `not_read`.
    var unreadJSON: JSONValue {
        .array(
            unread.map { .object(["part": .string(Self.name($0.source)), "why": .string($0.error.message)]) }
                + unreadLists.map { .object(["part": .string($0.what), "why": .string($0.why)]) })
    }

    /// Names each part not read once (`unreadLines`, `not_read`) and fails `result` for them: what they would have listed
    /// is not known (fix58D; `logs --errors` said nothing of a webhooks list it could not read, fixD).
    func sayUnread(in result: inout CommandResult) {
        let notRead = unreadLines
        guard !notRead.isEmpty else { return }
        result.blocks += notRead.map { .line(StyledText("not read: " + $0, style: .warn)) }
        if case .object(var object)? = result.json {
            object["not_read"] = unreadJSON
            result.json = .object(object)
        }
        result.status = .failure
        result.failure = "not read: " + notRead.joined(separator: "; ")
    }
}
