/// Which entered lines may be written to the history file: none that carries a secret.
///
/// Left out: lines starting with a space, lines with a secret flag (`--secret`, `--secret-key`,
/// `--api-key`, `--token`), `set api_key …`-style lines, and lines with a token-shaped word
/// (`sk_…`, `whsec_…`, `Bearer …`, or a long mix of letters and digits that is not an id).
public enum HistoryPolicy {
    static let tokenPrefixes = ["sk_", "whsec_", "kapso_", "kops_", "eaa", "bearer"]

    /// True when `line` may be saved to the history file.
    public static func allows(_ line: String) -> Bool {
        guard !line.hasPrefix(" ") else { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "=" || $0 == "\"" || $0 == "'" })
            .map(String.init)
        for (index, word) in words.enumerated() {
            if Redactor.secretFlags.contains(word) { return false }
            if word == "set", index + 1 < words.count, Redactor.secretVariables.contains(words[index + 1].lowercased())
            {
                return false
            }
            if isTokenShaped(word) { return false }
        }
        return true
    }

    /// `sk_live_…`, `whsec_…`, or 20+ letters and digits mixed that are not a UUID, a WhatsApp message id or hex.
    static func isTokenShaped(_ word: String) -> Bool {
        let lower = word.lowercased()
        if tokenPrefixes.contains(where: { lower.hasPrefix($0) && word.count > $0.count + 3 }) { return true }
        guard word.count >= 20, !lower.hasPrefix("wamid."), !isUUID(lower) else { return false }
        guard word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.+/".contains($0)) }) else {
            return false
        }
        let hasLetters = word.contains(where: \.isLetter)
        let hasDigits = word.contains(where: \.isNumber)
        let isHex = lower.allSatisfy(\.isHexDigit)
        return hasLetters && hasDigits && !isHex
    }

    private static func isUUID(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
