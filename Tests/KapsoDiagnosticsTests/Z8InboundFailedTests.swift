import KapsoClient
import KapsoDiagnostics
import Testing

/// tester56 Z8: an inbound message with `kapso.status: "failed"` and no error was traced as plain "received". Kapso's
/// failed status is named, hedged: the contract documents it only for sends (kapso-api.md §7.3, gotcha 14).
@Suite struct Z8InboundFailedTests {
    static func message(status: String) throws -> Message {
        let json = #"{"id":"wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY04AAAAAAAAAAAAAAAAAAAA=","timestamp":"1000","type":"text","from":"14155550171","#
            + #""text":{"body":"in 4"},"kapso":{"direction":"inbound","status":"\#(status)","processing_status":"processed","#
            + #""phone_number":"14155550171","phone_number_id":"100200300400501"}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(json.utf8)).object))
    }

    @Test func kapsosFailedStatusIsNamed() throws {
        let verdict = MessageVerdict.of(try Self.message(status: "failed"), windowAtSend: nil, now: 2_000)
        #expect(verdict.text.hasPrefix("received, yet Kapso's status for it is 'failed' with no error attached"), "\(verdict.text)")
        #expect(verdict.text.contains("what failed is not known"), "\(verdict.text)")
    }

    @Test func aReceivedOneIsUnchanged() throws {
        let verdict = MessageVerdict.of(try Self.message(status: "received"), windowAtSend: nil, now: 2_000)
        #expect(!verdict.text.contains("'failed'"), "\(verdict.text)")
        #expect(verdict.text.hasPrefix("received"), "\(verdict.text)")
    }
}
