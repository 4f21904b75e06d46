internal import KopsHTTP

// MARK: - Descriptions

/// The pieces are secrets: descriptions, `dump` and test failure messages show none of their bytes.
extension SecretFragments: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "<redacted>" }
    var debugDescription: String { "SecretFragments(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension Redactor {
    /// A test for text that holds one of `secrets` or a piece of one, as `SecretFragments` masks pieces: the history file
    /// forgets such lines once the secrets are learned (probe33 P33-2: `set body Zx81…` before `--secret ${pre}${body}`).
    public static func holdsSecretOrPiece(of secrets: [String]) -> (String) -> Bool {
        let fragments = SecretFragments(secrets.map { Secret($0) })
        let cuts = ShortCutEchoes(secrets.filter { $0.count >= 4 }.map { Secret($0) })
        return { text in
            secrets.contains { text.contains($0) } || (!fragments.isEmpty && fragments.masked(text) != text)
                || (!cuts.isEmpty && cuts.masked(text) != text)
        }
    }
}
