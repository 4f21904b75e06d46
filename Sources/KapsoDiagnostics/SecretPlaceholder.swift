/// A `secret_key` (or any secret value) that is a placeholder or a reference to the secret, not the secret: what a
/// template, a `.env` file, a Windows shell or a code snippet holds where the secret goes (tester64b U5: `{{…}}`,
/// `%NAME%`, `<your-secret>`, `process.env.NAME`, `$(…)`, a bare `WEBHOOK_SECRET`, a literal `\n` were stored without
/// a word, and every delivery was then signed with that text). Kapso signs with the stored text as the HMAC key
/// ("HMAC-SHA256(webhook_secret_key, raw_request_body)", gokapso/agent-skills), so a receiver holding the real secret
/// rejects every delivery.
///
/// Not secrets themselves: kops names them in its advice (the variable to write as `${env:NAME}`).
public struct SecretPlaceholder: Sendable, Equatable {
    /// What the value is, for "--secret-key is …" (`a template placeholder ({{…}})`).
    public let problem: String
    /// The environment variable the value names, when it names one (`WEBHOOK_SECRET` of `%WEBHOOK_SECRET%`).
    public let variable: String?
    /// True when the value may still hold the secret (wrapped in typographic quotes or angle brackets, a literal `\n`
    /// after it): masked as a secret; false for a name or a template, which kops may show.
    public let holdsSecret: Bool

    /// The placeholder `value` is, or nil. Cheap checks first: most values are none of these (`isPlainASCIIKey`).
    public init?(_ value: String) {
        guard !Self.isPlainASCIIKey(value), let placeholder = Self.reading(value) else { return nil }
        self = placeholder
    }

    /// The placeholder `value` is, or nil, read form by form (what `init` answers for a value `isPlainASCIIKey` lets
    /// through).
    static func reading(_ value: String) -> SecretPlaceholder? {
        guard let first = value.first, let last = value.last else { return nil }
        return if value.count >= 4, value.hasPrefix("{{"), value.hasSuffix("}}") {
            SecretPlaceholder("a template placeholder ({{…}})", nil)
        } else if first == "<", last == ">", value.count >= 3 {
            SecretPlaceholder("a placeholder in angle brackets (<…>)", nil, holdsSecret: true)
        } else if first == "%", last == "%", value.count >= 3, Self.isName(value.dropFirst().dropLast()) {
            SecretPlaceholder("a Windows variable's name (%NAME%)", String(value.dropFirst().dropLast()))
        } else if value.hasPrefix("process.env."), Self.isName(value.dropFirst("process.env.".count)) {
            SecretPlaceholder("JavaScript naming an environment variable (process.env.NAME)", String(value.dropFirst("process.env.".count)))
        } else if value.hasPrefix("$("), last == ")" {
            SecretPlaceholder("a shell command ($(…)), not its output: kops runs no command", nil)
        } else if (first == "\u{201C}" && last == "\u{201D}") || (first == "\u{2018}" && last == "\u{2019}"), value.count >= 2 {
            SecretPlaceholder("wrapped in typographic quotes (“…”), as a document or chat shows a value", nil, holdsSecret: true)
        } else if value.hasSuffix("\\n") || value.hasSuffix("\\r") {
            SecretPlaceholder("a value ending with the two characters '\\\(last)' (a line end written as text, as a .env file or JSON holds it)", nil, holdsSecret: true)
        } else if Self.isSecretVariableName(value) {
            SecretPlaceholder("an environment variable's name, not its value", value)
        } else if Self.words.contains(value.lowercased()) || (value.count >= 3 && value.allSatisfy { $0 == first } && "x*X#.".contains(first)) {
            SecretPlaceholder("a placeholder ('\(value)'), not a secret", nil)
        } else {
            nil
        }
    }

    private init(_ problem: String, _ variable: String?, holdsSecret: Bool = false) {
        self.problem = problem
        self.variable = variable
        self.holdsSecret = holdsSecret
    }

    /// True when `value` can be none of the forms `init` reads, told from its bytes alone (no `Character` reading, no
    /// allocation), as a `whsec_…` key, a `Bearer …` header or most values the redactor learns are: all ASCII (so no
    /// typographic quote, and `lowercased()` keeps its length), a letter or digit first that starts no form (`{{`, `<`,
    /// `%`, `process.env.`, `$(`, `xxx…`/`XXX…`), a lower-case letter somewhere (so no upper-case variable name), no
    /// `\n`/`\r` written at its end, and either longer than every placeholder word or holding a byte no word holds (a
    /// digit, a dot: words are letters, `_` and `-`).
    static func isPlainASCIIKey(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, let last = bytes.last,
            first != UInt8(ascii: "p"), first != UInt8(ascii: "x"), first != UInt8(ascii: "X"),
            isASCIILetterOrDigit(first)
        else { return false }
        if bytes.dropLast().last == UInt8(ascii: "\\"),
            last == UInt8(ascii: "n") || last == UInt8(ascii: "r")
        {
            return false
        }
        var lowerCase = false
        var outsideWords = bytes.count > longestWord
        for byte in bytes {
            guard byte < 0x80 else { return false }
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") {
                lowerCase = true
            } else if !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")), byte != UInt8(ascii: "_"), byte != UInt8(ascii: "-") {
                outsideWords = true
            }
        }
        return lowerCase && outsideWords
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The byte length of the longest of `words` (19, `your_webhook_secret`).
    static let longestWord = words.map(\.utf8.count).max() ?? 0

    /// Placeholder words a sample or a template holds where the secret goes.
    static let words: Set<String> = [
        "changeme", "change_me", "change-me", "replace_me", "replace-me", "your_secret", "your-secret", "yoursecret",
        "your_webhook_secret", "your-webhook-secret", "secret", "my_secret", "my-secret", "todo", "placeholder",
    ]

    /// POSIX name (letters, digits and `_`, not starting with a digit).
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// An upper-case variable name of at least two words that names a secret (`WEBHOOK_SECRET`, `YOUR_SECRET`,
    /// `KAPSO_API_KEY`): random upper-case keys have no `_`-separated word such as these.
    static func isSecretVariableName(_ value: String) -> Bool {
        guard value.contains("_"), value.count <= 64, isName(value[...]),
            value.allSatisfy({ $0 == "_" || $0.isNumber || $0.isUppercase })
        else { return false }
        let parts = value.split(separator: "_")
        return parts.count >= 2 && parts.contains { ["SECRET", "KEY", "TOKEN", "PASSWORD", "PASS", "YOUR", "WEBHOOK"].contains($0) }
    }
}
