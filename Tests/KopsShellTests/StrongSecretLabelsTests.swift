import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// A value after a strong label (`password`, `passwd`, `secret`, `api_key`/`apikey`, `token`, `authorization`:
/// `StrongSecretLabels`) is masked however short (`password: hunter2` was printed: under the 12 characters the label rule
/// asked for); words that are no value (`token: none`, `password: required`, `secret: null`), a sentence after the
/// colon, a number, a masked form and labels ending in other words (`token_type: bearer`) stay.
@Suite struct StrongSecretLabelsTests {
    @Test(arguments: [
        ("password: hunter2", "password: <redacted>"),
        ("secret=abc123", "secret=<redacted>"),
        ("api_key: k1234", "api_key: <redacted>"),
        ("API key: k1234", "API key: <redacted>"),
        ("x-api-key=k1", "x-api-key=<redacted>"),
        ("apiKey: k1234 rejected", "apiKey: <redacted> rejected"),
        ("{\"password\": \"letmein\"}", "{\"password\": \"<redacted>\"}"),
        ("\"password\":\"letmein\"", "\"password\":\"<redacted>\""),
        ("PASSWD=Sw0rd!", "PASSWD=<redacted>!"),
        ("db_password: pw1, host: db", "db_password: <redacted>, host: db"),
        ("client_secret=s3cr3t&grant_type=client_credentials", "client_secret=<redacted>&grant_type=client_credentials"),
        ("body=password%3Dhunter2%26user%3Dx", "body=password%3D<redacted>%26user%3Dx"),
        ("token: letmein", "token: <redacted>"),
        ("access token=ab12", "access token=<redacted>"),
        ("Authorization=Bearer abc123", "Authorization=Bearer <redacted>"),
        ("secret_key: q1w2", "secret_key: <redacted>"),
        ("Secret: x", "Secret: <redacted>"),
        ("password = 'hunter2'", "password = '<redacted>'"),
        ("token: InvalidSignature", "token: <redacted>"),
    ])
    func aShortValueAfterAStrongLabelIsMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text))
        #expect(Redactor().redact(text) == masked)
        #expect(Redactor().redact(errorLine: text) == masked)
        #expect(Redactor().redact(masked) == masked)
    }

    /// The other side: words that are no value, sentences, numbers, masked forms, cursors, ids, labels of other words.
    @Test(arguments: [
        "token: none", "password: required", "secret: null", "token_type: bearer", "secret: missing", "Password: Required",
        "token: undefined", "password: not set", "secret=false", "token: pending", "password: is too short",
        "Error validating access token: Session has expired", "password: 8 characters minimum", "password_min_length: 8",
        "secret: whsec_…23", "secret:    …34", "\"secret_key\": \"whsec_…\"", "secret: <redacted>",
        "next token: eyJ2YWx1ZXMiOlsiMjAyNi0xMS0yMFQwOToxNTowMC4xMzEwMDBaIiwiNTAwNyJdfQ==", "token: KAPSO_API_KEY",
        "api_key_id: 9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01", "key: missing", "key: k1234", "monkey: k1234", "token_count: 12",
        "secret: 7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", "password:", "token:\nnext line",
        // A Flow's own identifier and pagination tokens are no credentials (`StrongSecretLabels.cursorLabels`).
        "flow response 'flow': flow_token=tok, slot=am", "next_page_token: p2",
    ])
    func wordsThatAreNoValueStay(text: String) {
        #expect(Redactor().redact(text) == text)
        #expect(Redactor().redact(errorLine: text) == text)
    }

    /// Random texts of strong and weak labels, separators, quotes, escapes, short values and words: wherever the masking
    /// changes the text, the byte test said true, and masking with it agrees with masking without it.
    @Test func theByteTestNeverMissesAShortLabelledValue() {
        let pieces = [
            "password", "Passwd", "secret", "API", " key", "api_key", "apiKey", "token", "Authorization", "secret_key", "key",
            "token_type", ":", "=", " ", "\t", "\"", "'", "\\", "%3A", "%3d", "%20", "%22", "%5F", "%2D", "%255F", "%", "-",
            "_", ".", "é", "\u{301}", "\n", "hunter2", "k1", "x", "none", "required", "Bearer", " has", "8", "…", "eyJ",
            "whsec", "abc", "<redacted>",
        ]
        var generator = SplitMix(seed: 3604)
        var masked = 0
        for _ in 0..<20_000 {
            let text: String = (0..<(1 + generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let unguarded = ShapedCredentials.maskedWithoutByteTest(text) != text
            if unguarded { masked += 1 }
            #expect(!unguarded || ShapedCredentialsTests.scan(text), "\(text.debugDescription)")
            #expect(ShapedCredentials.masked(text) == ShapedCredentials.maskedWithoutByteTest(text), "\(text.debugDescription)")
        }
        #expect(masked > 300, "\(masked)")
    }
}
