import KapsoClient
import KapsoDiagnostics
import Testing

/// `errors` joins a refused send call to a failed message only when the message could be that send: a message Meta
/// accepted (a WAMID, a `sent` status) was answered 200, so a 422 near it is another attempt, as `trace` says (P28-16).
@Suite struct SameSendTests {
    static let call = FailureGroupsTests.log(
        "POST", "/meta/whatsapp/v24.0/100200300400501/messages", 422, key: "inbox-backend", at: "2025-11-20T09:15:00Z",
        error: "(#131047) Re-engagement message")

    static func triage(id: String, statuses: String) throws -> ErrorTriage {
        let page = try JSONValue.parse("""
            {"data": [{"id": "\(id)", "timestamp": "1763630100", "type": "text", "to": "14155550157",
              "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
                "statuses": [\(statuses)]}}]}
            """)
        var triage = ErrorTriage()
        triage.addMessages(page, since: 0)
        triage.addAPILogs([call])
        return triage
    }

    static let failed = #"{"status": "failed", "timestamp": "1763630102", "errors": [{"code": 131047, "title": "Re-engagement message"}]}"#
    static let sent = #"{"status": "sent", "timestamp": "1763630100"}"#

    @Test func aRefusedCallNearAnAcceptedMessageIsAnotherFailure() throws {
        let triage = try Self.triage(id: "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRF", statuses: Self.sent + "," + Self.failed)
        let (kept, joined) = FailureGroups.withoutSameSends(triage.entries)
        #expect(joined == 0)
        #expect(kept.map(\.source) == [.message, .api])
        let groups = FailureGroups(triage.entries, numbers: [])
        #expect(groups.total == 2)
        #expect(groups.joined == 0)
        let message = try Message(json: try #require(triage.entries.first?.json))
        let attribution = SendAttribution(message: message, calls: [Self.call], deliveries: [])
        #expect(attribution.refusedAttempts.count == 1, "trace reads the same call as another attempt")
    }

    @Test func aRefusedCallIsTheSendOfAMessageWithoutAWAMID() throws {
        let triage = try Self.triage(id: "7f3c1a52-2d1e-4c55-9a0e-0b1c2d3e4f50", statuses: Self.failed)
        let (kept, joined) = FailureGroups.withoutSameSends(triage.entries)
        #expect(joined == 1)
        #expect(kept.map(\.source) == [.message])
        let message = try Message(json: try #require(triage.entries.first?.json))
        #expect(!SendAttribution.accepted(message))
        #expect(SendAttribution(message: message, calls: [Self.call], deliveries: []).refusedAttempts.isEmpty)
    }
}
