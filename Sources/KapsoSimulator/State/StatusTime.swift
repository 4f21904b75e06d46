/// When an outbound message's status happened, read from its `timestamp` the way kops reads it (KapsoDiagnostics
/// `StatusHistory`), so the simulator's log search and kops's `trace` put a status at the same time.
///
/// Status times are Unix seconds as a string of digits (kapso-api.md §7.3, §0.16). Also read, as kops reads them
/// (probe23 P23-4, probe25 P25-12): a bare number, an ISO-8601 time, 13 digits of Unix milliseconds and fractional
/// Unix seconds, each only within an hour before to 31 days after the message's own time (2009–2100 when the message
/// has none). Anything else, 16 digits of microseconds and 19 of nanoseconds included (kops reads neither), is no
/// time: the caller places the status at its message's time. Whole seconds, as kops keeps.
enum StatusTime {
    static let earliestPlausible: Int64 = 1_230_768_000
    static let latestPlausible: Int64 = 4_102_444_800
    static let before: Int64 = 3_600
    static let after: Int64 = 31 * 86_400

    /// The status's time, or nil when kops would call its `timestamp` unusable; `message` is its message's
    /// `timestamp`.
    static func read(_ value: JSONValue?, message: JSONValue?) -> Timestamp? {
        guard let value, !value.isNull else { return nil }
        let plausible = unixSeconds(message).map { ($0 - before)...($0 + after) } ?? (earliestPlausible...latestPlausible)
        let candidates = [unixSeconds(value), iso(value), milliseconds(value), fractionalSeconds(value)]
        guard let seconds = candidates.lazy.compactMap({ $0 }).first(where: plausible.contains) else { return nil }
        return Timestamp(unixSeconds: seconds)
    }

    /// `"1795262400"` or `1795262400` (also `1795262400.0`), within 1970–2100 (KapsoClient `KapsoTime.plausible`).
    static func unixSeconds(_ value: JSONValue?) -> Int64? {
        let seconds: Int64? =
            switch value {
            case .string(let text)?: Int64(text)
            case .int(let number)?: Int64(number)
            case .double(let number)?: Int64(exactly: number)
            default: nil
            }
        return seconds.flatMap { (1...latestPlausible).contains($0) ? $0 : nil }
    }

    /// `"2026-11-21T11:55:02Z"`, with a fraction or an offset.
    private static func iso(_ value: JSONValue) -> Int64? {
        guard let text = value.stringValue else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        return Timestamp(iso: text)?.seconds
    }

    /// 13 digits (JavaScript's `Date.now()`), as a string or a number: their whole seconds.
    private static func milliseconds(_ value: JSONValue) -> Int64? {
        let text: String? =
            switch value {
            case .string(let text): text
            case .int(let number): String(number)
            default: nil
            }
        guard let text, text.utf8.count == 13, text.utf8.allSatisfy({ (48...57).contains($0) }), let millis = Int64(text)
        else { return nil }
        return millis / 1000
    }

    /// `"1795262100.25"` or `1795262100.25` (a float a tool wrote back): the whole seconds of 10 digits before the point.
    private static func fractionalSeconds(_ value: JSONValue) -> Int64? {
        switch value {
        case .string(let text):
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].utf8.count == 10, !parts[1].isEmpty,
                parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } })
            else { return nil }
            return Int64(parts[0])
        case .double(let number) where number >= 1e9 && number < 1e10: return Int64(number.rounded(.down))
        default: return nil
        }
    }
}
