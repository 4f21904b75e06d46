import KapsoClient
import KapsoDiagnostics
import Testing

/// tester47 F4: a 404 on `GET /platform/v1/whatsapp/messages/wamid.ID` (a WAMID too short to hold a digit) was read as a
/// path with no id ("the path is not an endpoint of the API"), though the route is documented (kapso-api.md §7.2) and the
/// answer says "WhatsApp message not found". A `wamid.` segment is an id whatever its length; a short one is named.
@Suite struct ShortWAMIDPathTests {
    @Test(arguments: [
        ("/platform/v1/whatsapp/messages/wamid.ID",
         "no message of this project has the id in the path ('wamid.ID' is too short to be a WAMID: a test value or a "
            + "placeholder?); 'whois wamid.ID' says what the id is"),
        ("/platform/v1/whatsapp/messages/WAMID.NOPE",
         "no message of this project has the id in the path ('WAMID.NOPE' is too short to be a WAMID: a test value or a "
            + "placeholder?); 'whois WAMID.NOPE' says what the id is"),
    ])
    func aShortWAMIDInTheMessagePathIsAMissingMessage(_ path: String, _ meaning: String) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", path, 404, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: "WhatsApp message not found")
        ])
        let entry = try #require(triage.entries.first)
        #expect(entry.meaning == meaning)
        let grouped = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        #expect(grouped.groups.first?.meaning == meaning)
    }

    /// A path with no id at all is still read as no endpoint; `wamid.` with nothing after it is no id.
    @Test func aPathWithoutAnIDIsNoEndpoint() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/broadcasts", 404, key: "k", at: "2026-11-21T11:00:00Z", error: "Not Found")
        ])
        #expect(try #require(triage.entries.first).meaning == IDResolver.noRouteNoID)
        #expect(APIPath.ids(in: "/platform/v1/whatsapp/messages/wamid.").isEmpty)
    }
}
