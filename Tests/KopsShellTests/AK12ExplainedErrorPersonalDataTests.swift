@testable import KopsShell
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester62 AK12: `explain` of a Graph error 100/33 whose message holds an id in national form printed it in clear four
/// times in a masked transcript (the line, `what to do` twice, `meta msg`), and an e-mail address in the message too.
@Suite struct AK12ExplainedErrorPersonalDataTests {
    static let body = """
        {"error":{"message":"Unsupported post request. Object with ID 07700900011 does not exist, cannot be loaded due to \
        missing permissions, or does not support this operation. Contact dana@example.com","type":"GraphMethodException",\
        "code":100,"error_subcode":33,"fbtrace_id":"AbC"}}
        """

    @Test func anExplainedErrorIsMasked() async throws {
        let line = "explain '\(Self.body)'"
        let (page, _) = try await recordMasked([line], seed: .demo, width: nil)
        #expect(page.contains("meta msg") && page.contains("whois "), "\(page)")
        for canary in ["7700900011", "dana@example.com"] { #expect(!page.contains(canary), "\(canary)\n\(page)") }
    }
}
