internal import Foundation
public import KapsoClient

/// A date and time typed without a time zone: `2026-11-21T11:00:00`, `2026-11-21 11:00`, `2026-11-21T11:00:00.250`.
///
/// Kapso writes its times in ISO-8601 UTC (kapso-api.md §0 gotcha 16), but support tickets and many logs quote local
/// wall-clock times without a zone, so such a time is either UTC or the writer's local time and kops does not guess
/// which: it names the missing zone and shows both ways to write it (probe26 P26-10: `logs search --around
/// 2026-11-21T11:00:00` was refused as "neither an id … nor an event", `2026-11-21 11:00` as an id with letters).
public struct ZonelessTime: Sendable, Equatable {
    /// The time as typed, in ISO form without a zone: `2026-11-21T11:00:00`.
    public var local: String

    /// Nil unless `text` is a valid date and time (`T` or a space between them, seconds and a fraction optional)
    /// with no `Z` and no offset.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var iso = String(decoding: bytes[..<10], as: UTF8.self) + "T" + String(decoding: bytes[11...], as: UTF8.self)
        // `11:00` has no seconds: ISO allows it, and KapsoTime reads only the full form.
        if bytes.count == 16 { iso += ":00" }
        guard KapsoTime.seconds(iso: iso + "Z") != nil else { return nil }
        let fraction = iso.dropFirst(19)
        guard fraction.isEmpty || (fraction.first == "." && fraction.dropFirst().allSatisfy(\.isNumber)) else { return nil }
        local = String(iso.prefix(19))
    }

    /// What is missing and what to write instead: `2026-11-21T11:00:00 has no time zone, and kops does not guess
    /// whether it is UTC or local: add Z for UTC (2026-11-21T11:00:00Z) or your offset (…)`.
    public var problem: String {
        "\(local) has no time zone, and kops does not guess whether it is UTC or local: add Z for UTC (\(local)Z) "
            + "or your offset (e.g. \(local)-05:00 for New York in winter)"
    }
}

extension ZonelessTime {
    /// A time as typed (`logs search --around`) or stored (`kapso.last_inbound_at`): when it is, and the form it was read
    /// from when that is not ISO-8601 with its zone; why it is no time when it is shaped like one; or no time at all.
    public enum Reading: Sendable, Equatable {
        /// Unix seconds, and the form (`Unix seconds`, `a JSON number of Unix seconds`, `UTC written as a word`), nil for
        /// ISO-8601 with `Z` or an offset.
        case time(Int64, form: String?)
        /// Shaped like a time, but no time kops reads; one line naming what is wrong and what to write.
        case problem(String)
        /// Not shaped like a time (an id, a word).
        case notATime
    }

    /// The one reading of a time kops is given: ISO-8601 with `Z` or an offset; 10 digits of Unix seconds, Kapso's own
    /// message `timestamp` form (kapso-api.md §0 gotcha 16, §7.3), from 2009 to 2100; `… UTC` / `… GMT` as PostgreSQL
    /// and Rails logs print times. Named, never guessed (probe28 P28-4, P28-5, P28-13; probe29 P29-6): a time without a
    /// zone, a zone abbreviation (`PST` is also Philippine time), a date alone, and a field out of range
    /// (`2026-02-30`, month 13, hour 24, `+25:00`; `KapsoTime.problem(iso:)`).
    public static func read(_ typed: String) -> Reading {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let seconds = KapsoTime.seconds(iso: text) { return plausible(seconds, form: nil, text: text) }
        // Only 2009 (before WhatsApp) to 2100: other 10 digits (`4155550100`) are more likely a number without its code.
        if text.count == 10, text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int64(text),
            unixSeconds.contains(seconds)
        {
            return plausible(seconds, form: "Unix seconds", text: text)
        }
        // `2026-11-21 11:00:00 UTC`: the zone as a word.
        let words = text.split(separator: " ")
        if words.count >= 2, let last = words.last, (2...5).contains(last.count), last.allSatisfy({ $0.isASCII && $0.isLetter }) {
            let time = words.dropLast().joined(separator: " ")
            guard ZonelessTime(time) != nil || KapsoTime.problem(iso: time) != nil else { return .notATime }
            if let problem = KapsoTime.problem(iso: time) { return .problem(problem) }
            if ["UTC", "GMT", "Z"].contains(last.uppercased()), let zoneless = ZonelessTime(time),
                let seconds = KapsoTime.seconds(iso: zoneless.local + "Z")
            {
                return plausible(seconds, form: "\(last.uppercased()) written as a word", text: text)
            }
            let local = ZonelessTime(time)?.local ?? time
            return .problem(
                "\(last) is a zone abbreviation kops does not guess (PST is also Philippine time, IST three zones): write the "
                    + "offset, e.g. \(local)-08:00 for Pacific time in winter, or Z for UTC")
        }
        if let problem = KapsoTime.problem(iso: text) { return .problem(problem) }
        if let zoneless = ZonelessTime(text) { return .problem(zoneless.problem) }
        let bytes = Array(text.utf8)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            text.filter({ $0 != "-" }).allSatisfy({ $0.isASCII && $0.isNumber })
        {
            if let problem = KapsoTime.problem(iso: text + "T00:00") { return .problem(problem) }
            return .problem("\(text) is a date alone: give the time of day and its zone too, e.g. \(text)T11:00:00Z")
        }
        return .notATime
    }

    /// `read(_:)` for a time the user typed, where 13 digits of Unix milliseconds (JavaScript's `Date.now()`) are read too,
    /// only from 2020 to 2035: other 13 digits are more likely a phone number with its country code (tester69 C8: `logs
    /// search --around 1795166102000` was read as an id). A stored field stays `read(field:)`'s (Kapso documents ISO-8601).
    public static func readTyped(_ typed: String) -> Reading {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if text.count == 13, text.allSatisfy({ $0.isASCII && $0.isNumber }), let millis = Int64(text), unixMilliseconds.contains(millis) {
            return plausible(millis / 1000, form: "Unix milliseconds", text: text)
        }
        return read(typed)
    }

    /// A stored time field (`kapso.last_inbound_at`): a string as `read(_:)` reads it, a JSON number as Unix seconds
    /// (named: Kapso documents ISO-8601 there, kapso-api.md §8.3, and Unix seconds for message times, §7.3); nil when
    /// absent or null. A value that is present and unreadable is `.problem`, never "absent" (probe28 P28-4).
    public static func read(field value: JSONValue?) -> Reading? {
        guard let value, !value.isNull else { return nil }
        if let text = value.string {
            let reading = read(text)
            if reading == .notATime { return .problem("\"\(shown(text))\" is no date and time kops can read") }
            return reading
        }
        if let number = value.int.map(Int64.init), unixSeconds.contains(number) {
            return .time(number, form: "a JSON number of Unix seconds")
        }
        return .problem("\(shown(value.serialized())) is no date and time kops can read (a \(value.int == nil ? "value" : "number") where ISO-8601 belongs)")
    }

    /// The Unix seconds `read` takes as a time: 2009 (before WhatsApp) to 2100, the bounds of a status time with no
    /// message time to judge it by (`StatusHistory`); other 10 digits are more likely a phone number without its code.
    /// The Unix milliseconds `read` takes as a time: 2020-01-01 to 2035-01-01, where no phone number with its country
    /// code has 13 digits (Nigeria's `234…` reads as 2044, Germany's `49…` as 2125).
    static let unixMilliseconds: ClosedRange<Int64> = 1_577_836_800_000...2_051_222_400_000
    static let unixSeconds: ClosedRange<Int64> = StatusHistory.earliestPlausible...KapsoTime.plausible.upperBound

    /// Shown in part, printable ASCII only: the value is not the API's own and may hold anything.
    static func shown(_ text: String) -> String {
        String(text.prefix(40).map { $0.isASCII && $0.asciiValue.map { $0 >= 0x20 && $0 < 0x7f } == true ? $0 : "?" })
    }

    private static func plausible(_ seconds: Int64, form: String?, text: String) -> Reading {
        guard seconds >= 0, seconds <= KapsoTime.plausible.upperBound else {
            return .problem("\(shown(text)) is \(seconds < 0 ? "before 1970" : "after 2100"): no time Kapso or Meta records")
        }
        return .time(seconds, form: form)
    }
}
