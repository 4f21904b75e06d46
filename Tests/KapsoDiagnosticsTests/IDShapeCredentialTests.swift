import KapsoDiagnostics
import KopsTestSupport
import Testing

/// Probe24 P24-13: a Meta access token pasted where an id goes is named as one, never as a click id, and the line
/// holds no character of it.
@Suite struct IDShapeCredentialTests {
    @Test func aMetaAccessTokenIsNamedWithoutBeingPrinted() throws {
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBqQ7xZCQ9ZBZA4ZCpLd0ZDaBcDeFgHiJkLmN"
        let line = try #require(IDShape.describe(token))
        #expect(line.hasPrefix("this is a Meta access token (EAA…), a secret, not an id"))
        #expect(!line.contains("click id"))
        #expect(!line.contains("EAAG"))
    }

    @Test func aWebhookSecretIsNamed() {
        #expect(IDShape.describe("whsec_Zq81mXk2P0aa7Hq")?.hasPrefix("this is a webhook signing secret (whsec_…)") == true)
    }

    /// `credentialKind` answers nil at once where no byte run of a kind's prefix occurs (docs/performance.md, "Session
    /// 33"); with that test in front it answers as the reading alone on random texts: prefixes whole and cut short, in
    /// either case, labels, percent-escapes, JSON wrapping, characters past ASCII (the Kelvin sign, a combining accent).
    @Test func theKindIsTheReadingsWithoutItsByteTest() {
        let pieces = ["EAA", "eaa", "EA", "whsec_", "whsec", "WHSEC_", "GM0PX4ZCPSBAKZAZDTEST", "abc123", "3d4e5f6a-7b8c-4d9e",
                      "%3D", "%3d", "%20", "%2", "%zz", "=", ":", " ", "\"", "'", "{", "}", ",", ";", "?", "&", "\t", "\r\n",
                      "access_token", "Bearer", "é", "\u{301}", "\u{212A}", "_", "-", "0"]
        var random = SplitMix(seed: 33)
        var named = 0
        for _ in 0..<3_000 {
            let count = Int(random.next() % 12) + 1
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let kind = IDShape.credentialKind(text)
            #expect(kind == Self.readingWithoutTheByteTest(text), "\(text.debugDescription)")
            if kind != nil { named += 1 }
        }
        #expect(named > 100 && named < 2_900, "named \(named) of 3000: both answers must be common")
    }

    /// `credentialKind` as it read before its byte test (probe29 P29-20's reading).
    static func readingWithoutTheByteTest(_ text: String) -> APIKeyShape.Kind? {
        if let kind = APIKeyShape.kind(of: text) { return kind }
        var spaced = ""
        var characters = Substring(text)
        while let first = characters.first {
            let hex = characters.dropFirst().prefix(2)
            if first == "%", hex.count == 2, hex.allSatisfy(\.isHexDigit) {
                spaced.append(" ")
                characters = characters.dropFirst(3)
            } else {
                spaced.append(first)
                characters = characters.dropFirst()
            }
        }
        let words = spaced.split(whereSeparator: { "=: \"'{},;?&\t".contains($0) })
        guard words.count > 1 else { return nil }
        return words.lazy.compactMap { APIKeyShape.kind(of: String($0)) }.first
    }

    @Test func aClickIDIsStillOne() {
        let clid = "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"
        #expect(IDShape.describe(clid)?.contains("click id") == true)
    }
}
