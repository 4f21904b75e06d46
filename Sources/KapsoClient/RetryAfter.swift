/// Reads a `Retry-After` header (RFC 9110 §10.2.3): `120` (delay-seconds, digits only) or an HTTP-date
/// (`Wed, 02 Dec 2026 08:00:00 GMT`; the obsolete RFC 850 and asctime forms of §5.6.7 too).
///
/// A date is counted from the same response's `Date` header (the server's clock, so a skewed local clock does not
/// change the wait), else from `serverTime`, the API's clock at an earlier answer; with neither it is not read.
public enum RetryAfter {
    /// The longest wait read, in seconds (about 31 years): digits past it would overflow an `Int` (probe20 P20-3).
    public static let longest = 999_999_999

    /// The longest wait kops states as the server's schedule: a day (86 400 s). Kapso's own 429 asks for 60 s (kapso-api.md
    /// §1.5) and the limits behind a WhatsApp 429 count per second, hour or rolling 24 hours at most (Meta's messaging
    /// limits are per 24 hours), so a longer wait is a proxy's or a server's mistake (a value in milliseconds, a
    /// placeholder), not a time to plan by: it is named as the server's implausible ask (tester61 AH16: `Retry-After:
    /// 99999999` read "retry in 1157 days"; docs/terminal-and-transport.md).
    public static let plausible = 86_400

    /// True for a wait past `plausible`.
    public static func isImplausible(_ seconds: Int) -> Bool { seconds > plausible }

    /// Seconds to wait, 0 for a date already past; nil when absent or unreadable (`-5`, `soon`, `1.5`), which the
    /// caller treats like no header (Kapso's own 429 says `Retry-After: 60`, kapso-api.md §1.5).
    public static func seconds(_ value: String?, date: String?, serverTime: Int64?) -> Int? {
        guard let text = value?.trimmed, !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            return text.utf8.count > 9 ? longest : Int(text)
        }
        guard let at = httpDate(text), let now = date.flatMap(httpDate) ?? serverTime else { return nil }
        return Int(min(max(at - now, 0), Int64(longest)))
    }

    /// Unix seconds of an HTTP-date in any of its three forms: `Sun, 06 Nov 1994 08:49:37 GMT`,
    /// `Sunday, 06-Nov-94 08:49:37 GMT` (a two-digit year 70–99 is 19xx, else 20xx: RFC 9110's "not more than 50 years
    /// ahead" rule, read until 2070) and `Sun Nov  6 08:49:37 1994`; nil for anything else.
    static func httpDate(_ text: String) -> Int64? {
        if let seconds = KapsoTime.seconds(httpDate: text) { return seconds }
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func iso(year: Int, month: Substring, day: Substring, time: Substring) -> Int64? {
            guard let index = months.firstIndex(of: String(month)), let dayNumber = Int(day), (1...31).contains(dayNumber),
                time.count == 8, (1_000...9_999).contains(year)
            else { return nil }
            let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
            return KapsoTime.seconds(iso: "\(year)-\(two(index + 1))-\(two(dayNumber))T\(time)Z")
        }
        // rfc850-date: `Sunday, 06-Nov-94 08:49:37 GMT`.
        if parts.count == 4, parts[0].hasSuffix(","), parts[3] == "GMT" {
            let date = parts[1].split(separator: "-")
            guard date.count == 3, date[2].count == 2, let short = Int(date[2]) else { return nil }
            return iso(year: short < 70 ? 2_000 + short : 1_900 + short, month: date[1], day: date[0], time: parts[2])
        }
        // asctime-date: `Sun Nov  6 08:49:37 1994` (the day padded with a space, which `split` drops).
        if parts.count == 5, let year = Int(parts[4]) {
            return iso(year: year, month: parts[1], day: parts[2], time: parts[3])
        }
        return nil
    }
}

extension String {
    fileprivate var trimmed: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
