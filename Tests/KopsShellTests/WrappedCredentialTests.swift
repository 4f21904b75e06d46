import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe29 P29-20: a Meta token pasted as an id inside its JSON or percent-encoded wrapping was not named as a token,
/// and the quote cut to 23 characters before redaction printed up to 14 of its characters. P29-12: `whois` of a Graph
/// URL carrying `?access_token=` answered "this is a token, not an id" and dropped the URL's reading.
@Suite struct WrappedCredentialTests {
    static let token = "EAAGm0PX4ZCpsBAKZAZDtestTOKENabcdefghijklmnopqrstuv"

    @Test(arguments: [
        "'{\"access_token\":\"\(token)\",\"token_type\":\"bearer\"}'", "access_token%3D\(token)", "Bearer%20\(token)",
        "'\"\(token)\"'",
    ])
    func aWrappedTokenIsNamedAndNoPieceOfItIsPrinted(pasted: String) async throws {
        for line in ["whois \(pasted)", "use \(pasted)"] {
            let ran = try await runDemo(line)
            #expect(ran.status == 64, "\(line): \(ran.err)")
            #expect(ran.err.contains("this is a Meta access token (EAA…), a secret, not an id"), "\(line): \(ran.err)")
            for piece in ["EAAGm0", "Gm0PX4", "ZCpsBA"] {
                #expect(!(ran.out + ran.err).contains(piece), "\(line) printed \(piece): \(ran.err)")
            }
        }
    }

    @Test func aGraphURLCarryingATokenIsReadAsAURLWithTheTokenNamed() async throws {
        let ran = try await runDemo("whois 'https://graph.facebook.com/v21.0/100200300400501/messages?access_token=\(Self.token)'")
        #expect(ran.out.contains("100200300400501 is the phone-number id of"), "\(ran.out)\(ran.err)")
        #expect(ran.out.contains("through Kapso the same call is https://api.kapso.ai/meta/whatsapp/v24.0/100200300400501/messages"), "\(ran.out)")
        #expect(ran.out.contains(
            "warning: the URL carries a Meta access token (access_token=<redacted>): it does not belong in a URL you paste or "
                + "share, and as it is now in your scrollback, consider revoking it and issuing a new one"), "\(ran.out)")
        #expect(!(ran.out + ran.err).contains("Gm0PX4"), "\(ran.out)\(ran.err)")
    }

    @Test func aCredentialParameterThatIsNoTokenShapeIsNamedToo() async throws {
        let ran = try await runDemo("whois 'https://graph.facebook.com/v21.0/100200300400501/messages?access_token=notashapedtoken'")
        #expect(ran.out.contains("100200300400501 is the phone-number id of"), "\(ran.out)\(ran.err)")
        #expect(ran.out.contains("warning: the URL carries a credential (access_token=<redacted>)"), "\(ran.out)")
        #expect(!ran.out.contains("notashapedtoken"), "\(ran.out)")
    }

    /// P29-2: a credential header in a table cell is masked in the cell before layout; the rendered row, redacted again
    /// on its way to each sink, read the mask as a value running to the row's end and erased the columns after it.
    @Test func aMaskedHeaderValueEndsAtItsMask() {
        let redactor = Redactor()
        let cell = redactor.redact("upstream rejected Authorization: Bearer abc123")
        #expect(cell == "upstream rejected Authorization: <redacted>")
        let row = "48  api  404 " + cell + "   2026-12-01T19:09:13Z  2026-12-02T18:39:13Z  200300400500601 is a WABA id, not a phone-number id"
        #expect(redactor.redact(row) == row)
        #expect(Redactor.maskHeaders(row) == row)
        // A URL's credential ends before the `; ` of the sentence around it (listen's start line).
        let listening = "forwarding to http://127.0.0.1:19593/hook?token=abc; signatures not checked (no --secret)"
        #expect(redactor.redact(listening) == "forwarding to http://127.0.0.1:19593/hook?token=<redacted>; signatures not checked (no --secret)")
        // An unmasked value in prose still runs to its end.
        #expect(redactor.redact("rejected Authorization: Bearer abc123 def") == "rejected Authorization: <redacted>")
    }
}
