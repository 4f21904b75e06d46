public import KapsoClient
public import KopsHTTP

extension Redactor {
    /// Headers whose values never appear in text: `Authorization: Bearer …` → `Authorization: <redacted>`.
    static let credentialHeaders = ["authorization", "proxy-authorization", "x-api-key"]

    /// Signature headers: masked in transcripts; the terminal shows them (`payload sample` prints one
    /// made with a placeholder secret, for checking a receiver).
    static let signatureHeaders = ["x-webhook-signature", "x-hub-signature-256", "x-hub-signature"]

    /// Flags whose value is a secret in a command line: `verify --secret S` → `verify --secret <redacted>`.
    static let secretFlags: Set<String> = ["--secret", "--secret-key", "--api-key", "--token"]

    /// Names that `set NAME VALUE` must not show the value of.
    static let secretVariables: Set<String> = ["api_key", "apikey", "key", "token", "secret", "secret_key"]

    /// `text` with the value of every credential header (and signature header when asked), to the end of
    /// its line or a closing quote, replaced by `<redacted>`.
    public static func maskHeaders(_ text: String, signatures: Bool = false) -> String {
        let secretHeaders = credentialHeaders + (signatures ? signatureHeaders : [])
        guard
            secretHeaders.contains(where: { header in
                ByteSearch.contains(header + ":", in: text, ignoringASCIICase: true)
                    || ByteSearch.contains(header + "\":", in: text, ignoringASCIICase: true)
            })
        else { return text }
        var characters = Array(text)
        var folded = characters.map { $0.isASCII ? Character($0.lowercased()) : $0 }
        var index = 0
        while index < characters.count {
            guard let header = secretHeaders.first(where: { matches($0, in: folded, at: index) }) else {
                index += 1
                continue
            }
            // `Name: value` in text, or `"Name": "value"` in JSON.
            var start = index + header.count
            if start < characters.count, characters[start] == "\"" { start += 1 }
            guard start < characters.count, characters[start] == ":" else {
                index = start
                continue
            }
            start += 1
            while start < characters.count, characters[start] == " " || characters[start] == "\"" { start += 1 }
            var end = start
            while end < characters.count, !characters[end].isNewline, characters[end] != "\"" { end += 1 }
            if end > start, String(characters[start..<end]) != "<redacted>" {
                characters.replaceSubrange(start..<end, with: Array("<redacted>"))
                folded.replaceSubrange(start..<end, with: Array("<redacted>"))
            }
            index = start + 1
        }
        return String(characters)
    }

    private static func matches(_ word: String, in characters: [Character], at index: Int) -> Bool {
        guard index == 0 || !(characters[index - 1].isLetter || characters[index - 1] == "-") else { return false }
        let pattern = Array(word)
        guard index + pattern.count <= characters.count else { return false }
        return Array(characters[index..<(index + pattern.count)]) == pattern
    }

    /// A command line as it may be written to a transcript: secret flag values and `set api_key` values
    /// masked, known secrets replaced.
    public func redact(commandLine line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var result: [String] = []
        var maskNext = false
        for (offset, word) in words.enumerated() {
            if maskNext && !word.isEmpty {
                result.append("<redacted>")
                maskNext = false
                continue
            }
            let flag = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if Redactor.secretFlags.contains(flag) {
                if word.contains("=") {
                    result.append(flag + "=<redacted>")
                } else {
                    result.append(word)
                    maskNext = true
                }
                continue
            }
            if offset == 1, words.first == "set", Redactor.secretVariables.contains(word.lowercased()) {
                maskNext = true
            }
            result.append(word)
        }
        return redact(result.joined(separator: " "))
    }

    /// Remembers the values of secret flags (`--secret S`) so they are masked wherever they appear later.
    public mutating func learn(arguments words: [String]) {
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, Redactor.secretFlags.contains(parts[0]) {
                remember(parts[1])
            } else if Redactor.secretFlags.contains(word), index + 1 < words.count {
                remember(words[index + 1])
            }
        }
        if words.first == "set", words.count > 2, Redactor.secretVariables.contains(words[1].lowercased()) {
            remember(words[2...].joined(separator: " "))
        }
    }

    /// Remembers the values of secret-named fields in a response, e.g. a webhook's `secret_key`.
    public mutating func learn(from json: JSONValue?) {
        switch json {
        case .array(let items)?:
            for item in items { learn(from: item) }
        case .object(let object)?:
            for entry in object.entries {
                if Redactor.secretFields.contains(entry.key.lowercased()), let value = entry.value.string {
                    remember(value)
                } else {
                    learn(from: entry.value)
                }
            }
        default:
            break
        }
    }

    private mutating func remember(_ value: String) {
        // Short values would mask ordinary words; a masked form (`whsec_…23`) is not the secret.
        guard value.count >= 6, !value.contains("…"), !knownSecrets.contains(where: { $0.revealed == value }) else {
            return
        }
        knownSecrets.append(Secret(value))
    }
}
