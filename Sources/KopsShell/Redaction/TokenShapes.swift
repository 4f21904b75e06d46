internal import KapsoDiagnostics

/// Credentials recognised by their shape in an error line, whether or not kops learned them: a word that starts with
/// a credential prefix (`TokenPrefix.all`: `EAA…`, `whsec_…`, `sk_…`, `kapso_…`, `kops_…`, `Bearer…`) and goes on for
/// a random-looking run (a digit, or both letter cases) to 12 characters or more. An error quotes what it was given
/// (`cannot read 'EAAGm0PX4ZCpsBAKZCZBkZC…' as an id`), cut to fit, or what a server echoed; either way a token's
/// first 20 characters are no safer than its whole (probe24 P24-13).
enum TokenShapes {
    /// The fewest characters a masked word has: `whsec_demo1` (11) stays, as do `EAA` words and event names.
    static let minimumLength = 12

    /// `line` with every token-shaped word replaced by `<redacted>`.
    static func masked(_ line: String) -> String {
        guard mayHold(line) else { return line }
        var result = ""
        var word = ""
        func flush() {
            result += isToken(word) ? "<redacted>" : word
            word = ""
        }
        for character in line {
            if character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "-" {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// True for a word with a credential prefix (any ASCII case), at least `minimumLength` characters, whose rest
    /// looks random; an environment variable's name (`KAPSO_API_KEY`) is none.
    static func isToken(_ word: String) -> Bool {
        guard word.count >= minimumLength, !HistoryPolicy.isEnvironmentName(word) else { return false }
        let lower = word.lowercased()
        guard let prefix = HistoryPolicy.tokenPrefixes.first(where: { lower.hasPrefix($0) }) else { return false }
        let rest = word.dropFirst(prefix.count)
        return rest.contains(where: \.isNumber) || (rest.contains(where: \.isUppercase) && rest.contains(where: \.isLowercase))
    }

    /// False when no word of `line` can start with a prefix: the byte test `learn(secretsTypedIn:)` uses.
    private static func mayHold(_ line: String) -> Bool {
        Redactor.mayShowSecret(typedLine: line)
    }
}

extension Redactor {
    /// An error line as every sink shows it: known secrets and their pieces redacted (`redact(_:)`), then every
    /// token-shaped word (`TokenShapes`), learned or not.
    public func redact(errorLine line: String) -> String {
        TokenShapes.masked(redact(line))
    }
}
