import KopsTestSupport
import Testing

/// tester57b, V13 residual: `trace`/`whois` of a whole JSON status object pasted said it "looks damaged: it has '",
/// "status": "read' after its '=' padding"; its id member is named, with the command that takes it.
@Suite struct V13JSONObjectPastedShellTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: ["trace", "whois", "message"])
    func theIdMemberIsOffered(_ command: String) async throws {
        let run = try await runDemo(["\(command) '{\"id\": \"\(Self.wamid)\", \"status\": \"read\"}'"], number: "100200300400501")[0]
        #expect(run.status != 0)
        #expect(run.err.contains("it is a JSON object pasted whole, {\"id\": …, …}: its \"id\" reads as a WAMID: \(Self.wamid); \(command) \(Self.wamid)"), "\(run.err)")
        #expect(!run.err.contains("damaged"), "\(run.err)")
    }
}
