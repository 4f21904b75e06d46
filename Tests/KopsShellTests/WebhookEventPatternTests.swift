@testable import KopsShell
import KapsoDiagnostics
import Testing

/// `--events all` and `whatsapp.message.*` expand to the catalog's events for the webhook's scope.
@Suite struct WebhookEventPatternTests {
    @Test(arguments: [
        ("all", WebhookEvents.Scope.phoneNumber, false,
         WebhookEvents.messages + WebhookEvents.conversations
            + ["whatsapp.contact.identity_changed", "whatsapp.contact.marketing_preference_changed",
               "whatsapp.meta_business_agent.handover"]),
        ("all", .phoneNumber, true, WebhookEvents.messages + WebhookEvents.conversations),
        ("all", .project, false,
         ["whatsapp.phone_number.created", "whatsapp.phone_number.deleted", "whatsapp.phone_number.offboarded",
          "whatsapp.phone_number.disconnected", "whatsapp.phone_number.reconnected", "whatsapp.account.disabled",
          "whatsapp.account.restricted", "whatsapp.account.reinstated", "whatsapp.account.violation",
          "workflow.execution.handoff", "workflow.execution.failed", "project.event",
          "kapso_agent.run.approval_required", "kapso_agent.run.completed", "kapso_agent.run.failed",
          "kapso_agent.run.cancelled"]),
        ("all", .project, true,
         ["whatsapp.config.created", "whatsapp.phone_number.created", "whatsapp.phone_number.deleted",
          "workflow.execution.handoff", "workflow.execution.failed"]),
        ("whatsapp.message.*", .phoneNumber, false, WebhookEvents.messages),
        ("whatsapp.message.received,whatsapp.message.*", .phoneNumber, false, WebhookEvents.messages),
        ("whatsapp.conversation.ended", .phoneNumber, false, ["whatsapp.conversation.ended"]),
        ("whatsapp.account.*", .project, false,
         ["whatsapp.account.disabled", "whatsapp.account.restricted", "whatsapp.account.reinstated",
          "whatsapp.account.violation"]),
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
