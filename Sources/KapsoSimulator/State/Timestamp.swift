/// A UTC instant with microsecond precision, formatted the ways the API writes times.
///
/// Formatting is done by hand (civil-from-days) so output never depends on locale or Foundation formatters.
struct Timestamp: Sendable, Comparable, Hashable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    var micros: Int64

    init(micros: Int64) {
        self.micros = micros
    }

    /// A time written in code (`Timestamp(seconds: 1_795_262_400)`); a time read from a seed or a request goes
    /// through `init?(unixSeconds:)`, which refuses what this would trap on.
    init(seconds: Int64) {
        self.micros = seconds * 1_000_000
    }

    /// The Unix seconds a time read from input may hold: about ±285,000 years, so that 13 digits of milliseconds
    /// read as seconds (year 58856, what a seed gets when a tool wrote `Date.now()`) still is one, and adding
    /// days or years to any of them stays far inside `Int64` microseconds (±292,000 years).
    static let readableSeconds: ClosedRange<Int64> = -9_000_000_000_000...9_000_000_000_000

    /// `readableSeconds` in microseconds: what a time read from input (a cursor's Unix microseconds) may hold, so that
    /// formatting it and moving it by days stays inside `Int64`.
    static let readableMicros: ClosedRange<Int64> =
        (readableSeconds.lowerBound * 1_000_000)...(readableSeconds.upperBound * 1_000_000)

    /// `seconds` since the epoch, or nil outside `readableSeconds` (16 digits of microseconds, 19 of nanoseconds),
    /// which in microseconds would overflow.
    init?(unixSeconds seconds: Int64) {
        guard Self.readableSeconds.contains(seconds) else { return nil }
        self.micros = seconds * 1_000_000
    }

    /// Parses `2026-11-20T14:32:10Z`, `2026-11-20T14:32:10.412000Z`, `2026-11-20T16:32:10+02:00` (an RFC 3339 offset,
    /// also `-0500`, as kops reads them: KapsoClient `KapsoTime.seconds(iso:)`) or a date alone (`2026-11-20`).
    init?(iso text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            bytes.count >= 10, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400
        var fraction: Int64 = 0
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
            else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            var index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while index < bytes.count, (48...57).contains(bytes[index]) {
                    if digits < 6 { fraction = fraction * 10 + Int64(bytes[index] - 48); digits += 1 }
                    index += 1
                }
                for _ in digits..<6 { fraction *= 10 }
            }
            guard let offset = Self.zoneOffset(bytes[index...]) else { return nil }
            seconds -= offset
        }
        self.micros = seconds * 1_000_000 + fraction
    }

    /// Whole seconds since the epoch.
    var seconds: Int64 { micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000 }

    /// `2026-11-20T14:32:10Z`: how API fields carry time.
    var iso: String {
        var bytes = Self.civil(seconds)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `Sat, 21 Nov 2026 12:00:00 GMT`: the HTTP `Date` header (IMF-fixdate).
    var httpDate: String {
        let text = Array(iso)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = Int(String(text[5..<7])) ?? 1
        return "\(weekdays[Int(((days % 7) + 7) % 7)]), \(String(text[8..<10])) \(months[month - 1]) "
            + "\(String(text[0..<4])) \(String(text[11..<19])) GMT"
    }

    /// `2026-11-20T14:32:10.412000Z`: how cursors carry time.
    var isoMicros: String {
        var bytes = Self.civil(seconds) + Array(".000000Z".utf8)
        Self.write(micros - seconds * 1_000_000, into: &bytes, at: 20, width: 6)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `1795185130`: how message timestamps are written (a string of Unix seconds).
    var unix: String { String(seconds) }

    func adding(seconds: Int64) -> Timestamp {
        Timestamp(micros: micros + seconds * 1_000_000)
    }

    func adding(micros delta: Int64) -> Timestamp {
        Timestamp(micros: micros + delta)
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.micros < rhs.micros }

    /// `2026-11-20T14:32:10` as bytes, digits written in place (this runs for every seeded record).
    private static func civil(_ seconds: Int64) -> [UInt8] {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes = Array("0000-00-00T00:00:00".utf8)
        bytes.reserveCapacity(28)
        write(year, into: &bytes, at: 0, width: 4)
        write(month, into: &bytes, at: 5, width: 2)
        write(day, into: &bytes, at: 8, width: 2)
        write(rest / 3600, into: &bytes, at: 11, width: 2)
        write(rest / 60 % 60, into: &bytes, at: 14, width: 2)
        write(rest % 60, into: &bytes, at: 17, width: 2)
        return bytes
    }

    /// Writes the last `width` decimal digits of `value` (≥ 0) over `bytes[start..<start + width]`.
    private static func write(_ value: Int64, into bytes: inout [UInt8], at start: Int, width: Int) {
        var rest = value
        var position = start + width - 1
        while position >= start {
            bytes[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            position -= 1
        }
    }

    /// Seconds east of UTC of a zone suffix: `Z`, none, `+02:00` or `-0500`; nil for anything else.
    private static func zoneOffset(_ zone: ArraySlice<UInt8>) -> Int64? {
        if zone.isEmpty || zone.elementsEqual("Z".utf8) { return 0 }
        guard let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var digits = Array(zone.dropFirst())
        if digits.count == 5, digits[2] == UInt8(ascii: ":") { digits.remove(at: 2) }
        guard digits.count == 4, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let hours = Int64(digits[0] - 48) * 10 + Int64(digits[1] - 48)
        let minutes = Int64(digits[2] - 48) * 10 + Int64(digits[3] - 48)
        guard hours < 24, minutes < 60 else { return nil }
        return (hours * 3_600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
