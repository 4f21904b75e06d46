import KopsTestSupport
import Testing

@testable import KopsShell

/// `Redactor.isSecretName` read from an ASCII name's bytes answers as the `Character` reading it replaced
/// (docs/performance.md, "Session 39"), on random names built from the pieces that could tell them apart.
@Suite struct SecretNameBytesTests {
    @Test func theByteReadingAnswersAsTheCharacterReading() {
        let pieces = [
            "key", "KEY", "Key", "secret", "SeCrEt", "tok", "en", "token", "pass", "credential", "auth", "bearer", "whsec",
            "cookie", "pw", "PWD", "pin", "otp", "sig", "sk", "SK", "p", "w", "s", "k", "_", "-", ".", " ", "0", "9", "a",
            "z", "Z", "\r\n", "\r", "\n", "\t", "=", ":", "e\u{301}", "\u{301}", "\u{212A}ey", "\u{212A}", "é", "ß", "ﬀ",
            "١", "x", "url", "webhook",
        ]
        var random = SplitMix(seed: 39)
        var secret = 0
        var plain = 0
        var byBytes = 0
        for _ in 0..<30_000 {
            let name = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let answer = Redactor.isSecretName(name)
            #expect(answer == Redactor.isSecretNameByCharacter(name), "\(name.debugDescription)")
            if Redactor.asciiIsSecretName(name) != nil { byBytes += 1 }
            if answer { secret += 1 } else { plain += 1 }
        }
        // Both answers common, and most names (all ASCII) read from their bytes.
        #expect(secret > 5_000 && plain > 5_000 && byBytes > 10_000, "\(secret) \(plain) \(byBytes)")
    }

    @Test func aNameWithAByteWordPastASCIIIsLeftToTheCharacterReading() {
        #expect(Redactor.asciiIsSecretName("\u{212A}ey") == nil)
        #expect(Redactor.isSecretName("\u{212A}ey"))  // the Kelvin sign lower-cases to `k`
        #expect(Redactor.asciiIsSecretName("api_key") == true)
        #expect(Redactor.asciiIsSecretName("db_pw") == true)
        #expect(Redactor.asciiIsSecretName("pwned") == false)
    }
}
