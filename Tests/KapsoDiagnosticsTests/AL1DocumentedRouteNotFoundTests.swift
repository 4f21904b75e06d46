import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AL1: a 404 on a documented route whose id is no id-shaped value (`DELETE /platform/v1/whatsapp/webhooks/abc`,
/// `GET …/webhooks/123`, `POST …/webhooks/abc/test`, `GET /platform/v1/whatsapp/messages/msg-1`), and a 404 on a
/// documented list (`GET /platform/v1/webhook_deliveries` "Webhook not found", the conversation list with a query), were
/// read "the path is not an endpoint of the API (it has no id that could be missing)": the opposite advice for a webhook
/// name or a numeric id used where the UUID belongs. Rows from the tester's seeds (crafted6b, crafted17, crafted18).
@Suite struct AL1DocumentedRouteNotFoundTests {
    private func read(_ method: String, _ path: String, _ text: String) throws -> (triage: String, grouped: String) {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 404, key: "backend", at: "2026-12-06T17:11:00Z", error: text)])
        let entry = try #require(triage.entries.first)
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks).groups.first)
        return (entry.meaning, group.meaning)
    }

    @Test(arguments: [
        ("DELETE", "/platform/v1/whatsapp/webhooks/abc", "Webhook not found",
         "no webhook of this project has id 'abc' (not a webhook id: Kapso's webhook ids are UUIDs); 'webhooks --scope project' lists them"),
        ("GET", "/platform/v1/whatsapp/webhooks/123", "Webhook not found",
         "no webhook of this project has id '123' (not a webhook id: Kapso's webhook ids are UUIDs); 'webhooks --scope project' lists them"),
        ("POST", "/platform/v1/whatsapp/webhooks/abc/test", "Webhook not found",
         "no webhook of this project has id 'abc' (not a webhook id: Kapso's webhook ids are UUIDs); 'webhooks --scope project' lists them"),
        ("GET", "/platform/v1/whatsapp/messages/msg-1", "Message not found",
         "no message of this project has id 'msg-1' (not a message id: Kapso reads a message by its WAMID, wamid.…); 'messages' lists them"),
    ])
    func aNonIDInADocumentedObjectSlotIsTheMissingObject(_ method: String, _ path: String, _ text: String, _ meaning: String) throws {
        let read = try read(method, path, text)
        #expect(read.triage == meaning)
        #expect(read.grouped == meaning)
    }

    @Test func theDeliveryLogAnswering404NamesItsWebhookFilter() throws {
        let read = try read("GET", "/platform/v1/webhook_deliveries", "Webhook not found")
        for meaning in [read.triage, read.grouped] {
            #expect(!meaning.contains("not an endpoint"), "\(meaning)")
            #expect(meaning.hasPrefix("/platform/v1/webhook_deliveries is a documented route of Kapso's API"), "\(meaning)")
            #expect(meaning.contains("the webhook_id filter"), "\(meaning)")
            #expect(meaning.hasSuffix("'webhooks --scope project' lists them"), "\(meaning)")
        }
    }

    @Test func theConversationListWithAQueryNamesItsFilters() throws {
        let read = try read(
            "GET", "/platform/v1/whatsapp/conversations?phone_number=%2B447700900123&email=jane.doe%40example.com",
            "Conversation for jane.doe@example.com not found")
        for meaning in [read.triage, read.grouped] {
            #expect(!meaning.contains("not an endpoint"), "\(meaning)")
            #expect(meaning.contains("no conversation of this project"), "\(meaning)")
            #expect(meaning.contains("the phone_number filter and the email filter"), "\(meaning)")
            // The query's values (personal data) are not repeated.
            #expect(!meaning.contains("447700900123") && !meaning.contains("jane.doe"), "\(meaning)")
        }
    }

    /// A path that is no documented route keeps the reading, hedged.
    @Test func anUndocumentedPathIsOnlyLikelyNoEndpoint() throws {
        let read = try read("GET", "/platform/v1/whatsapp/broadcasts", "Not Found")
        #expect(read.triage == IDResolver.noRouteNoID)
        #expect(read.triage.contains("likely not an endpoint"))
    }
}
