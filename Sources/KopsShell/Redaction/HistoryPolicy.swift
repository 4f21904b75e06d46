internal import KapsoDiagnostics

/// Which entered lines may be written to the history file: none that carries a secret.
///
/// Left out: lines starting with whitespace, lines with a URL that carries credentials, lines with a secret flag (`--secret`, `--secret-key`,
/// `--api-key`, `--token`, `--password`, also as `--flag=value`, and misspellings of them such as `--sec`),
/// `set NAME …`, `set NAME=…` or any `NAME=…` word (`export APP_SECRET=…`) where NAME looks secret (key, secret, token, password, pw, bearer, whsec), and lines with a token-shaped word (`sk_…`, `whsec_…`, `Bearer …`,
/// or a long mix of letters and digits that is not an id). Words are the lexer's own, so a tab, quotes
/// or `=` hide nothing; a line the lexer refuses is split on whitespace, quotes, `=` and `;` instead.
public enum HistoryPolicy {
    /// The credential prefixes lower-cased (`TokenPrefix.all`: `sk_`, `whsec_`, `kapso_`, `kops_`, `eaa`, `bearer`, GitHub's,
    /// Slack's, GitLab's): the list every sink masks by. `isTokenShaped`'s random-mix rule is this file's alone: a line
    /// kept out costs little, a word masked in every sink (an unprefixed WAMID) costs the evidence (probe33 P33-6).
    static let tokenPrefixes = TokenPrefix.all.map(\.folded)

    /// True when `line` may be saved to the history file.
    public static func allows(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, !first.properties.isWhitespace else { return line.isEmpty }
        // A URL carrying a password or a token (`https://user:pass@…`, `?token=…`).
        guard Redactor.maskURLCredentials(line) == line else { return false }
        let spans = try? Lexer.spans(in: line)
        let commands = words(of: line, spans: spans)
        if let spans {
            guard !spans.contains(where: { !Redactor.secretSources(in: $0).isEmpty }) else { return false }
        } else {
            if commands[0].contains(where: Redactor.isSecretFlag) { return false }
            if commands[0].first == "set", commands[0].count > 1, Redactor.isSecretName(commands[0][1]) { return false }
        }
        // `profile add … --key-command 'echo KEY'`: refused as a key written into it, and kept out of the file too, though
        // the key is another project's, which kops does not know yet (tester54b W5).
        if commands.contains(where: { words in keyCommand(in: words).map(KeyCommand.printsLiteralKey) == true }) { return false }
        // `profile add … --key-env test_key_0123456789`: a value shaped like a key, refused unsaved unless a variable of that
        // name is set, and kept out of the file either way (tester69b D5: the refused value stayed in the history file).
        if commands.contains(where: { words in value(of: "--key-env", in: words).map(KeyEnvName.looksLikeKey) == true }) { return false }
        // `export APP_SECRET=…` or `KAPSO_API_KEY=…` typed into the shell: a secret-named assignment anywhere.
        if commands.joined().contains(where: { Redactor.secretAssignment(String($0.drop { $0 == "-" })) != nil }) {
            return false
        }
        return tokenShapedPieces(of: commands).isEmpty
    }

    /// The commands of `line` as words: the lexer's own, or for a line it refuses, `line` split on whitespace, quotes,
    /// `=` and `;` as one command.
    static func words(of line: String, spans: [[WordSpan]]?) -> [[String]] {
        if let spans { return spans.map { $0.map(\.word.text) } }
        return [line.split(whereSeparator: { $0.isWhitespace || ";=\"'".contains($0) }).map(String.init)]
    }

    /// The pieces of `line` that `allows` keeps it out of the history file for as token-shaped (`isTokenShaped`):
    /// `kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz` in `use kx9F…`. The transcript redacts them too (tester57 AB12).
    public static func tokenShapedPieces(in line: String) -> [String] {
        tokenShapedPieces(of: words(of: line, spans: try? Lexer.spans(in: line)))
    }

    private static func tokenShapedPieces(of commands: [[String]]) -> [String] {
        // A token can hide inside a quoted word or after `=`: look at every piece.
        let pieces = commands.joined().flatMap { $0.split(whereSeparator: { $0.isWhitespace || "=\"'".contains($0) }) }
        return pieces.map(String.init).filter(isTokenShaped)
    }

    /// The value of a command's `--key-command` (`--key-command VALUE` or `--key-command=VALUE`), nil without one.
    static func keyCommand(in words: [String]) -> String? { value(of: "--key-command", in: words) }

    /// The value of a command's `flag` (`FLAG VALUE` or `FLAG=VALUE`), nil without one.
    static func value(of flag: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == flag, index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix(flag + "=") { return String(word.dropFirst(flag.count + 1)) }
        }
        return nil
    }

    /// `sk_live_…`, `whsec_…`, or 20+ letters and digits mixed as a random token mixes them: not a UUID, a WhatsApp
    /// message or call id (`wamid.…`, `wacid.…`), hex, an id Kapso prints in clear (`req_8b9c…`, `wwe_…`: `isPrefixedHexID`), nor words and numbers
    /// joined (`release2026candidate`, `order4711shipped2026`: few changes between letters and digits, `classChanges`). Probe22
    /// P22-7: those were kept out of the history file, so the log search kops suggests for a request id and a tag
    /// were gone after a restart.
    static func isTokenShaped(_ word: String) -> Bool {
        let lower = word.lowercased()
        if hasTokenPrefix(word) { return true }
        guard word.count >= 20, !lower.hasPrefix("wamid."), !lower.hasPrefix("wacid."), !isUUID(lower), !isPrefixedHexID(lower)
        else { return false }
        guard word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.+/".contains($0)) }) else {
            return false
        }
        let hasLetters = word.contains(where: \.isLetter)
        let hasDigits = word.contains(where: \.isNumber)
        let isHex = lower.allSatisfy(\.isHexDigit)
        // Hex parts between separators are ids, as a hex word is (a UUID in a path, `/tmp/kops-C1F074A6-49A2-…/t.md`).
        let parts = word.split(whereSeparator: { "_-./+".contains($0) }).filter { !$0.allSatisfy(\.isHexDigit) }
        guard parts.contains(where: { $0.contains(where: \.isNumber) }) else { return false }
        let (changes, length) = classChanges(parts.joined(separator: "-"))
        return hasLetters && hasDigits && !isHex && changes >= max(4, length / 4)
    }

    /// How often `word` changes between lower-case letters, upper-case letters and digits (other characters ignored; a
    /// capital before lower case starts a word and is no change), and how many letters and digits it has:
    /// `release2026candidate` changes 2 times in 20, `ReleaseCandidate2026Final` 3 in 24, `build-2026-12-02-rc1` 3 in 17,
    /// `Kx9fQ2mZp7` 6 in 10. A random token changes about every other character (base62: 1 − (26² + 26² + 10²)/62² ≈ 0.62
    /// a character, 0.45 without the capital-then-lower pairs; base36, lower case and digits, ≈ 0.4); words and numbers a
    /// person joins change a few times.
    static func classChanges(_ word: String) -> (changes: Int, length: Int) {
        var changes = 0
        var length = 0
        var last: Int?
        for character in word where character.isLetter || character.isNumber {
            let kind = character.isNumber ? 0 : character.isUppercase ? 1 : 2
            // A capital followed by lower case starts a word (`ReleaseCandidate`): not a change.
            if let last, last != kind, !(last == 1 && kind == 2) { changes += 1 }
            last = kind
            length += 1
        }
        return (changes, length)
    }

    /// `req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02`, `wwe_…`: a short lower-case prefix, `_`, and 16 or more hex digits, the
    /// form of the request and event ids Kapso's log search returns and `logs --ids` prints in clear (kapso-api.md
    /// §14.4 log search). A credential prefix (`sk_`, `whsec_`, `TokenPrefix.all`) is checked before, so stays a token.
    static func isPrefixedHexID(_ lower: String) -> Bool {
        let parts = lower.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, (2...6).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLetter }),
            parts[1].count >= 16
        else { return false }
        return parts[1].allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// The one line said the first time in a session that a typed line is kept out of the history file for what it
    /// holds (probe22 P22-7: it happened without a word, and the line was missing after a restart). A line started
    /// with a space is left out as asked, without it.
    public static let keptOutNotice =
        "note: that line is not saved in the history file: it holds what looks like a secret (a key, a token, a secret "
        + "flag or a secret-named value); ↑ recalls it until kops ends (said once)"

    /// True for a word that starts like a credential (`TokenPrefix.all`: `whsec_`, `sk_`, `kapso_`, `kops_`, `EAA`,
    /// `Bearer`, in any case) and goes on for more than three characters after it that read as a token's body
    /// (`TokenShapes.hasTokenBody`: `kapso_welcome_message` is words, probe36 P36-7), or is a dotted token whole (a JWT,
    /// a SendGrid key: `DottedTokens`), unless it names webhook events
    /// (`kapso_agent.run.failed`, `WebhookEvents.namesEventsOnly`) or an environment variable (`KAPSO_API_KEY`:
    /// `isEnvironmentName`).
    static func hasTokenPrefix(_ word: String) -> Bool {
        if DottedTokens.isToken(word) { return true }
        let lower = word.lowercased()
        return tokenPrefixes.contains { lower.hasPrefix($0) && word.count > $0.count + 3 && TokenShapes.hasTokenBody(word.dropFirst($0.count)) }
            && !WebhookEvents.namesEventsOnly(word) && !isEnvironmentName(word) && !TokenShapes.isLowercaseHex(word)
    }

    /// `KAPSO_API_KEY`, `EAGLE_KAPSO_KEY2`: upper-case words of letters joined by `_` (a part may mix in digits only
    /// when short, `KEY2`, `V1`), the name `profile add --key-env` and `help configuration` show, not a key: a
    /// token's random part mixes letters and digits at length, and real prefixes are typed in lower case (probe18
    /// P18-9: the name was redacted everywhere once typed).
    static func isEnvironmentName(_ word: String) -> Bool {
        guard let first = word.first, first.isASCII, first.isUppercase,
            word.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isUppercase || $0.isNumber)) })
        else { return false }
        return word.split(separator: "_").allSatisfy { part in
            part.allSatisfy(\.isLetter) || part.allSatisfy(\.isNumber) || part.count <= 4
        }
    }

    private static func isUUID(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

/// Decides, line by line, what reaches the history file, and says once a session when a line is kept out of it.
public struct HistoryGate: Sendable {
    private var told = false

    public init() {}

    /// Whether `line` may be saved, and the notice to show (`HistoryPolicy.keptOutNotice`) the first time one is kept
    /// out for holding a secret; nil after that, for an allowed line, and for a line started with a space.
    ///
    /// With `redactor` (the shell's, which redacts the terminal, transcripts and `history`), a line it would change is
    /// kept out too: one redaction for every sink (probe24 P24-3: a known secret, the API key or a webhook's
    /// `--secret-key` typed again in `logs search`, showed as `<redacted>` everywhere but in the file).
    public mutating func admit(_ line: String, redactor: Redactor? = nil) -> (save: Bool, notice: String?) {
        guard !HistoryPolicy.allows(line) || redactor.map({ $0.redact(commandLine: line) != line }) == true else {
            return (true, nil)
        }
        guard let first = line.unicodeScalars.first, !first.properties.isWhitespace, !told else { return (false, nil) }
        told = true
        return (false, HistoryPolicy.keptOutNotice)
    }
}
