import KopsTestSupport
import Testing

/// tester48 F6: `message`, `trace` and `whois` of an id with `wamid.` twice name the doubled prefix and the id to use;
/// `message` of an id whose base64 is unreadable says what is expected in a sentence (it printed "expected the part
/// after 'wamid.' is not base64").
@Suite struct WAMIDDoubledPrefixShellTests {
    static let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="

    @Test(arguments: ["message", "trace", "whois"])
    func aDoubledPrefixIsNamed(_ command: String) async throws {
        let ran = try await runDemo("\(command) 'wamid.\(Self.id)'")
        #expect(ran.err.contains("it has 'wamid.' twice (code added the prefix to an id that had it): drop one: \(Self.id)"), "\(ran.err)")
        #expect(ran.status != 0)
    }

    @Test func anUnreadableIDSaysWhatIsExpected() async throws {
        let ran = try await runDemo("message 'wamid.%%%notbase64'")
        #expect(ran.err == "error: message: invalid message id 'wamid.%%%notbase64'; expected base64 after 'wamid.' (letters, "
            + "digits, '+', '/' and '='); copy the whole id from the payload\n")
    }
}
