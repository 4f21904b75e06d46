import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52 H1: a conversation id in a webhook route (`GET|PATCH|DELETE /whatsapp/webhooks/{id}`, `/test`, and the
/// phone-number-scoped route) was "this project's conversation id and the path is a documented route, so neither is the
/// mistake … a retry", or "no webhook has the id": the id's kind must fit the route's slot before any such story.
@Suite struct WebhookSlotKindTests {
    static let conversation = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"

    static var identities: [String: Identity] {
        [conversation: Identity(input: conversation, kind: .conversationID, statement: "\(conversation) is the conversation with Dana Ortiz")]
    }

    private func meaning(_ method: String, _ path: String) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 404, key: "svc", at: "2026-11-21T11:00:00Z", error: "Not found")])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: [], identities: Self.identities)
        return try #require(groups.groups.first?.meaning)
    }

    @Test(arguments: [
        ("GET", "/platform/v1/whatsapp/webhooks/\(conversation)"), ("PATCH", "/platform/v1/whatsapp/webhooks/\(conversation)"),
        ("DELETE", "/platform/v1/whatsapp/webhooks/\(conversation)"), ("POST", "/platform/v1/whatsapp/webhooks/\(conversation)/test"),
    ])
    func aConversationIDInAWebhookRouteIsNamed(method: String, path: String) throws {
        let line = try meaning(method, path)
        #expect(line == "the id in the path is the conversation with Dana Ortiz (conversation id), used as a webhook id; "
            + "'webhooks' lists webhook ids", "\(line)")
    }

    @Test func thePhoneNumberScopedRouteNamesItToo() throws {
        let line = try meaning("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(Self.conversation)")
        #expect(line.contains("the conversation with Dana Ortiz (conversation id), used as a webhook id"), "\(line)")
        #expect(!line.contains("deleted, or another project's"), "\(line)")
    }

    @Test func aPhoneNumberScopedWebhookSlotsUnknownIDIsLookedUp() throws {
        let hook = IDResolverTests.facts.webhooks[0]
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(Self.conversation)", 404,
                key: "svc", at: "2026-11-21T11:00:00Z"),
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(hook.id)", 404,
                key: "svc", at: "2026-11-21T10:00:00Z"),
        ])
        let ids = FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers, webhooks: [hook])
        #expect(ids.contains(Self.conversation), "\(ids)")
        #expect(!ids.contains(hook.id), "\(ids)")
    }

    @Test func aWebhookRoutesIDIsLookedUpAndItsTestIsAnEndpoint() throws {
        let path = "/platform/v1/whatsapp/webhooks/\(Self.conversation)/test"
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", path, 404, key: "svc", at: "2026-11-21T11:00:00Z", error: "Not found")])
        #expect(FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers).contains(Self.conversation))
        let line = try #require(triage.entries.first?.meaning)
        #expect(!line.contains("/test under it is not an endpoint"), "\(line)")
    }
}
