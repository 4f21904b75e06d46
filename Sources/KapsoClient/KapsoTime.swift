/// Converts the API's times to Unix seconds and back: ISO-8601 UTC (`2026-11-20T09:15:00Z`, with or
/// without fractional seconds) and message timestamps (`"1795684500"`, Unix seconds as a string).
public enum KapsoTime {
    /// Unix seconds of an ISO-8601 time with `Z` or an offset, or nil when the text is not one. A space may stand for
    /// the `T` (`2026-11-21 11:50:00Z`): RFC 3339 §5.6 allows it ("for the sake of readability") and the zone makes the
    /// instant unambiguous; kapso-api.md §0 gotcha 16 says Kapso writes ISO-8601 UTC, so the form means something
    /// rewrote the record (tester53b U14: `errors` ranked such a call as the oldest).
    public static func seconds(iso text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var rest = Array(bytes[19...].drop { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        // `Z`, or an RFC 3339 offset `+02:00` / `-0500` (ISO 8601 allows both; kapso-api.md §0.16 says Kapso writes Z).
        var offset: Int64 = 0
        if rest == [UInt8(ascii: "Z")] {
            rest = []
        } else if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            var digits = Array(rest.dropFirst())
            if digits.count == 5, digits[2] == UInt8(ascii: ":") { digits.remove(at: 2) }
            guard digits.count == 4, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            let value = { (index: Int) in Int64(digits[index] - UInt8(ascii: "0")) }
            let hours = value(0) * 10 + value(1), minutes = value(2) * 10 + value(3)
            guard minutes < 60, hours * 60 + minutes <= 18 * 60 else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
            rest = []
        } else {
            // No zone (`2026-11-21T11:00:00.123456`, what Python's isoformat() of a naive time writes): not UTC by
            // default, with or without a fraction (probe28 P28-5); ZonelessTime names it.
            return nil
        }
        guard rest.isEmpty else { return nil }
        return days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second - offset
    }

    /// The days of `month` (1–12) in `year`: a date past them (`2026-02-30`) is no date, never the next month's
    /// (probe29 P29-6: `--around 2026-02-30T12:00:00Z` searched 2 March).
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Which field of an ISO-8601 time is out of range, in one line (`month 13 is no month (01–12)`, `2026-02-30 is not
    /// a date (February 2026 has 28 days)`, `hour 24 is no hour (00–23)`, `offset +25:00 is beyond ±18:00`); nil when
    /// `text` is not shaped `YYYY-MM-DDThh:mm` or no field is out of range. RFC 3339 §5.6 gives the ranges; an offset
    /// past ±18:00 is none ISO 8601 tools accept (Java's ZoneOffset, PostgreSQL).
    public static func problem(iso text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            let value: Int64 = bytes[range].reduce(0) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16)
        else { return nil }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        if !(1...12).contains(month) { return "month \(String(decoding: bytes[5..<7], as: UTF8.self)) is no month (01–12)" }
        let days = daysIn(month: month, year: year)
        if !(1...days).contains(day) {
            return "\(String(decoding: bytes[0..<10], as: UTF8.self)) is not a date (\(months[Int(month) - 1]) \(year) has \(days) days)"
        }
        if hour > 23 { return "hour \(String(decoding: bytes[11..<13], as: UTF8.self)) is no hour (00–23)" }
        if minute > 59 { return "minute \(String(decoding: bytes[14..<16], as: UTF8.self)) is no minute (00–59)" }
        var rest = bytes[16...]
        if rest.first == UInt8(ascii: ":"), let second = number(17..<19) {
            if second > 59 { return "second \(String(decoding: bytes[17..<19], as: UTF8.self)) is no second (00–59)" }
            rest = bytes[19...]
        }
        rest = rest.drop { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = rest.dropFirst().filter { $0 != UInt8(ascii: ":") }
            if digits.count == 4, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                let values = digits.map { Int64($0 - UInt8(ascii: "0")) }
                if values[0] * 10 + values[1] > 18 || values[2] * 10 + values[3] > 59 || (values[0] * 10 + values[1] == 18 && values[2] + values[3] > 0) {
                    return "offset \(String(decoding: rest, as: UTF8.self)) is beyond ±18:00"
                }
            }
        }
        return nil
    }

    /// Unix seconds of a message `timestamp` (a string of digits).
    public static func seconds(unix text: String) -> Int64? {
        Int64(text)
    }

    /// The message or status times kops reads as one, in Unix seconds: after 1970-01-01 and before 2100-01-01. A
    /// 13-digit `timestamp` (milliseconds, JavaScript's `Date.now()`) read as seconds is in year 58856 and `0` is no
    /// time at all (kapso-api.md §7.3: Unix seconds). Small values stay readable: tests use them as toy clocks, and
    /// `StatusHistory` judges a status's time against its message's.
    public static let plausible: ClosedRange<Int64> = 1...4_102_444_800

    /// Unix seconds of a message's or status's `timestamp` (`"1795262400"`, or the integer), nil when it is missing,
    /// not digits (an ISO date where seconds belong) or outside `plausible` (milliseconds, `0`): such a value is no
    /// time kops may compute with or put in a query. KapsoDiagnostics `MessageTime` says what it is.
    public static func seconds(timestamp value: JSONValue?) -> Int64? {
        guard let seconds = value?.string.flatMap(seconds(unix:)) ?? value?.int.map(Int64.init), plausible.contains(seconds) else { return nil }
        return seconds
    }

    /// A message's or status's `timestamp` read within `plausible`: Unix seconds (`form` nil), else one of the forms a
    /// tool that rewrites Kapso's records writes, when it lands within `plausible` too and says which (`form`): an
    /// ISO-8601 time with `Z` or an offset (unambiguous; kapso-api.md gotcha 16: "every other time is ISO-8601 UTC …
    /// sometimes with microseconds"), 13 digits of Unix milliseconds (JavaScript's `Date.now()`), whole seconds kept, or
    /// fractional Unix seconds (`"1795262100.25"`). Nil when it is none of these within `plausible`. The one reading of
    /// a message's own time (`Message.time`) and its statuses' (`StatusHistory`; probe23 P23-4, probe25 P25-12, probe26
    /// P26-17: the message's own ISO or millisecond `timestamp` was "unreadable" while its statuses' were read).
    public static func reading(timestamp value: JSONValue?, within plausible: ClosedRange<Int64>) -> (seconds: Int64, form: String?)? {
        guard let value, !value.isNull else { return nil }
        if let seconds = seconds(timestamp: value), plausible.contains(seconds) { return (seconds, nil) }
        if let iso = value.string.flatMap(seconds(iso:)), plausible.contains(iso) { return (iso, "ISO-8601") }
        let text = value.string ?? value.int.map(String.init) ?? value.serialized()
        let digits = text.hasPrefix("-") ? "" : text
        if digits.count == 13, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let millis = Int64(digits),
            plausible.contains(millis / 1000)
        {
            return (millis / 1000, "Unix milliseconds")
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 10, !parts[1].isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let whole = Int64(parts[0]), plausible.contains(whole)
        {
            return (whole, "fractional Unix seconds")
        }
        return nil
    }

    /// Unix seconds of an HTTP `Date` header in IMF-fixdate form (`Sat, 21 Nov 2026 12:00:00 GMT`).
    public static func seconds(httpDate text: String) -> Int64? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", parts[1].count == 2, parts[3].count == 4,
            let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        return seconds(iso: "\(parts[3])-\(monthText)-\(parts[1])T\(parts[4])Z")
    }

    /// `2026-11-20T09:15:00Z` for Unix seconds.
    public static func iso(_ seconds: Int64) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - day * 86_400
        let (year, month, dayOfMonth) = civil(days: day)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))T\(two(time / 3_600)):\(two(time % 3_600 / 60)):\(two(time % 60))Z"
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
