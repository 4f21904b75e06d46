@testable import KopsShell
import KapsoClient
import Testing

/// `--events all` and `whatsapp.message.*` expand to the catalog's events for the webhook's scope.
@Suite struct WebhookEventPatternTests {
    @Test(arguments: [
        ("all", WebhookEvents.Scope.phoneNumber, false, WebhookEvents.messages + WebhookEvents.conversations),
        ("all", .project, false,
         ["whatsapp.phone_number.created", "whatsapp.phone_number.deleted", "workflow.execution.handoff",
          "workflow.execution.failed", "project.event"]),
        ("all", .project, true,
         ["whatsapp.phone_number.created", "whatsapp.phone_number.deleted", "workflow.execution.handoff",
          "workflow.execution.failed", "project.event", "whatsapp.config.created"]),
        ("whatsapp.message.*", .phoneNumber, false, WebhookEvents.messages),
        ("whatsapp.message.received,whatsapp.message.*", .phoneNumber, false, WebhookEvents.messages),
        ("whatsapp.conversation.ended", .phoneNumber, false, ["whatsapp.conversation.ended"]),
    ] as [(String, WebhookEvents.Scope, Bool, [String])])
    func expandsToTheCatalog(text: String, scope: WebhookEvents.Scope, v1: Bool, expected: [String]) throws {
        #expect(try WebhookFields.expandedEvents(text, scope: scope, v1: v1) == expected.joined(separator: ","))
    }

    @Test func allOnUpdateAndPatternsThatMatchNothingAreOneLine() {
        #expect(throws: ShellError.self) { try WebhookFields.expandedEvents("all", scope: nil, v1: false) }
        do {
            _ = try WebhookFields.expandedEvents("whatsapp.mesage.*", scope: .phoneNumber, v1: false)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.message
                    == "webhooks: invalid event pattern 'whatsapp.mesage.*'; expected a pattern ending in * that matches catalog events, e.g. whatsapp.message.*")
        }
    }
}
