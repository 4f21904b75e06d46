import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// tester56 Z3: a send left at `pending` for an hour was "either Meta never accepted the send or …", though its id is a
/// WAMID, which Meta gives only to a send it accepted (kapso-api.md §9.2). An id of another shape keeps both causes.
@Suite struct Z3PendingWAMIDTests {
    static func pending(id: String) throws -> Message {
        let text = #"{"id":"\#(id)","timestamp":"1000","type":"text","text":{"body":"hi"},"#
            + #""kapso":{"direction":"outbound","status":"pending","statuses":[]}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test func aWAMIDWasAcceptedByMeta() throws {
        let verdict = MessageVerdict.of(try Self.pending(id: "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN17AAAAAAAAAAAAAAAAAAAA="), windowAtSend: nil, now: 9_000)
        #expect(verdict.text.contains("so Meta accepted the send (it answered with this WAMID"), "\(verdict.text)")
        #expect(!verdict.text.contains("never accepted"), "\(verdict.text)")
    }

    @Test func anIDThatIsNoWAMIDKeepsBothCauses() throws {
        let verdict = MessageVerdict.of(try Self.pending(id: "9f8e7d6c-5b4a-4321-8fed-cba987654321"), windowAtSend: nil, now: 9_000)
        #expect(verdict.text.contains("either Meta never accepted the send or Kapso never received its status webhooks"), "\(verdict.text)")
    }
}
