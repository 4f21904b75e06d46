@testable import KapsoDiagnostics
import Testing

/// Session 66 (docs/performance.md): `SecretPlaceholder.init` answers nil from a value's bytes when it is a plain ASCII
/// key (`isPlainASCIIKey`) without reading it form by form (`reading`). Every value that test lets through must be one
/// the form-by-form reading finds no placeholder in, at each edge the test draws.
@Suite struct Perf66PlaceholderBytesTests {
    /// Values at the byte test's edges: each form written long, every placeholder word in three cases and at the
    /// longest word's length, a Kelvin sign that lower-cases to `k`, written line ends, upper-case names.
    static let values: [String] = {
        var values = [
            "whsec_0123456789abcdefghijklmnop", "whsec_demo_123", "whsec_demo", "secret1", "todo.", "Bearer abcdefghijklmnopqrstuvwxyz", "test_key_0123456789", "test_key_01234567890",
            "your_webhook_secret", "YOUR_WEBHOOK_SECRET", "Your_Webhook_Secret", "your_webhoo\u{212A}_secret",
            "your-webhook-secret", "your_webhook_secretx", "xyour_webhook_secret",
            "{{webhook_secret_for_production}}", "<your-webhook-secret-here-please>", "%WEBHOOK_SECRET_PRODUCTION%",
            "process.env.WEBHOOK_SECRET_PRODUCTION", "$(cat /run/secrets/webhook_secret)", "\u{201C}whsec_abcdefghijklmnopqrstuv\u{201D}",
            "\u{2018}whsec_abcdefghijklmnopqrstuv\u{2019}", "whsec_abcdefghijklmnopqrstuv\\n", "whsec_abcdefghijklmnopqrstuv\\r",
            "whsec_abcdefghijklmnopqrstuv\\", "whsec_abcdefghijklmnopqrstuvn", "WEBHOOK_SECRET_FOR_PRODUCTION_01",
            "KAPSO_API_KEY_PRODUCTION_0001", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHIJKLMNOPQRSTUVWXYZa",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXXXXXXXXXXXXX", "****************************",
            "############################", "............................", "whsec_é_abcdefghijklmnopqrstu",
            "whsec_abcdefghijklmnopqrstu\u{0301}", "a\u{0301}bcdefghijklmnopqrstuvwxyz", "0123456789012345678901234",
            "0123456789012345678901234a", "_abcdefghijklmnopqrstuvwxyz", "-abcdefghijklmnopqrstuvwxyz",
        ]
        for word in SecretPlaceholder.words {
            values += [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), word + "_", word + "1", word + ".", "1" + word, String(repeating: "_", count: 19 - word.utf8.count) + word]
        }
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let first = String(UnicodeScalar(byte))
            values += [first + "abcdefghijklmnopqrstu", first + "ABCDEFGHIJ_KLMNOPQRSTU", first + "abcdefghijklmnopqrst\\n"]
            values += [first + "bcdefghijklmnopqrst" + first, String(repeating: first, count: 24)]
        }
        return values
    }()

    @Test func aPlainASCIIKeyIsNoPlaceholderByTheFormByFormReading() {
        for value in Self.values {
            #expect(SecretPlaceholder(value) == SecretPlaceholder.reading(value), "\(value.debugDescription)")
            if SecretPlaceholder.isPlainASCIIKey(value) {
                #expect(SecretPlaceholder.reading(value) == nil, "\(value.debugDescription)")
            }
        }
    }

    /// The keys the byte test is for do take it: a `whsec_` key, a header value, a value longer than every word or with a
    /// digit; values of letters, `_` and `-` as short as a word do not.
    @Test func keysOfLettersAndDigitsTakeTheByteTest() {
        #expect(SecretPlaceholder.longestWord == 19)
        for value in ["whsec_0123456789abcdefghijklmnop", "whsec_demo_123", "secret1", "todo.", "a1", "Bearer abcdefghijklmnopqrstuvwxyz", "test_key_01234567890"] {
            #expect(SecretPlaceholder.isPlainASCIIKey(value), "\(value)")
        }
        for value in ["your_webhook_secret", "whsec_demo", "Secret", "WEBHOOK_SECRET_FOR_PRODUCTION_01", "process.env.WEBHOOK_SECRET_PRODUCTION", "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"] {
            #expect(!SecretPlaceholder.isPlainASCIIKey(value), "\(value)")
        }
    }
}
