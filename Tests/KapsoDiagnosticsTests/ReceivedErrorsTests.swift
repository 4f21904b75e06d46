import KapsoClient
import KapsoDiagnostics
import Testing

/// probe21 P21-13: the errors of a message the contact sent (131051 "unsupported message type", 131060) are WhatsApp saying
/// it could not pass on what the contact did: `errors` shows them, counted apart, never as failed sends.
@Suite struct ReceivedErrorsTests {
    static func inbound(_ id: String, type: String, code: Int) -> String {
        #"{"id":"\#(id)","timestamp":"1000","type":"unsupported","from":"14155550200","unsupported":{"type":"\#(type)"},"#
            + #""errors":[{"code":\#(code),"title":"Message type unknown"}],"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number_id":"100200300400501"}}"#
    }

    static var page: JSONValue {
        get throws {
            try ErrorTriageStatusTests.page([
                inbound("wamid.P", type: "pin", code: 131051), inbound("wamid.Q", type: "poll_update", code: 131051),
                inbound("wamid.U", type: "image", code: 131060),
                ErrorTriageStatusTests.outbound(
                    "wamid.F", status: "failed", statuses: #"[{"status":"failed","timestamp":"1001","errors":[{"code":131026}]}]"#),
                // An error on a message the business sent stays a failure, whatever array carries it.
                #"{"id":"wamid.O","timestamp":"1000","type":"text","to":"14155550171","errors":[{"code":131053}],"#
                    + #""kapso":{"direction":"outbound","status":"sent","phone_number_id":"100200300400501"}}"#,
            ])
        }
    }

    @Test func receivedErrorsAreShownButNotCountedAsFailures() throws {
        var triage = ErrorTriage()
        triage.addMessages(try Self.page, since: 0)
        #expect(triage.entries.count == 5)
        #expect(triage.entries.filter(\.isReceived).map { $0.json["id"]?.string ?? "" }.sorted() == ["wamid.P", "wamid.Q", "wamid.U"])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers)
        #expect(groups.total == 5 && groups.received == 3 && groups.failures == 2)
        let unsupported = try #require(groups.groups.first { $0.error.hasPrefix("131051") })
        #expect(unsupported.isReceived && unsupported.count == 2)
        #expect(unsupported.headline == "2 received messages with 131051 (unsupported message type), not failed sends", "\(unsupported.headline)")
        let failed = try #require(groups.groups.first { $0.error.hasPrefix("131026") })
        #expect(!failed.isReceived && failed.headline == "1 message failed with 131026 (message undeliverable)")
        #expect(groups.groups.first { $0.error.hasPrefix("131053") }?.isReceived == false)
        // A send to the same number failing with a code a received message also had is its own cause: not merged.
        #expect(Set(groups.groups.map(\.headline)).count == groups.groups.count)
    }

    /// `SendFailures` (overview) counts the failed sends only, as before.
    @Test func sendFailuresLeaveReceivedErrorsOut() throws {
        var triage = ErrorTriage()
        triage.addMessages(try Self.page, since: 0)
        #expect(SendFailures(triage.entries, phoneNumberID: nil, numbers: IDResolverTests.numbers).failed == 2)
    }
}
