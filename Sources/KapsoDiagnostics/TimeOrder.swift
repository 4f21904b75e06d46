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
    public static func sorted<Item, Time: Comparable>(
        _ items: [Item], newestFirst: Bool = false, time: (Item) -> Time?, tie: (Item) -> Int = { _ in 0 }
    ) -> [Item] {
        let read = items.enumerated().map { (offset: $0.offset, time: time($0.element), tie: tie($0.element)) }
        let timed = read.compactMap { entry in entry.time.map { (entry.offset, $0, entry.tie) } }.sorted { a, b in
            if a.1 != b.1 { return newestFirst ? a.1 > b.1 : a.1 < b.1 }
            return (a.2, a.0) < (b.2, b.0)
        }
        return timed.map { items[$0.0] } + read.filter { $0.time == nil }.map { items[$0.offset] }
    }

    /// `items` newest first by an ISO-8601 time (`time`): read as the instant it names (`instant(iso:)`), never compared as
    /// text, where `…:05.9Z` sorts before `…:05Z` and `11:00:00+02:00` after `10:00:00Z` (tester52: `errors`
    /// listed failures out of order).
    public static func newestFirst<Item>(_ items: [Item], iso time: (Item) -> String) -> [Item] {
        sorted(items, newestFirst: true, time: { instant(iso: time($0)) })
    }

    /// True when ISO-8601 time `a` is later than `b` as instants (`instant(iso:)`); a readable time is later than none.
    public static func isLater(iso a: String, than b: String) -> Bool {
        switch (instant(iso: a), instant(iso: b)) {
        case (let a?, let b?): a > b
        case (_?, nil): true
        default: false
        }
    }

    /// The instant an ISO-8601 time names, in Unix seconds with its fraction (`2026-11-21T09:00:05.9Z` → …5.9): the zone
    /// applied by `KapsoTime.seconds(iso:)`, the digits after the seconds' `.` added; nil when it is no such time.
    public static func instant(iso text: String) -> Double? {
        guard let seconds = KapsoTime.seconds(iso: text) else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count > 20, bytes[19] == UInt8(ascii: ".") else { return Double(seconds) }
        let digits = bytes[20...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.prefix(9)
        let fraction = digits.reduce(0.0) { $0 * 10 + Double($1 - UInt8(ascii: "0")) } / pow10(digits.count)
        return Double(seconds) + fraction
    }

    private static func pow10(_ count: Int) -> Double { (0..<count).reduce(1.0) { value, _ in value * 10 } }

    /// Why a record's time (`created_at`) names no instant kops reads (`instant(iso:)` is nil): `has no time zone (UTC
    /// or the writer's local time is not known)`, a field out of range (`KapsoTime.problem(iso:)`), or `is no ISO-8601
    /// time`. Kapso writes ISO-8601 UTC with `Z` (kapso-api.md §0 gotcha 16, §5 `created_at`: date-time), so such a
    /// time was rewritten by something else, and kops does not guess its place.
    public static func unreadReason(iso text: String) -> String {
        let shown = "\"\(ZonelessTime.shown(text))\""
        if ZonelessTime(text) != nil { return "\(shown) has no time zone (UTC or the writer's local time is not known)" }
        if let problem = KapsoTime.problem(iso: text) { return "\(shown): \(problem)" }
        return "\(shown) is no ISO-8601 time"
    }

    /// One line for rows whose time names no instant (`unread`, each its time and what it is), which `newestFirst` lists
    /// last in the order given: `1 failure has a time kops cannot place, so it is not ordered (listed last) and not in
    /// FIRST/LAST: "2026-11-21T11:55:00" has no time zone (…) (api POST …/messages)`; `effect` is what the reader would
    /// otherwise misread (`not in FIRST/LAST`). Nil when every time was read (tester53b U14: such a call was ranked the
    /// oldest and left out of its group's span without a word).
    public static func unplacedNote(_ unread: [(time: String, what: String)], noun: (one: String, many: String), effect: String)
        -> String?
    {
        guard !unread.isEmpty else { return nil }
        let count = unread.count == 1 ? "1 \(noun.one) has a time" : "\(unread.count) \(noun.many) have times"
        let named = unread.prefix(3).map { "\(unreadReason(iso: $0.time)) (\($0.what))" }
        let more = unread.count > 3 ? "; \(unread.count - 3) more" : ""
        return "\(count) kops cannot place, so \(unread.count == 1 ? "it is" : "they are") not ordered (listed last) and "
            + "\(effect): " + named.joined(separator: "; ") + more
    }

    /// `messages` newest first by their read time (`MessageTime`; `now` is the API's clock: a time ahead of it is none).
    public static func newestFirst(_ messages: [Message], now: Int64?) -> [Message] {
        sorted(messages, newestFirst: true, time: { MessageTime($0, now: now).seconds })
    }

    /// The line a list adds when its rows are not in the API's order (`newestFirst` moved some): `rows in time order, not
    /// the API's: 1 message's timestamp is in Unix milliseconds, not the Unix seconds Kapso sends (the API may list such
    /// a message on another page)`; nil when the order is the API's.
    /// Messages stamped ahead of the API's clock are left out of the comparison: `aheadNote` says why they are last.
    public static func reorderNote(listed: [Message], shown: [Message], now: Int64?) -> String? {
        let ahead = Set(listed.filter { MessageTime.ahead($0, now: now) != nil }.map(\.id))
        guard listed.map(\.id).filter({ !ahead.contains($0) }) != shown.map(\.id).filter({ !ahead.contains($0) }) else { return nil }
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
