import KapsoClient
@testable import KopsShell
import Testing

/// Session 64 bench: `deliveries --all --output json` on `kapso-sim --seed scale:10000` printed 9,997 delivery ids and
/// `"id":"<redacted>"` for 3: ids that begin `eaa` (`eaa16ffb-f974-49ef-851d-9278bbb3816b`) read as a Meta access
/// token's `EAA…`, since prefixes are read in any case. A word of lower-case hex digits and `-` (a UUID, a hash, a hex
/// request id) is no prefix's token; Meta's tokens still are.
@Suite struct HexIDNotTokenTests {
    static let ids = [
        "eaa16ffb-f974-49ef-851d-9278bbb3816b", "eaa6a8b2-6862-41bf-8806-74e2d803b94b", "eaae42a1c15f47f381c4eedf7d585e52",
    ]

    @Test(arguments: ids)
    func aHexIDThatStartsWithEAAStaysReadable(id: String) {
        let redactor = Redactor()
        for line in ["webhooks delivery \(id)", "error: no delivery \(id) in this project"] {
            #expect(redactor.redact(line) == line)
            #expect(redactor.redact(errorLine: line) == line)
            #expect(HistoryPolicy.allows(line), "\(line)")
        }
        let json = JSONValue.object(["data": .array([.object(["id": .string(id), "status": .string("delivered")])])])
        #expect(redactor.redact(json) == json)
    }

    /// The byte test agrees: a page holding such an id is printed as received (the session 64 CI bench: every page after
    /// one with an `eaa…` id went the character-by-character way, `deliveries --all --output json` 1.24x → 2.81x of curl).
    @Test(arguments: ids)
    func thePageByteTestLetsAHexIDThrough(id: String) {
        let line = Array(#"{"id":"\#(id)","event":"whatsapp.message.received","status":"delivered"}"#.utf8)
        #expect(line.withUnsafeBufferPointer { Redactor().printsAsIs($0) })
        let labelled = Array(#"{"access_token":"\#(id)"}"#.utf8)
        #expect(!labelled.withUnsafeBufferPointer { Redactor().printsAsIs($0) })
    }

    @Test(arguments: ["EAAGm0PX4ZCpsBAKZCZBvlNtuhlZCkZD", "EAA1234567890ABCDEF12"])
    func metaTokensAreStillMasked(token: String) {
        #expect(Redactor().redact(errorLine: "refused \(token) here") == "refused <redacted> here")
        #expect(!HistoryPolicy.allows("logs search \(token)"))
    }
}
