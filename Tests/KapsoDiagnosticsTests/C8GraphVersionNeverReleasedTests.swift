import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// tester69 C8: a 2635 on `/meta/whatsapp/v99.0/…` was "the path asks Graph v99.0, a version Meta deprecated": v99.0 was
/// never released (a typo, a template variable gone wrong). The versions table already knows it is no version at all.
@Suite struct C8GraphVersionNeverReleasedTests {
    @Test(arguments: ["v99.0", "v3.14"])
    func aVersionMetaNeverReleasedIsSaidSo(_ version: String) throws {
        let meaning = try #require(
            IDResolver.deprecatedVersionMeaning(
                endpoint: "/meta/whatsapp/\(version)/100200300400501/messages", status: 400, text: DeprecatedGraphVersionTests.text))
        #expect(meaning.hasPrefix("the path asks Graph \(version), which is not a Graph version ("), "\(meaning)")
        #expect(meaning.contains("the newest is \(GraphVersion.newest)"), "\(meaning)")
        #expect(!meaning.contains("deprecated ("), "\(meaning)")
        #expect(meaning.hasSuffix("send the same call to /meta/whatsapp/v24.0/100200300400501/messages"), "\(meaning)")
    }
}

/// tester69 C8 (also): `logs search --around 1795166102000` (Unix milliseconds, JavaScript's `Date.now()`) was read as an
/// id ("is not a phone-number id, WABA id …") while the same instant in seconds worked.
@Suite struct C8UnixMillisecondsTests {
    @Test func millisecondsAreReadAsTheirSecond() {
        #expect(ZonelessTime.readTyped("1795166102000") == .time(1_795_166_102, form: "Unix milliseconds"))
        #expect(ZonelessTime.readTyped("1795166102999") == .time(1_795_166_102, form: "Unix milliseconds"))
    }

    /// 13 digits outside 2020–2035 stay what they more likely are: a phone number with its country code.
    @Test(arguments: ["2348012345678", "4915112345678", "5511987654321"])
    func aThirteenDigitPhoneNumberIsNoTime(_ typed: String) {
        #expect(ZonelessTime.readTyped(typed) == .notATime)
    }
}
