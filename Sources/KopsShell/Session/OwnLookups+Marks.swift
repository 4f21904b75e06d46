internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Marking kops's own calls (P45-8)

/// Which entries of the project's API log kops itself made, to mark them in `logs`, `logs search` and `bundle` and to
/// leave a follow's own polls out of what it shows as new.
///
/// Kapso's API log records method, endpoint, status, time, IP and key (kapso-api.md §5), not the `User-Agent: kops/…`
/// kops sends, so an entry is recognised by the journal alone: the same method, path (query ignored) and status within
/// `window` of a note's time, each note matching one entry. Sure for kops's calls made with this state folder; an
/// app's identical call (same method, path and status) within the same two minutes can take the mark instead of
/// kops's (the count stays right), and another machine's kops calls are not marked (docs/own-lookups.md).
extension OwnLookups {
    /// The ids of the calls kops made itself, by every note (look-ups and other requests, this session's and earlier).
    public func kopsIDs(in calls: [LoggedCall], host: String) -> Set<String> {
        loadOnce()
        let origin = Self.stored(Self.origin(host).origin)
        var open = notes.filter { Self.origin($0.host).origin == origin }
        guard !open.isEmpty else { return [] }
        var ids: Set<String> = []
        for call in calls {
            guard let at = KapsoTime.seconds(iso: call.time) else { continue }
            let path = Self.stored(Self.decoded(call.endpoint))
            // The newest fitting note first: a poll's note is the one its own entry was made by.
            guard let index = open.lastIndex(where: {
                $0.method == call.method && $0.status == call.status && $0.path == path && Self.window.contains(at - $0.time)
            }) else { continue }
            open.remove(at: index)
            ids.insert(call.id)
        }
        return ids
    }

    /// `kopsIDs` of an API logs page.
    func kopsLogIDs(in logs: [APILog], host: String) -> Set<String> {
        kopsIDs(
            in: logs.map(LoggedCall.init),
            host: host)
    }

    /// `kopsIDs` of log search events (API calls only).
    func kopsEventIDs(in events: [LogSearchEvent], host: String) -> Set<String> {
        kopsIDs(
            in: events.compactMap(LoggedCall.init), host: host)
    }

    /// The word a table adds to a row kops made itself.
    static let mark = "(kops)"

    /// The hint under a table with `count` marked rows.
    static func markHint(_ count: Int, noun: String) -> String? {
        guard count > 0 else { return nil }
        return "(kops) marks \(count) \(noun) kops itself made (matched to its journal by method, path, status and time; "
            + "Kapso's log does not say which client called)"
    }
}

extension OwnLookups {
    /// The meaning of a failed call kops made itself (a look-up of an id that is not there, answered 404).
    static let ownFailureMeaning = "kops's own call (a look-up by kops, not the app's): no failure of the project"

    /// A page's JSON with `"kops_own": true` added to each item in `ids`: the items of `data`, or of `data.events` (log
    /// search).
    static func marking(_ json: JSONValue, _ ids: Set<String>) -> JSONValue {
        func mark(_ items: [JSONValue]) -> [JSONValue] {
            items.map { item in
                guard case .object(var object) = item, let id = object["id"]?.string, ids.contains(id) else { return item }
                object["kops_own"] = .bool(true)
                return .object(object)
            }
        }
        guard case .object(var page) = json else { return json }
        if let items = page["data"]?.array {
            page["data"] = .array(mark(items))
        } else if var data = page["data"]?.object, let events = data["events"]?.array {
            data["events"] = .array(mark(events))
            page["data"] = .object(data)
        }
        return .object(page)
    }
}
