import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// The redactor's one-scan-per-first-byte test for known secrets answers as a search for each secret would.
@Suite struct SecretPatternsTests {
    /// A plain search of `pattern`'s bytes in `text`'s, one position at a time.
    static func naive(_ pattern: [UInt8], in text: [UInt8]) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        return (0...(text.count - pattern.count)).contains { Array(text[$0..<($0 + pattern.count)]) == pattern }
    }

    @Test func randomSecretsAndTextsAgreeWithAPlainSearch() {
        // Secrets sharing first bytes and prefixes, as `whsec_…` secrets do; texts made of their pieces.
        let alphabet = Array("whsec_abkW9é\"".utf8)
        var generator = SplitMix(seed: 7)
        var found = 0
        for _ in 0..<3_000 {
            let secrets = (0..<(generator.next() % 5)).map { _ in
                (0..<(1 + generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            }
            let text = (0..<(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let patterns = SecretPatterns(secrets.map { Secret(String(decoding: $0, as: UTF8.self)) })
            let expected = secrets.contains { Self.naive(Array(String(decoding: $0, as: UTF8.self).utf8), in: text) }
            let answer = text.withUnsafeBufferPointer { patterns.occurs(in: $0) }
            if expected { found += 1 }
            #expect(answer == expected, "\(secrets) in \(text)")
        }
        #expect(found > 300 && found < 2_700)
    }

    /// Values without a credential's prefix: one with it (`whsec_…`) is masked by its shape, learned or not (P27-5).
    @Test func aSecretLearnedLaterIsMasked() {
        var redactor = Redactor(knownSecrets: [Secret("plain_key_1234")])
        #expect(redactor.redact("x later_secret_99 y") == "x later_secret_99 y")
        redactor.knownSecrets.append(Secret("later_secret_99"))
        #expect(redactor.redact("x later_secret_99 y") == "x <redacted> y")
        redactor.knownSecrets.removeAll()
        #expect(redactor.redact("x later_secret_99 plain_key_1234") == "x later_secret_99 plain_key_1234")
        #expect(redactor.redact("x whsec_later_99 y") == "x <redacted> y")
    }
}

/// A redactor printed by a test failure or `dump` shows no secret, in any form.
@Suite struct RedactorDescriptionTests {
    @Test func noDescriptionShowsASecret() {
        let redactor = Redactor(knownSecrets: [Secret("whsec_hidden_4242")])
        var dumped = ""
        dump(redactor, to: &dumped)
        let bytes = Array("whsec_hidden_4242".utf8).map(String.init).joined(separator: ", ")
        for text in [String(describing: redactor), String(reflecting: redactor), dumped] {
            #expect(!text.contains("whsec_hidden_4242") && !text.contains(bytes), "\(text)")
        }
    }
}
