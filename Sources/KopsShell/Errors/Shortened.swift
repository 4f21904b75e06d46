internal import KopsHTTP

/// A value echoed in an error, cut to fit one line: `aaaa…zzzz` keeps the start and the end, e.g. a pasted
/// 2,000-character body becomes its first 24 and last 12 characters around `…`.
public enum Shortened {
    /// The most characters an echoed value keeps.
    public static let limit = 40

    /// `value` when it has at most `limit` characters, else its first 60 % and last 30 % around `…`.
    /// A value cut this way is masked first by what the text shows of a credential (`Redactor`'s shapes: a `Bearer` or
    /// `X-Webhook-Secret:` label, a token prefix): the cut can drop the label, and the sink's masking after it then saw
    /// only the token's tail, printed in clear (tester59b AG10: `'exit status 3 Bearer abc…789abcdefXYZ'`).
    public static func text(_ value: String, limit: Int = limit) -> String {
        guard value.count > limit else { return value }
        let value = afterSchemesMasked(Redactor().redact(value))
        guard value.count > limit else { return value }
        return String(value.prefix(limit * 6 / 10)) + "…" + String(value.suffix(limit * 3 / 10))
    }
}

extension Shortened {
    /// `text` with a word of 8 or more characters, a digit among them, after an authorization scheme word (`Bearer abcdef0123…`,
    /// `StrongSecretLabels.schemes`) as `<redacted>`: without its `Authorization:` label the redactor leaves it, and a
    /// cut keeps its tail alone.
    static func afterSchemesMasked(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices.dropFirst()
        where StrongSecretLabels.schemes.contains(words[index - 1].lowercased()) && words[index].count >= 8
            && words[index].contains(where: \.isNumber)
        {
            words[index] = Secret.redactedText
        }
        return words.joined(separator: " ")
    }
}

/// Names listed in an error, at most five: `a, b, c, d, e and 9995 more`.
public enum NameList {
    public static func text(_ names: [String], limit: Int = 5) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
