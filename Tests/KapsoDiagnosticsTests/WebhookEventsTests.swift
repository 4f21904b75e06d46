import KapsoDiagnostics
import Testing

/// The catalogue of kapso-api.md §3.4 and §14.1.
@Suite struct WebhookEventsTests {
    @Test func scopesFollowTheCatalog() {
        #expect(WebhookEvents.all.count == 28)
        #expect(Set(WebhookEvents.all).count == 28, "each name once")
        #expect(
            WebhookEvents.all.filter { WebhookEvents.scope(of: $0) == .phoneNumber }
                == WebhookEvents.messages + WebhookEvents.conversations + [
                    "whatsapp.contact.identity_changed", "whatsapp.contact.marketing_preference_changed",
                    "whatsapp.meta_business_agent.handover",
                ])
        #expect(WebhookEvents.scope(of: "whatsapp.phone_number.created") == .project)
        #expect(WebhookEvents.scope(of: "whatsapp.account.violation") == .project)
        #expect(WebhookEvents.scope(of: "project.event") == .project)
        #expect(!WebhookEvents.isKnown("whatsapp.message.status"))
    }

    @Test func onlyReceivedMessagesAreBufferable() {
        #expect(WebhookEvents.catalog.filter(\.bufferable).map(\.name) == ["whatsapp.message.received"])
    }

    @Test(arguments: [
        (["whatsapp.message.status"], "Events contains unsupported events: \"whatsapp.message.status\""),
        (["whatsapp.message.received", "x", "x", "whatsapp.Message.read"],
         "Events contains unsupported events: \"x\", \"whatsapp.Message.read\""),
    ])
    func unknownNamesGetKapsosMessage(names: [String], expected: String) {
        #expect(WebhookEvents.unsupportedMessage(WebhookEvents.unsupported(names)) == expected)
    }

    @Test func everyKnownNameIsSupported() {
        #expect(WebhookEvents.unsupported(WebhookEvents.all).isEmpty)
    }
}
