/// A value echoed in an error, cut to fit one line: `aaaa…zzzz` keeps the start and the end, e.g. a pasted
/// 2,000-character body becomes its first 24 and last 12 characters around `…`.
public enum Shortened {
    /// The most characters an echoed value keeps.
    public static let limit = 40

    /// `value` when it has at most `limit` characters, else its first 60 % and last 30 % around `…`.
    public static func text(_ value: String, limit: Int = limit) -> String {
        guard value.count > limit else { return value }
        return String(value.prefix(limit * 6 / 10)) + "…" + String(value.suffix(limit * 3 / 10))
    }
}

/// Names listed in an error, at most five: `a, b, c, d, e and 9995 more`.
public enum NameList {
    public static func text(_ names: [String], limit: Int = 5) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
