import Foundation
@testable import KopsShell
import Testing

/// tester61 AI7: a short `Basic <base64>` (`Basic YWRtaW46cHc=`, the base64 of `admin:pw`) was printed: the shape reading
/// masked only a longer, random-looking value (BareBearerTokenTests). A Basic credential is base64 of `user:password`
/// whatever its length (RFC 7617 §2); prose after `Basic` stays.
@Suite struct AI7ShortBasicCredentialTests {
    @Test(arguments: [
        ("Authorization: Basic YWRtaW46cHc=", "YWRtaW46cHc"), ("got 401 for Basic YWRtaW46cHc=", "YWRtaW46cHc"),
        ("basic dTpw", "dTpw"), ("Basic YTpi", "YTpi"), ("curl -H 'Basic YWRtaW46cHc=' https://x", "YWRtaW46cHc"),
        ("Basic Ym9iOnMzY3IzdA==.", "Ym9iOnMzY3IzdA"),
    ])
    func aShortBasicCredentialIsMasked(_ text: String, credential: String) {
        let redactor = Redactor()
        #expect(redactor.needsRedaction(text))
        let masked = redactor.redact(text)
        #expect(!masked.contains(credential) && masked.contains("<redacted>"), "\(masked)")
        #expect(!redactor.redact(errorLine: text).contains(credential))
    }

    @Test(arguments: [
        "Basic plan", "the Basic plan costs less", "Basic information about the account", "Basic auth failed", "BASIC TIER",
        "Basic YWJj", "basically dTpw",
    ])
    func proseStays(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }
}
