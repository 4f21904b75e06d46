public import KapsoClient

/// A message's `timestamp` as kops may use it: Unix seconds (`"1795262400"`), or why it is no time kops can read, e.g.
/// `timestamp "1795154400000" has 13 digits: milliseconds (JavaScript's Date.now()), not Unix seconds`.
///
/// Kapso's message `timestamp` is "Unix seconds" as a string (kapso-api.md §7.3 and §0.16). An ISO-8601 time with a
/// zone or 13 digits of Unix milliseconds mean a tool rewrote the record; they are read as `KapsoTime.reading` reads a
/// status's time (milliseconds divided, never year 58856, probe9 P9-4), and `otherForm` names the form (probe26
/// P26-17: the same forms were read in the statuses and "unreadable" in the message). A time ahead of the API's clock
/// is a device's clock, never a window longer than 24 hours (probe9 P9-12). `messages`, `message` and `trace` show it.
public enum MessageTime: Sendable, Equatable {
    /// A readable time (Unix seconds), at most `skew` ahead of the API's clock.
    case seconds(Int64)
    /// No time kops can read; why, in words that start with what the value is.
    case unreadable(String)

    /// How far ahead of the API's clock a time may be and still be read: Meta's and Kapso's clocks differ by a second
    /// or two (probe9 P9-18), never by minutes.
    public static let skew: Int64 = 60

    /// Reads `message`'s `timestamp`; `now` is the API's clock (Unix seconds), nil when not known (no future check).
    public init(_ message: Message, now: Int64?) {
        self.init(timestamp: message.json["timestamp"], now: now)
    }

    /// Reads a `timestamp` value (a string of digits or an integer).
    public init(timestamp value: JSONValue?, now: Int64?) {
        guard let value, !value.isNull else {
            self = .unreadable("the message has no timestamp")
            return
        }
        // Shown in part, printable ASCII only: the value is not the API's and may hold anything.
        let shown = String((value.string ?? value.int.map(String.init) ?? value.serialized()).prefix(40).map { $0.isASCII && !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x21 && $0 < 0x7f } == true ? $0 : "?" })
        if let seconds = KapsoTime.reading(timestamp: value, within: KapsoTime.plausible)?.seconds {
            if let now, seconds > now + Self.skew {
                self = .unreadable(
                    "its timestamp \(KapsoTime.iso(seconds)) is \(Elapsed.text(seconds - now)) ahead of the API's clock "
                        + "(\(KapsoTime.iso(now))): a device's or tool's clock, not when Meta received it")
            } else {
                self = .seconds(seconds)
            }
            return
        }
        let digits = value.string ?? value.int.map(String.init) ?? ""
        if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count == 13 {
            self = .unreadable(
                "its timestamp \"\(shown)\" has 13 digits: milliseconds (JavaScript's Date.now()), not the Unix seconds Kapso "
                    + "sends, so something rewrote the record; kops reads no time from it")
        } else if value.string.flatMap(KapsoTime.seconds(iso:)) != nil {
            self = .unreadable(
                "its timestamp \"\(shown)\" is an ISO date, not the Unix seconds Kapso sends, so something rewrote the record; "
                    + "kops reads no time from it")
        } else if let text = value.string, case let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()), trimmed != text,
            !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit),
            let seconds = KapsoTime.reading(timestamp: .string(trimmed), within: KapsoTime.plausible)?.seconds
        {
            // Unix seconds with blanks around them (tester64 T3: "\"?1795259280?\" is no time in Unix seconds").
            self = .unreadable(
                "its timestamp has blanks around its Unix seconds (\"\(trimmed)\", \(KapsoTime.iso(seconds))), which Kapso sends "
                    + "without, so something rewrote the record; kops reads no time from it")
        } else {
            self = .unreadable("its timestamp \"\(shown)\" is no time in Unix seconds (after 1970, before 2100)")
        }
    }

    /// The form `value` was read from when it is not the Unix seconds Kapso documents (`ISO-8601`, `Unix milliseconds`,
    /// `fractional Unix seconds`), nil for Unix seconds or no time.
    public static func otherForm(_ value: JSONValue?) -> String? {
        KapsoTime.reading(timestamp: value, within: KapsoTime.plausible)?.form
    }

    /// `2026-11-21T11:50:10Z (read from ISO-8601, not the Unix seconds Kapso documents)`: `text` of `message`'s time, with
    /// the form it was read from when that is not Unix seconds (`otherForm`).
    public static func described(_ message: Message, now: Int64?) -> String {
        let time = MessageTime(message, now: now)
        guard time.seconds != nil, let form = otherForm(message.json["timestamp"]) else { return time.text }
        return time.text + " (read from \(form), not the Unix seconds Kapso documents)"
    }

    /// The time, nil when unreadable.
    public var seconds: Int64? {
        if case .seconds(let time) = self { return time }
        return nil
    }

    /// `2026-11-21T11:00:00Z`, or `unreadable: its timestamp …` for a time field.
    public var text: String {
        switch self {
        case .seconds(let time): KapsoTime.iso(time)
        case .unreadable(let why): "unreadable: " + why
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
