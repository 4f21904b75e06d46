import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `Redactor.printsAsIs` runs its five tests in three passes: always the answer of the five run one by one.
@Suite struct PrintsAsIsTests {
    static let pieces = [
        "a", "id", "\"", ":", "\":", "//", "://", "https://h.test/x", "?", "&", "=", "token", "Token", "@", "#", "\n", " ",
        ",", "{", "}", "authorization", "X-API-Key", "cookie", "secret_key", "headers", "password", "_token", "api_key",
        "\\", "\r", "\r\n", "\t", "\u{1B}", "\u{7F}", "é", "\u{301}", "\u{212A}", "whsec_known_123", "whsec_", "bench_key",
        "b", "2026-11-20T14:32:11Z", "0123456789abcdef", "EAAGm0PX4Z", "sk_", "=",
    ]

    /// The five tests, one after the other (what `printsAsIs` first was), and the sixth since: credentials shown by their
    /// shape (`ShapedCredentials`, probe27 P27-5).
    static func fiveTests(_ redactor: Redactor, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.allPrintableASCII(bytes, newlines: true)
            && ByteWords.firstIndex(of: UInt8(ascii: "\\"), in: bytes) == nil
            && !redactor.secretPatterns.occurs(in: bytes) && !redactor.secretFragments.occurs(in: bytes)
            && !ByteSearch.containsHeader(Redactor.headerAndFieldBytes, in: bytes)
            && !URLCredentialScan.mayHoldCredentials(bytes)
            && !ShapedCredentials.mayOccur(in: bytes)
    }

    @Test func threePassesAnswerAsTheFiveTests() {
        let redactors = [Redactor(knownSecrets: [Secret("whsec_known_123"), Secret("bench_key_0123")]), Redactor()]
        var generator = SplitMix(seed: 1013)
        var passed = 0
        for _ in 0..<40_000 {
            let text = (0..<(generator.next() % 24)).map { _ in
                Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }.joined()
            let bytes = Array(text.utf8)
            for redactor in redactors {
                let (fused, five) = bytes.withUnsafeBufferPointer { (redactor.printsAsIs($0), Self.fiveTests(redactor, $0)) }
                #expect(fused == five, "\(text.debugDescription)")
                if five { passed += 1 }
            }
        }
        #expect(passed > 3_000, "\(passed)")
    }

    /// `Redactor.needsRedaction` walks the colons once for its header and URL tests: the answer of its three tests
    /// (the fragments' test read as `SecretFragments.masked` reads them since session 52: `SecretFragmentsChangeTests`).
    @Test func needsRedactionAnswersAsItsThreeTests() {
        let redactors = [Redactor(knownSecrets: [Secret("whsec_known_123"), Secret("bench_key_0123")]), Redactor()]
        var generator = SplitMix(seed: 1014)
        var clean = 0
        for _ in 0..<40_000 {
            let text = (0..<(generator.next() % 24)).map { _ in
                Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }.joined()
            for redactor in redactors {
                var copy = text
                let three = copy.withUTF8 { bytes in
                    redactor.secretPatterns.occurs(in: bytes) || redactor.mayMaskFragments(in: bytes)
                        || ByteSearch.containsHeader(Redactor.credentialHeaderBytes, in: bytes)
                        || URLCredentialScan.mayHoldCredentials(bytes) || ShapedCredentials.mayOccur(in: bytes)
                }
                #expect(redactor.needsRedaction(text) == three, "\(text.debugDescription)")
                if !three { clean += 1 }
            }
        }
        #expect(clean > 5_000, "\(clean)")
    }

    /// The byte test of the first pass, at every position of texts up to 19 bytes long.
    @Test func everyByteAtEveryPositionAgreesWithTheByteTest() {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF] as [UInt8] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = byte }
                    let expected = bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F && $0 != 0x5C) || $0 == 0x0A }
                    #expect(bytes.withUnsafeBufferPointer(ByteWords.allPrintableASCIIWithoutBackslash) == expected, "\(bytes)")
                }
            }
        }
    }
}
