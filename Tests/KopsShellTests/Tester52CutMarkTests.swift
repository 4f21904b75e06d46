@testable import KopsShell
import KopsHTTP
import Testing

/// tester52b K3: half or more of a secret next to `..`, `⋯` (U+22EF), `*` or `***` was shown (`opens***`, `***ensez` for
/// the 7-character `opensez`); only `…` and `...` were read as cut marks.
@Suite struct Tester52CutMarkTests {
    @Test(arguments: [
        ("opensez", "opens.."), ("opensez", "opens⋯"), ("opensez", "opens*"), ("opensez", "opens***"),
        ("opensez", "opens****"), ("opensez", "OPENS**"), ("opensez", "***ensez"), ("opensez", "..ensez"),
        ("opensez", "⋯ensez"), ("abcdefghi", "abcdef**"), ("s3cr3tpass12", "*tpass12"), ("s3cr3tpass12", "s3cr3tp⋯"),
        ("my_webhook_secret_for_prod", "my_webhook_secret_for_p**"), ("my_webhook_secret_for_prod", "my_webhook_secret.."),
        ("my_webhook_secret_for_prod", "⋯secret_for_prod"),
    ])
    func aSecretsPartNextToACutMarkIsRedacted(secret: String, typed: String) {
        let redactor = Redactor(knownSecrets: [Secret(secret)])
        let shown = redactor.redact("whois: cannot read '\(typed)' as an id")
        #expect(shown.contains("<redacted>"), "\(shown)")
        let kept = typed.filter { !"*.⋯".contains($0) }
        #expect(!shown.lowercased().contains(kept.lowercased()), "\(shown)")
        #expect(Redactor.holdsSecretOrPiece(of: [secret])("whois \(typed)"), "the history file forgets the line")
    }

    /// One dot (a sentence's end), less than half, a word that only contains the start, and ordinary words next to the
    /// marks stay.
    @Test(arguments: [
        ("opensez", "opens."), ("opensez", "ope**"), ("opensez", "reopens**"), ("opensez", "opens.x"),
        ("opensez", "**ez"), ("opensez", "loading.."), ("opensez", "*bold* and **strong**"), ("opensez", "a.. b⋯ c***"),
        ("my_webhook_secret_for_prod", "see the webhook docs.."),
    ])
    func aWordThatIsNoPartOfASecretStays(secret: String, typed: String) {
        let line = "whois: cannot read '\(typed)' as an id"
        #expect(Redactor(knownSecrets: [Secret(secret)]).redact(line) == line)
    }
}
