import KapsoDiagnostics
import KopsShell
import Testing

/// tester51 G14: `explain` of Graph's 190 "Invalid OAuth access token - Cannot parse access token" (and "Malformed access
/// token") said "the number's Meta access token no longer works … reconnect the number"; the text says what was sent is
/// not a token Graph can read (typically a Kapso API key sent to graph.facebook.com, or a header mistake), which
/// reconnecting does not fix. An expired token (190/463) keeps the reconnect reading.
@Suite struct Tester51TokenExplainTests {
    static func body(_ message: String, subcode: Int? = nil) -> String {
        let sub = subcode.map { #","error_subcode":\#($0)"# } ?? ""
        return #"{"error":{"message":"\#(message)","type":"OAuthException","code":190\#(sub),"fbtrace_id":"AbC"}}"#
    }

    @Test(arguments: [
        "Invalid OAuth access token - Cannot parse access token", "Malformed access token",
        "Cannot parse access token",
    ])
    func anUnparsableTokenIsTheBearerSentNotTheNumbersToken(message: String) {
        let ran = Probe37ExplainTests.explain(Self.body(message))
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(Probe37ExplainTests.field(ran.out, "name") == "access token cannot be parsed", "\(ran.out)")
        let meaning = Probe37ExplainTests.field(ran.out, "meaning") ?? ""
        #expect(meaning.hasPrefix("Graph could not read the string sent as the access token") && !meaning.contains("no longer works"),
            "\(ran.out)")
        let fix = Probe37ExplainTests.field(ran.out, "what to do") ?? ""
        #expect(fix.hasPrefix("if the call went to graph.facebook.com: the bearer sent is the mistake, typically a Kapso API key"),
            "\(ran.out)")
        #expect(fix.contains("X-API-Key") && fix.contains("reconnecting the number will not fix that"), "\(ran.out)")
        #expect(!ran.out.contains("<redacted>"), "the advice itself holds no secret-shaped text: \(ran.out)")
        #expect(!ran.out.contains("Access token has expired"), "\(ran.out)")
        #expect(ran.requests == 0)
    }

    /// The expired token (subcode 463) and Graph's "Error validating access token" stay the number's token to reconnect.
    @Test func anExpiredTokenIsStillTheNumbersToReconnect() {
        let ran = Probe37ExplainTests.explain(Self.body("Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST.", subcode: 463))
        #expect(Probe37ExplainTests.field(ran.out, "meaning") == "the number's Meta access token no longer works: the token has expired", "\(ran.out)")
        #expect(Probe37ExplainTests.field(ran.out, "what to do")?.hasPrefix("reconnect the number") == true, "\(ran.out)")
        #expect(ErrorCatalog.entry(for: "190", message: "Error validating access token: Session has expired")?.name == "access token expired or invalid")
        #expect(ErrorCatalog.entry(for: "190", message: nil)?.name == "access token expired or invalid")
    }
}
