import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Kops's own masked form after a strong label (`secret:    whsec_…23`, every `webhooks get`) answered "nothing to
/// mask" by the byte test (`StrongSecretLabels.isMaskedForm`), where it sent the whole text to the `Character` readings
/// that changed nothing (78 M of the 116 M of `scripts/bench`'s replay, issue #16; docs/performance.md, "Session
/// 41"); a value after a strong label that is no such form, of any length or alphabet, still goes to them and is masked.
@Suite struct MaskedFormByteTestTests {
    /// Kops's masked forms (`SecretMask`) after strong labels: the byte test answers false, and the reading leaves them.
    @Test(arguments: [
        "secret:    whsec_…23", "secret:    whsec_…23\n", "secret:    …34\n", "\"secret_key\": \"whsec_…\"", "password=sk_…",
        "token: kapso_…Xy", "Secret: whsec_…23\nurl: https://example.com/hook", "api_key%3Dwhsec_…23", "secret: …",
        "id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\nsecret:    whsec_…23\nevents: whatsapp.message.received",
        "secret: whsec_…23.", "token: EAA…Zx\n", "secret: \"whsec_…23\", \"url\": \"https://example.com\"", "secret: whsec_…23 (rotated)",
    ])
    func kopsMaskedFormAfterAStrongLabelNeedsNoReading(text: String) {
        #expect(!ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
        #expect(ShapedCredentials.maskedWithoutByteTest(text) == text)
        #expect(Redactor().redact(text) == text)
    }

    /// Values after a strong label that are no masked form kops prints: a token cut to fit, a longer word before `…`, a
    /// combining mark on the `…`, a real value after another label in the same text. The byte test answers true and
    /// the value is masked.
    @Test(arguments: [
        ("secret: whsec_…23\npassword: hunter2", "secret: whsec_…23\npassword: <redacted>"),
        // A Meta token cut to fit right after the separator (`TokenShapes.isLabelledToken`).
        ("secret=EAAGm0…", "secret=<redacted>"),
        ("access_token:EAAGm0…12", "access_token:<redacted>"),
        ("secret: hunter22…", "secret: <redacted>"),
        ("secret:    whsec_…23 token=s3cr3t", "secret:    whsec_…23 token=<redacted>"),
        ("secret: whsec_…23, api_key: k1", "secret: whsec_…23, api_key: <redacted>"),
        ("secret: whsec_55d9aa2aa98ee4074", "secret: <redacted>"),
        ("secret: x", "secret: <redacted>"),
    ])
    func aValueThatIsNoMaskedFormIsStillMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
        #expect(ShapedCredentials.masked(text) == masked)
        #expect(Redactor().redact(text) == masked)
    }

    /// Session 43: text that starts like kops's masked form and goes on (a tail of more than two characters, a
    /// combining mark on `…` or the prefix, a word that is no token prefix before `…`, `<redacted>` or `•••` with a
    /// value glued to it, a value of letters past ASCII) is the label's value, and is masked whole: before, the
    /// `Character` reading took the prefix for kops's mask, the `…` ended the label's reach, and the tail was printed.
    @Test(arguments: [
        ("secret: whsec_…23hunter2", "secret: <redacted>"),
        ("secret: EAAGm0…abcdef123", "secret: <redacted>"),
        ("secret:    …34hunter2\n", "secret:    <redacted>\n"),
        ("secret: whsec_…\u{301}hunter2", "secret: <redacted>"),
        ("secret: whsec_\u{301}…23hunter2", "secret: <redacted>"),
        ("secret: whsec_…23\u{301}hunter2", "secret: <redacted>"),
        ("secret: whsec_…23.hunter2", "secret: <redacted>"),
        ("secret: whsec_…23%5Fhunter2", "secret: <redacted>"),
        ("secret: hunter…", "secret: <redacted>"),
        ("secret: abc_…23", "secret: <redacted>"),
        ("password: <redacted>hunter2", "password: <redacted>"),
        ("password: <redacted>…hunter2", "password: <redacted>"),
        ("secret: •••hunter2", "secret: <redacted>"),
        ("secret: 1415•••0142", "secret: <redacted>"),
        ("password: pässwort", "password: <redacted>"),
        ("password=秘密の値", "password=<redacted>"),
        ("authorization=Bearer …xyz123", "authorization=Bearer <redacted>"),
        ("\"secret_key\": \"whsec_…23abcdef\"", "\"secret_key\": \"<redacted>\""),
        ("secret%3Dwhsec_…23hunter2&x=1", "secret%3D<redacted>&x=1"),
        ("POST https://h.test/cb?secret=whsec_…23abc failed", "POST https://h.test/cb?secret=<redacted> failed"),
        ("POST https://h.test/cb?secret=<redacted>abc failed", "POST https://h.test/cb?secret=<redacted> failed"),
    ])
    func aFormWithMoreAfterItIsMaskedWhole(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
        #expect(ShapedCredentials.masked(text) == masked, "\(text.debugDescription)")
        #expect(Redactor().redact(text) == masked, "\(text.debugDescription)")
    }

    /// A header's value cut to fit after its scheme (`Bearer EAAG…xyz123`): the reading masks the token whole, and the
    /// redactor, which knows `Authorization` for a header, masks the header's whole value.
    @Test func aBearerTokenCutToFitIsMaskedWhole() {
        let text = "Authorization: Bearer EAAG…xyz123"
        #expect(ShapedCredentialsTests.scan(text))
        #expect(ShapedCredentials.masked(text) == "Authorization: Bearer <redacted>")
        #expect(Redactor().redact(text) == "Authorization: <redacted>")
        #expect(ShapedCredentials.masked("upstream sent authorization: bearer …xyz123") == "upstream sent authorization: bearer <redacted>")
    }

    /// Marks with nothing of a value in them are left as they are: `<redacted>` alone, `•••`, a `…` alone.
    @Test(arguments: ["password: <redacted>", "secret: ••••", "secret: <redacted>, url: https://example.com/hook", "token: …\n"])
    func marksAloneAreLeft(text: String) {
        #expect(ShapedCredentials.masked(text) == text)
        #expect(Redactor().redact(text) == text)
    }

    /// Random texts of strong and weak labels, separators (plain, escaped, with spaces and quotes), kops's masked forms
    /// and forms it does not print (a token cut to fit, a word of 7 characters, a tail of three, a combining mark on
    /// `…`), real values of any length and alphabet, URLs, tokens and joiners: wherever the masking changes the text the
    /// byte test said true, and masking behind it gives what the reading without it gives. Both a masked form answered
    /// false and a masked value are common.
    @Test func theFastAnswerAgreesWithTheFullReading() {
        let labels = [
            "secret", "Secret", "SECRET", "password", "passwd", "api_key", "API key", "apiKey", "token", "Authorization",
            "secret_key", "client_secret", "x-api-key", "key", "flow_token", "token_type", "monkey", "signature",
        ]
        let separators = [":", "=", ": ", ":    ", " = ", "%3A", "%3D", "%3a%20", ": \"", "=\"", ":'", "\":\"", ": (", "\\:", "::"]
        let forms = [
            "whsec_…23", "whsec_…", "…34", "…", "sk_…", "kapso_…Xy", "EAAGm0…", "EAA…", "Bearer…", "abc_…", "k1…", "whsec_…23hunter2",
            "whsec_…2", "github_pat_…9z", "glpat-…", "3f9a8b7c6d5e4f3a…", "whsec…", "hunter22…", "Kx81Qm0…", "…\u{301}34",
            "whsec_…\u{301}", "whsec_\u{301}…23", "whsec_…é", "WHSEC_…23", "eyJ…", "whsec%5F…23", "sk-…ab", "…23.4", "x…y_",
            "whsec_…23…", "a_…", "xoxb-…", "ghp_…12",
            // Session 43: forms that go on past kops's, and marks with values glued to them.
            "whsec_…23hunter2", "EAAGm0…abcdef123", "…34hunter2", "whsec_…\u{301}hunter2", "whsec_…23\u{301}x", "<redacted>hunter2",
            "<redacted>", "<redacted>…x", "•••hunter2", "••••", "whsec_…23.hunter2", "whsec_…23.", "EAA…xy", "Bearer EAAG…xyz123",
            "Bearer …xy", "whsec_…23%5Fx", "pässwort…", "hunter…", "秘密", "1415•••0142",
            // Glue inside and after values (GluedSecretValueTests).
            "whsec_…23==", "whsec_…23/x", "whsec_…23!", "whsec_…23:x", "…34+", "<redacted>=", "<redacted>.x",
        ]
        let values = [
            "hunter2", "whsec_55d9aa2aa98ee4074", "k1", "s3cr3t", "Kx81Qm0Zp2Lt", "x", "none", "Session has expired", "8",
            "EAAGm0PX4ZCpsBAKZAZD", "Bearer abc123", "3f9a8b7c6d5e4f3a9b8c", "pässwort", "秘密", "\u{301}x",
            "ab.cd", "p@ss!w0rd", "abc/def+ghi==", "hunter2.", "12:30", "n/a", "a$b%c", "Summer2024!",
            "!Xy9#q", "Xk9&mQ2z", "(Xk9m)", "p(ss)w9", "ab,cd9", "\"horse battery\"", "'x y'", "&user=x", "{\"a\": 1}", "(none)",
        ]
        let pieces = [
            " ", "\n", "\t", "_", "-", ".", "…", "\u{301}", "é", "%5F", "%20", "23", "ab", ",", ";", "\"", "'", "(", ")",
            "https://hooks.slack.com/services/T0/B0/xyz123", "hooks.slack.com/services/T0/B0/", "?access_token=", "&key=",
            "https://u:p@h.test/", "EAAGm0PX4ZCpsBAKZAZD", "eyJhbGciOiJIUzI1NiJ9.", "whsec_", "=", ":", "<redacted>",
            "•", "<redacted>x", "…x", "?secret=", "!", "==", "/", "+", "@", "#", "?", "%", "&", "(", "[", "{", "`", "\\\"",
        ]
        var generator = SplitMix(seed: 4116)
        func pick(_ list: [String]) -> String { list[Int(generator.next() % UInt64(list.count))] }
        var (masked, fast) = (0, 0)
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<(1 + generator.next() % 6) {
                switch generator.next() % 5 {
                case 0, 1: text += pick(labels) + pick(separators) + pick(forms)
                case 2: text += pick(labels) + pick(separators) + pick(values)
                default: text += pick(pieces)
                }
            }
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text)
            let scan = ShapedCredentialsTests.scan(text)
            if unguarded != text { masked += 1 }
            if !scan, text.contains("…") { fast += 1 }
            #expect(unguarded == text || scan, "\(text.debugDescription)")
            #expect(ShapedCredentials.masked(text) == unguarded, "\(text.debugDescription)")
        }
        #expect(masked > 5_000 && fast > 2_000, "\(masked) masked, \(fast) answered false with a masked form")
    }
}
