/// API times shortened for tables: `2026-11-20T14:30:06.123456Z` → `2026-11-20 14:30:06`.
enum TimeText {
    /// The date and time to the second, or the text unchanged when it is not ISO-8601.
    static func short(_ iso: String?) -> String {
        guard let iso, iso.count >= 19, iso.dropFirst(10).first == "T" else { return iso ?? "-" }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(8)
    }
}

extension TimeText {
    /// `2026-11-20T09:15:02Z` for Unix seconds (proleptic Gregorian, UTC), so message times sort with API times.
    static func iso(unix seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60))Z"
    }
}
