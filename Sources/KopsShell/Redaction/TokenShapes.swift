internal import KapsoDiagnostics

/// Credentials recognised by their shape in an error line, whether or not kops learned them: a word that starts with
/// a credential prefix (`TokenPrefix.all`: `EAA…`, `whsec_…`, `sk_…`, `kapso_…`, `kops_…`, `Bearer…`) and goes on for
/// a random-looking run (a digit, or both letter cases) to 12 characters or more. An error quotes what it was given
/// (`cannot read 'EAAGm0PX4ZCpsBAKZCZBkZC…' as an id`), cut to fit, or what a server echoed; either way a token's
/// first 20 characters are no safer than its whole (probe24 P24-13).
///
/// A JWT or a SendGrid key (`DottedTokens`) is read as one word across its dots and masked whole (session 33).
enum TokenShapes {
    /// The fewest characters a masked word has: `whsec_demo1` (11) stays, as do `EAA` words and event names.
    static let minimumLength = 12

    /// `line` with every token-shaped word replaced by `<redacted>`, and every word with a credential prefix right
    /// after a secret-named label (`access_token=EAAGm0PX4Z`, `token:sk_live_1`) however short: an error quotes a value
    /// cut to fit, and `access_token=` took 13 of its 23 characters, leaving 10 of the token, too few for the shape
    /// alone (probe25 P25-1). The label makes a token more certain, not less.
    static func masked(_ line: String) -> String {
        var bytes = line
        guard bytes.withUTF8({ ShapedCredentials.mayOccur(in: $0) }) else { return line }
        return maskedByCharacter(line)
    }

    /// `masked(_:)` without its byte test in front (`ShapedCredentials.mayOccur`): the reading the test must agree
    /// with (`ShapedCredentialsTests`). The test it had before looked for a prefix only after a space, a quote or `;`,
    /// so `(EAAG…)` and `/EAAG…` in a line with no `:` or `=` were printed as they were.
    static func maskedByCharacter(_ line: String) -> String {
        var result = ""
        var word = ""
        var lastWord = ""
        var afterLabel = false
        // A label (`API key`, `"client_secret"`) and its `:` or `=` came, then only spaces and quotes (`SecretLabels`);
        // a label came, and only spaces and quotes since.
        var afterKeyLabel = false
        var labelWaits = false
        func judged(_ word: String, labelled: Bool, keyLabelled: Bool) -> String {
            isToken(word) || (labelled && isLabelledToken(word)) || (keyLabelled && SecretLabels.isKeyLike(word)) ? "<redacted>" : word
        }
        func flush() {
            if word.utf8.contains(UInt8(ascii: ".")) {
                // A word that took dots (`DottedTokens`) is masked whole, or read as the words its dots part, as before.
                let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                result += DottedTokens.isToken(word)
                    ? "<redacted>"
                    : parts.enumerated().map { judged($1, labelled: $0 == 0 && afterLabel, keyLabelled: $0 == 0 && afterKeyLabel) }
                        .joined(separator: ".")
                word = parts.last ?? ""
            } else {
                result += judged(word, labelled: afterLabel, keyLabelled: afterKeyLabel)
            }
            if !word.isEmpty { (afterKeyLabel, labelWaits) = (false, false) }
            lastWord = word
            word = ""
        }
        // After a character that is no word's: a separator ends a waiting label, a space or quote lets it wait on.
        func followLabel(separator: Bool, skipped: Bool) {
            let label = !lastWord.isEmpty && SecretLabels.isLabel(lastWord)
            if separator {
                (afterKeyLabel, labelWaits) = (label || labelWaits, false)
            } else if skipped {
                labelWaits = label || labelWaits
            } else {
                (afterKeyLabel, labelWaits) = (false, false)
            }
        }
        func isWordCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
        }
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if isWordCharacter(character) {
                word.append(character)
            } else if character == ".", index < characters.count, isWordCharacter(characters[index]) || characters[index] == ".",
                DottedTokens.continues(word)
            {
                // A JWT's or SendGrid key's dot joins its parts into one word (`DottedTokens`); a JWE's part may be empty.
                word.append(character)
            } else if character == "%", index + 1 < characters.count, let high = characters[index].asciiValue.flatMap(ShapedCredentials.hexValue),
                let low = characters[index + 1].asciiValue.flatMap(ShapedCredentials.hexValue)
            {
                // A percent-escape ends a word as its character would, and `%3D`/`%3A` label one as `=`/`:` do (probe29 P29-1).
                flush()
                afterLabel = (high << 4 | low == 0x3D || high << 4 | low == 0x3A) && !lastWord.isEmpty && Redactor.isSecretName(lastWord)
                followLabel(
                    separator: high << 4 | low == 0x3D || high << 4 | low == 0x3A,
                    skipped: SecretLabels.isSkippedEscape(characters[index].asciiValue ?? 0, characters[index + 1].asciiValue ?? 0))
                lastWord = ""
                result.append(character)
                result.append(characters[index])
                result.append(characters[index + 1])
                index += 2
            } else {
                flush()
                afterLabel = (character == "=" || character == ":") && !lastWord.isEmpty && Redactor.isSecretName(lastWord)
                followLabel(separator: character == "=" || character == ":", skipped: " \t\"'\\".contains(character))
                lastWord = ""
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// True for a word after a secret-named label that starts with a credential prefix and goes on past it with a
    /// token's body (`hasTokenBody`: `EAAGm0PX4Z`); `EAA` alone or an environment variable's name is none.
    static func isLabelledToken(_ word: String) -> Bool {
        guard !HistoryPolicy.isEnvironmentName(word) else { return false }
        let lower = word.lowercased()
        guard let prefix = HistoryPolicy.tokenPrefixes.first(where: { lower.hasPrefix($0) && word.count > $0.count }) else {
            return false
        }
        return hasTokenBody(word.dropFirst(prefix.count))
    }

    /// True when `rest`, what follows a credential prefix, reads as a token's random part: it holds a digit, or changes
    /// between lower and upper case inside its words at least twice (`AbCdEf`). Words joined by `_` or `-`, capitalised
    /// or not, are none: `kapso_welcome_message`, `sk_order_reminder`, `Kapso_Support_Line` are a template's, a tag's or
    /// a name's words (probe36 P36-7: they were masked in every sink, `no template named '<redacted>'`, and transcripts
    /// could not replay them). A prefix alone no longer makes a token; its body must look like one.
    static func hasTokenBody(_ rest: Substring) -> Bool {
        if rest.contains(where: \.isNumber) { return true }
        let changes = rest.split(whereSeparator: { $0 == "_" || $0 == "-" }).reduce(0) { $0 + HistoryPolicy.classChanges(String($1)).changes }
        return changes >= 2
    }

    /// True for a word with a credential prefix (any ASCII case), at least `minimumLength` characters, whose rest
    /// looks random (`hasTokenBody`); an environment variable's name (`KAPSO_API_KEY`) is none.
    static func isToken(_ word: String) -> Bool {
        guard word.count >= minimumLength, !HistoryPolicy.isEnvironmentName(word) else { return false }
        let lower = word.lowercased()
        guard let prefix = HistoryPolicy.tokenPrefixes.first(where: { lower.hasPrefix($0) }) else { return false }
        return hasTokenBody(word.dropFirst(prefix.count))
    }

}

extension Redactor {
    /// An error line as every sink shows it: known secrets and their pieces redacted (`redact(_:)`), then every
    /// token-shaped word (`TokenShapes`), learned or not.
    public func redact(errorLine line: String) -> String {
        TokenShapes.masked(redact(line))
    }
}
