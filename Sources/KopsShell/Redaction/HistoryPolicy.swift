internal import KapsoDiagnostics

/// Which entered lines may be written to the history file: none that carries a secret.
///
/// Left out: lines starting with whitespace, lines with a URL that carries credentials, lines with a secret flag (`--secret`, `--secret-key`,
/// `--api-key`, `--token`, `--password`, also as `--flag=value`, and misspellings of them such as `--sec`),
/// `set NAME …`, `set NAME=…` or any `NAME=…` word (`export APP_SECRET=…`) where NAME looks secret (key, secret, token, password, pw, bearer, whsec), and lines with a token-shaped word (`sk_…`, `whsec_…`, `Bearer …`,
/// or a long mix of letters and digits that is not an id). Words are the lexer's own, so a tab, quotes
/// or `=` hide nothing; a line the lexer refuses is split on whitespace, quotes, `=` and `;` instead.
public enum HistoryPolicy {
    /// The credential prefixes lower-cased (`TokenPrefix.all`: `sk_`, `whsec_`, `kapso_`, `kops_`, `eaa`, `bearer`).
    static let tokenPrefixes = TokenPrefix.all.map(\.folded)

    /// True when `line` may be saved to the history file.
    public static func allows(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, !first.properties.isWhitespace else { return line.isEmpty }
        // A URL carrying a password or a token (`https://user:pass@…`, `?token=…`).
        guard Redactor.maskURLCredentials(line) == line else { return false }
        let commands: [[String]]
        if let spans = try? Lexer.spans(in: line) {
            guard !spans.contains(where: { !Redactor.secretSources(in: $0).isEmpty }) else { return false }
            commands = spans.map { $0.map(\.word.text) }
        } else {
            commands = [line.split(whereSeparator: { $0.isWhitespace || ";=\"'".contains($0) }).map(String.init)]
            if commands[0].contains(where: Redactor.isSecretFlag) { return false }
            if commands[0].first == "set", commands[0].count > 1, Redactor.isSecretName(commands[0][1]) { return false }
        }
        // `export APP_SECRET=…` or `KAPSO_API_KEY=…` typed into the shell: a secret-named assignment anywhere.
        if commands.joined().contains(where: { Redactor.secretAssignment(String($0.drop { $0 == "-" })) != nil }) {
            return false
        }
        // A token can hide inside a quoted word or after `=`: look at every piece.
        let pieces = commands.joined().flatMap { $0.split(whereSeparator: { $0.isWhitespace || "=\"'".contains($0) }) }
        return !pieces.contains { isTokenShaped(String($0)) }
    }

    /// `sk_live_…`, `whsec_…`, or 20+ letters and digits mixed that are not a UUID, a WhatsApp message id or hex.
    static func isTokenShaped(_ word: String) -> Bool {
        let lower = word.lowercased()
        if hasTokenPrefix(word) { return true }
        guard word.count >= 20, !lower.hasPrefix("wamid."), !isUUID(lower) else { return false }
        guard word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.+/".contains($0)) }) else {
            return false
        }
        let hasLetters = word.contains(where: \.isLetter)
        let hasDigits = word.contains(where: \.isNumber)
        let isHex = lower.allSatisfy(\.isHexDigit)
        return hasLetters && hasDigits && !isHex
    }

    /// True for a word that starts like a credential (`TokenPrefix.all`: `whsec_`, `sk_`, `kapso_`, `kops_`, `EAA`,
    /// `Bearer`, in any case) and goes on for more than three characters after it, unless it names webhook events
    /// (`kapso_agent.run.failed`, `WebhookEvents.namesEventsOnly`) or an environment variable (`KAPSO_API_KEY`:
    /// `isEnvironmentName`).
    static func hasTokenPrefix(_ word: String) -> Bool {
        let lower = word.lowercased()
        return tokenPrefixes.contains { lower.hasPrefix($0) && word.count > $0.count + 3 }
            && !WebhookEvents.namesEventsOnly(word) && !isEnvironmentName(word)
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
