import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Probe36 P36-4: a hook URL written without its scheme, and a secret percent-encoded (`whsec%5F…`), are masked as the
/// same URL with `https://` and the secret as written are; other text with dots and slashes stays.
@Suite struct SchemelessURLsTests {
    @Test(arguments: [
        ("hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX", "hooks.slack.com/services/T0000/B0000/<redacted>"),
        ("url: hooks.slack.com/services/T0AB12CD3/B0EF45GH6/aBcDeFgHiJkLmNoPqRsTuVwX, retry",
         "url: hooks.slack.com/services/T0AB12CD3/B0EF45GH6/<redacted>, retry"),
        ("\"hooks.slack.com/services/T0/B0/aBcDeFgHiJkLmNoPqRsTuVwX\"", "\"hooks.slack.com/services/T0/B0/<redacted>\""),
        ("url=HOOKS.SLACK.COM/services/T0/B0/aBcDeFgHiJkL", "url=HOOKS.SLACK.COM/services/T0/B0/<redacted>"),
        ("//hooks.slack.com/services/T0/B0/aBcDeFgHiJkL", "//hooks.slack.com/services/T0/B0/<redacted>"),
        ("(discord.com/api/webhooks/112233445566778899/Zx9-secretTOKEN_abc?wait=true)",
         "(discord.com/api/webhooks/112233445566778899/<redacted>?wait=true)"),
        ("hook.eu1.make.com/m4kesecretpath0123456789abcdefgh", "hook.eu1.make.com/<redacted>"),
        ("hooks.zapier.com/hooks/catch/1234567/abc12de/", "hooks.zapier.com/hooks/catch/1234567/<redacted>/"),
        ("maker.ifttt.com/trigger/ev/with/key/cAnaryIFTTTkey42", "maker.ifttt.com/trigger/ev/with/key/<redacted>"),
        ("see%20hooks.slack.com/services/T0/B0/aBcDeFgHiJkL", "see%20hooks.slack.com/services/T0/B0/<redacted>"),
        ("q=hooks.slack.com%2Fservices%2FT0000%2FB0000%2FXXXXXXXXXXXXXXXXXXXXXXXX&x=1",
         "q=hooks.slack.com%2Fservices%2FT0000%2FB0000%2F<redacted>&x=1"),
        ("q=hooks.slack.com%252Fservices%252FT0%252FB0%252FaBcDeFgHiJkL", "q=hooks.slack.com%252Fservices%252FT0%252FB0%252F<redacted>"),
        ("secret whsec%5FcAnaryEncodedSecret9921 rejected", "secret <redacted> rejected"),
        ("whsec%5fcanary%5Flower%5F4417zz", "<redacted>"),
        ("sk%5Flive%5F51HxYzAbCdEf0123", "<redacted>"),
        ("whsec%255FcAnaryTwiceEncoded3307", "<redacted>"),
        ("client%5Fsecret%3Dab12", "client%5Fsecret%3D<redacted>"),
    ])
    func aSchemelessHookOrAnEncodedSecretIsMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text))
        #expect(Redactor().redact(text) == masked)
        #expect(Redactor().redact(errorLine: text) == masked)
        #expect(Redactor().redact(masked) == masked)
    }

    @Test(arguments: [
        "docs/notes.md/x", "see docs.example.com/guide/page", "transcripts/tour.md", "/v24.0/100200300400501/messages",
        "graph.facebook.com/v24.0/100200300400501/messages", "api.kapso.ai/platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "hooks.slack.com/", "example.com/hooks/kapso", "1.5/2", "a.b/c", "x/hooks.slack.com/services/T/B/aBcDeFgHiJkL",
        "whsec%5Fdemo", "100%5F sent", "%5F", "kapso%5Fwelcome%5Fmessage",
    ])
    func otherTextStays(text: String) {
        #expect(Redactor().redact(text) == text)
    }

    /// A known secret percent-encoded, every character but letters and digits escaped, is masked as the secret is.
    @Test func aKnownSecretPercentEncodedIsMasked() {
        let redactor = Redactor(knownSecrets: [Secret("my.hook/secret+42x")])
        #expect(redactor.redact("GET /x?s=my%2Ehook%2Fsecret%2B42x&y=1") == "GET /x?s=<redacted>&y=1")
        #expect(redactor.redact("GET /x?s=my%2ehook%2fsecret%2b42x&y=1") == "GET /x?s=<redacted>&y=1")
        #expect(redactor.redact("s=my.hook/secret+42x") == "s=<redacted>")
    }

    /// Random texts of hosts, paths, slashes, escapes and keys: wherever the masking changes the text, the byte test said
    /// true, and masking with it agrees with masking without it.
    @Test func theByteTestNeverMissesASchemelessHookOrAJoinedWord() {
        let pieces = [
            "hooks.slack.com", "HOOKS.slack.COM", "discord.com", "/api/webhooks/", "hook.eu1.make.com", "example.com", "x.co",
            "/services/", "/T0/B0/", "/", "//", "://", "https", ":", "=", " ", "\"", "(", "%20", "%2F", "%252F", "%5F", "%5f",
            "%255F", "%2D", "%", ".", "-", "_", "@", "aBcDeFgHiJkLmN", "XXXXXXXXXXXXXXXX", "12345678", "whsec", "sk", "live",
            "/with/key/", "/hooks/", "xg8kq4j5tfbz7rnmy3w6p2c9de", "é", "\u{301}", "<redacted>", "1.5", "v24.0",
        ]
        var generator = SplitMix(seed: 3641)
        var masked = 0
        for _ in 0..<20_000 {
            let text: String = (0..<(1 + generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text) != text
            if unguarded { masked += 1 }
            #expect(!unguarded || ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
            #expect(ShapedCredentials.masked(text) == ShapedCredentials.maskedWithoutByteTest(text), "\(text.debugDescription)")
        }
        #expect(masked > 100, "\(masked)")
    }
}
