import KopsHTTP
@testable import KopsShell
import Testing

/// tester62 AL3: `listen --forward-to` printed a handler's error body with a `Bearer` token in clear (the known secret was
/// masked, the token not). Main's build: `handler 500 in 2 ms (Kapso retries anything but 200): \x1b]0;HANDLERPWN\x07\x1b[2J
/// error: secret <redacted> leaked Bearer sk_live_HANDLERKEY\x0d\x0a`. The body is masked as an API error text is, before
/// its control characters are escaped; those stay neutralised.
@Suite struct AL3HandlerBodyMaskTests {
    static let body = "\u{1B}]0;HANDLERPWN\u{07}\u{1B}[2J error: secret whsec_LISTENSECRET_1 leaked Bearer sk_live_HANDLERKEY\r\n"

    @Test func theBearerTokenIsMaskedAndControlsEscaped() {
        let line = HandlerCall.bodyStart(Array(Self.body.utf8))
        #expect(!line.contains("HANDLERKEY"), "\(line)")
        #expect(line.contains("Bearer <redacted>"), "\(line)")
        #expect(!line.contains("\u{1B}") && !line.contains("\u{07}") && !line.contains("\r"), "\(line)")
        #expect(line.contains("\\x1b]0;HANDLERPWN"), "\(line)")
        // The whole line as `listen` shows it: the known secret masked too.
        let redactor = Redactor(knownSecrets: [Secret("whsec_LISTENSECRET_1")])
        let (text, _) = HandlerCall.describe(.answered(status: 500, seconds: 0.002, body: Array(Self.body.utf8), headers: []))
        let shown = redactor.redact(text)
        #expect(!shown.contains("LISTENSECRET") && !shown.contains("HANDLERKEY"), "\(shown)")
    }

    @Test func authorizationHeadersAndProseAreReadAsBefore() {
        #expect(HandlerCall.bodyStart(Array("Authorization: Bearer abc123def456".utf8)) == "Authorization: <redacted>")
        #expect(HandlerCall.bodyStart(Array("the bearer of the number".utf8)) == "the bearer of the number")
        #expect(HandlerCall.bodyStart(Array("Invalid bearer credentials".utf8)) == "Invalid bearer credentials")
        #expect(HandlerCall.bodyStart(Array("bearer eyJhbGciOiJIUzI1NiJ9.e30.x".utf8)) == "bearer <redacted>")
        #expect(HandlerCall.bodyStart(Array("{\"error\":\"boom\"}".utf8)) == "{\"error\":\"boom\"}")
    }
}
