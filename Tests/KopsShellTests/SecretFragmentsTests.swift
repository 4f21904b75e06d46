import Foundation
@testable import KopsShell
import KopsHTTP
import Testing

/// Probe24 P24-6 and P24-13: a known secret echoed cut short, upper-cased or in base64, and a token quoted in an
/// error, are redacted; a word-like secret does not mask ordinary words, and kops's own masked forms stay.
@Suite struct SecretFragmentsTests {
    static let key = "sk-live-SECRET-abcdef123456"

    @Test(arguments: [
        // All but the last 4 characters, as a gateway echoes it (P24-6).
        "Invalid API key sk-live-SECRET-abcdef12",
        "Invalid API key 'sk-live-SECRET-abcdef12…'",
        // The last characters only, past a cut.
        "key …SECRET-abcdef123456 is revoked",
        "Invalid API key SK-LIVE-SECRET-ABCDEF12",
        // Base64 of the key, cut (its first 24 characters).
        "bad credentials c2stbGl2ZS1TRUNSRVQtYWJj",
        // A cut piece followed by more of the server's text glued to it.
        "key=sk-live-SECRET-abcdef12xyz; retry",
    ])
    func aKeyCutShortIsRedacted(_ text: String) {
        let redactor = Redactor(knownSecrets: [Secret(Self.key)])
        let shown = redactor.redact(text)
        #expect(shown.contains("<redacted>"), "\(shown)")
        #expect(!shown.contains("SECRET-abcdef12") && !shown.uppercased().contains("SECRET-ABCDEF12"), "\(shown)")
        #expect(!shown.contains("c2stbGl2ZS1TRUNSRVQtYWJj"))
    }

    @Test(arguments: [
        // kops's own masked forms and the key's scheme alone.
        "key sk-live-…56 from KAPSO_API_KEY",
        "sk-live- keys are live keys",
        // Fewer than 8 characters of the key in a row.
        "SECRET- is not it",
    ])
    func lessThanEightCharactersOrTheMaskStay(_ text: String) {
        #expect(Redactor(knownSecrets: [Secret(Self.key)]).redact(text) == text)
    }

    /// Digits a test key ends in (`0123456789`) are no piece of it inside an id.
    @Test func digitsAloneAreNoPiece() {
        let redactor = Redactor(knownSecrets: [Secret("test_key_0123456789")])
        let line = "expected a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890"
        #expect(redactor.redact(line) == line)
        #expect(redactor.redact("key test_key_012345") == "key <redacted>")
    }

    /// A word-like secret (`set api_key production-key`) masks itself, never the word `production` elsewhere.
    @Test func aWordLikeSecretDoesNotMaskWords() {
        let redactor = Redactor(knownSecrets: [Secret("production-key")])
        #expect(redactor.redact("profile production uses production-key") == "profile production uses <redacted>")
    }

    /// The 23 characters an error quoted of a pasted Meta token the shell had learned (P24-13).
    @Test func aLearnedTokensQuotedPrefixIsRedacted() {
        var redactor = Redactor()
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBqQ7xZCQ9ZBZA4ZCpLd0ZD"
        redactor.learn(secretsTypedIn: "use \(token)")
        let line = redactor.redact(errorLine: "error: use: cannot read 'EAAGm0PX4ZCpsBAKZCZBkZC…' as an id: expected digits")
        #expect(line == "error: use: cannot read '<redacted>…' as an id: expected digits")
    }

    /// A token-shaped word in an error line is redacted even when kops never learned it (a server's echo).
    @Test(arguments: [
        ("the API said: Invalid OAuth token EAAB7xQ2mZp9KdL4", "the API said: Invalid OAuth token <redacted>"),
        ("rejected whsec_Zq81mXk2P0aa as a key", "rejected <redacted> as a key"),
        ("profile reads KAPSO_API_KEY, not set", "profile reads KAPSO_API_KEY, not set"),
        ("no event kapso_agent.run.failed", "no event kapso_agent.run.failed"),
        ("a webhook signing secret (whsec_...) signs", "a webhook signing secret (whsec_...) signs"),
    ])
    func tokenShapedWordsInErrorsAreRedacted(_ line: String, _ shown: String) {
        #expect(Redactor().redact(errorLine: line) == shown)
    }

    /// Probe25 P25-1: a token pasted with its label, quoted cut to 23 characters by the check before a script's first
    /// line: 10 characters of it are left after `access_token=`, too few for the shape alone; the label says what follows.
    @Test(arguments: [
        ("whois: cannot read 'access_token=EAAGm0PX4Z…' as an id", "whois: cannot read 'access_token=<redacted>…' as an id"),
        ("use: cannot read 'token:EAAGm0PX4Z…' as an id", "use: cannot read 'token:<redacted>…' as an id"),
        ("set: 'webhook_secret=whsec_9x' is no name", "set: 'webhook_secret=<redacted>' is no name"),
        // No label, or a label that names no secret, or a prefix with nothing random after it: as before.
        ("cannot read 'EAAGm0PX4Z…' as an id", "cannot read 'EAAGm0PX4Z…' as an id"),
        ("cannot read 'phone=EAAGm0PX4Z…' as an id", "cannot read 'phone=EAAGm0PX4Z…' as an id"),
        ("a token: EAA… is a Meta access token", "a token: EAA… is a Meta access token"),
        ("the token=eaa is unknown", "the token=eaa is unknown"),
    ])
    func aLabelledTokenCutShortIsRedacted(_ line: String, _ shown: String) {
        #expect(Redactor().redact(errorLine: line) == shown)
    }

    /// The same, end to end: the whole-script check of `kops run` and `-c` names the line and what was pasted, and quotes
    /// nothing of the token (probe25 P25-2: every id argument names a token as one, without echoing it).
    @Test(arguments: ["whois", "use"])
    func theScriptCheckQuotesNoPieceOfALabelledToken(command: String) {
        let offline = OfflineShell()
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBxQ1d0WZAbcdEFGhij2kLmNOpQRsTUvWXyz"
        let outcome = ScriptRunner(path: "at.kops", source: "explain 131047\n\(command) access_token=\(token)")
            .run(on: offline.shell)
        #expect(outcome.summary == "nothing ran")
        let shown = offline.output.out + offline.output.err
        #expect(shown.contains("at.kops:2: error: \(command): this is a Meta access token (EAA…), a secret, not an id"), "\(shown)")
        #expect(!shown.contains("EAAGm0PX4Z"), "\(shown)")
    }
}
