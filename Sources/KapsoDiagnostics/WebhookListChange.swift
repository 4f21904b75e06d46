/// What a webhook update does to one of its lists: the subscribed events, or the custom headers (by name).
///
/// Kapso's `PATCH …/webhooks/{id}` takes a partial body, but each field it holds is the field's new value whole
/// (kapso-api.md §3.2): `events: [a]` on a webhook subscribed to a, b and c leaves it a only, and `headers: {…}`
/// replaces every custom header. An engineer adding one event with `--events` silently dropped the others, and
/// their deliveries stopped (probe45 P45-15). This says what such a change removes, keeps and adds, so the shell can
/// ask before anything is dropped; and computes the list `--add-events` / `--remove-events` mean.
public struct WebhookListChange: Equatable, Sendable {
    /// Which list: its field name and what its items are called.
    public enum List: String, Sendable {
        case events
        case headers

        /// `event`/`events`, `header`/`headers`.
        public func noun(_ count: Int) -> String {
            switch self {
            case .events: count == 1 ? "event" : "events"
            case .headers: count == 1 ? "header" : "headers"
            }
        }
    }

    public var list: List
    /// In the webhook now, not in the new list: what the update drops. In the webhook's order.
    public var removed: [String]
    /// In both: what stays. In the webhook's order.
    public var kept: [String]
    /// In the new list only. In the new list's order.
    public var added: [String]

    /// The change from `current` to `new`. Header names compare without case (HTTP field names are case-insensitive,
    /// RFC 9110 §5.1): `x-env` replacing `X-Env` keeps the header (with the value given).
    public init(_ list: List, current: [String], new: [String]) {
        self.list = list
        let key = { (name: String) in list == .headers ? name.lowercased() : name }
        let newKeys = Set(new.map(key)), currentKeys = Set(current.map(key))
        var seen = Set<String>()
        let currentOnce = current.filter { seen.insert(key($0)).inserted }
        removed = currentOnce.filter { !newKeys.contains(key($0)) }
        kept = currentOnce.filter { newKeys.contains(key($0)) }
        seen = []
        added = new.filter { !currentKeys.contains(key($0)) && seen.insert(key($0)).inserted }
    }

    /// Whether the update drops anything the webhook has: then it is worth a question (a pure addition is not).
    public var drops: Bool { !removed.isEmpty }

    /// Whether the new list is the current one (same items, any order).
    public var isUnchanged: Bool { removed.isEmpty && added.isEmpty }

    /// `removes whatsapp.message.sent, whatsapp.message.read; keeps whatsapp.message.received; adds
    /// whatsapp.message.failed`: `removes` only when something is, then `others`.
    public var description: String {
        (removed.isEmpty ? "" : "removes " + removed.joined(separator: ", ") + "; ") + others
    }

    /// `keeps whatsapp.message.received; adds whatsapp.message.failed`: `keeps none` when nothing stays, `adds` only when
    /// something is added.
    public var others: String {
        "keeps " + (kept.isEmpty ? "none" : kept.joined(separator: ", ")) + (added.isEmpty ? "" : "; adds " + added.joined(separator: ", "))
    }

    /// `removed whatsapp.message.sent; added whatsapp.message.failed`, what an update did, each part only when it has
    /// items; empty when nothing changed.
    public var done: String {
        [("removed", removed), ("added", added)].filter { !$0.1.isEmpty }
            .map { "\($0.0) " + $0.1.joined(separator: ", ") }.joined(separator: "; ")
    }

    /// `2 events (whatsapp.message.sent, whatsapp.message.read)`, `header X-Env`: what `removed` holds, counted.
    public var removedCounted: String {
        removed.count == 1
            ? "\(list.noun(1)) \(removed[0])" : "\(removed.count) \(list.noun(removed.count)) (\(removed.joined(separator: ", ")))"
    }

    /// `current` with each of `names` not in it appended, in the order given: what `--add-events` sends.
    public static func adding(_ names: [String], to current: [String]) -> [String] {
        var seen = Set(current)
        return current + names.filter { seen.insert($0).inserted }
    }

    /// `current` without `names`: what `--remove-events` sends.
    public static func removing(_ names: [String], from current: [String]) -> [String] {
        current.filter { !names.contains($0) }
    }
}
