public import KapsoClient

/// The one order of timed things (status events, messages): by the time kops reads, never by the raw value or by
/// where the API put them, e.g. a message stamped `"1795261500000"` (Unix milliseconds, 11:45) after one stamped
/// `"1795262280"` (Unix seconds, 11:58) when newest first.
///
/// A time is Unix seconds as `KapsoTime.reading` reads it (seconds, milliseconds divided, ISO-8601, fractional seconds),
/// so mixed forms compare as the times they are (tester51 N7: a millisecond `timestamp` sorts as the biggest number and
/// was listed first). Ties keep the order given (after `tie`, smaller first); things without a time follow the timed
/// ones in the order given, as their place is unknown.
public enum TimeOrder {
    /// `items` oldest first, or newest first with `newestFirst`, by `time` (Unix seconds, nil when unknown).
    public static func sorted<Item>(
        _ items: [Item], newestFirst: Bool = false, time: (Item) -> Int64?, tie: (Item) -> Int = { _ in 0 }
    ) -> [Item] {
        let read = items.enumerated().map { (offset: $0.offset, time: time($0.element), tie: tie($0.element)) }
        let timed = read.compactMap { entry in entry.time.map { (entry.offset, $0, entry.tie) } }.sorted { a, b in
            if a.1 != b.1 { return newestFirst ? a.1 > b.1 : a.1 < b.1 }
            return (a.2, a.0) < (b.2, b.0)
        }
        return timed.map { items[$0.0] } + read.filter { $0.time == nil }.map { items[$0.offset] }
    }

    /// `messages` newest first by their read time (`MessageTime`; `now` is the API's clock: a time ahead of it is none).
    public static func newestFirst(_ messages: [Message], now: Int64?) -> [Message] {
        sorted(messages, newestFirst: true, time: { MessageTime($0, now: now).seconds })
    }

    /// The line a list adds when its rows are not in the API's order (`newestFirst` moved some): `rows in time order, not
    /// the API's: 1 message's timestamp is in Unix milliseconds, not the Unix seconds Kapso sends (the API may list such
    /// a message on another page)`; nil when the order is the API's.
    public static func reorderNote(listed: [Message], shown: [Message], now: Int64?) -> String? {
        guard listed.map(\.id) != shown.map(\.id) else { return nil }
        var forms: [String] = []
        var count = 0
        for message in listed {
            guard MessageTime(message, now: now).seconds != nil, let form = MessageTime.otherForm(message.json["timestamp"]) else { continue }
            count += 1
            if !forms.contains(form) { forms.append(form) }
        }
        let what = count == 0
            ? "the API listed them out of time order"
            : "\(count) \(count == 1 ? "message's timestamp is" : "messages' timestamps are") in \(forms.joined(separator: " or ")), "
                + "not the Unix seconds Kapso sends, so something rewrote the \(count == 1 ? "record" : "records") (the API may "
                + "list such a message on another page)"
        return "rows in time order, not the API's: " + what
    }
}
