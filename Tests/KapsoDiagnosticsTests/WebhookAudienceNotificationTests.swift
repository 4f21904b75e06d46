import KapsoClient
import KapsoDiagnostics
import Testing

/// tester49 F8: which inbound records a missing `whatsapp.message.received` delivery is evidence for. A system
/// notification is none (no documented received event); a reaction is (a documented message type).
@Suite struct WebhookAudienceNotificationTests {
    static func inbound(_ type: String, _ object: JSONValue) throws -> Message {
        try Message(json: [
            "id": .string("wamid." + type), "timestamp": "1795255200", "type": .string(type), type: object,
            "kapso": ["direction": "inbound", "phone_number_id": "100"],
        ])
    }

    @Test(arguments: [
        ("system", #"{"body": "x's security code changed", "type": "customer_identity_changed"}"#, false),
        ("reaction", #"{"message_id": "wamid.old", "emoji": "👍"}"#, true),
        ("text", #"{"body": "hola"}"#, true),
        // fix49d's leftover: types Kapso's list of webhook message types leaves out, with no word either way: unknown.
        ("button", #"{"payload": "yes", "text": "Yes"}"#, false),
        ("sticker", #"{"id": "123", "mime_type": "image/webp"}"#, false),
        ("order", #"{"catalog_id": "111", "product_items": []}"#, false),
    ])
    func onlyMessagesTheContactWroteAreDue(type: String, object: String, due: Bool) throws {
        let message = try Self.inbound(type, try JSONValue.parse(Array(object.utf8)))
        #expect((WebhookAudience.receivedUndocumented(message) == nil) == due)
        #expect(WebhookAudience.receivedTimes([message]) == (due ? [1_795_255_200] : []))
        #expect(WebhookAudience.events(of: message).count == (due ? 1 : 0))
    }

    @Test func theNotificationNamesItsOwnEvent() throws {
        let message = try Self.inbound("system", ["body": "x", "type": "customer_identity_changed"])
        let said = try #require(WebhookAudience.receivedUndocumented(message))
        #expect(said.hasPrefix("a system notification (customer_identity_changed), not a message the contact wrote"))
        #expect(said.contains("whatsapp.contact.identity_changed"))
    }

    @Test func aTypeKapsoDoesNotListIsUnknownNotMissed() throws {
        let said = try #require(WebhookAudience.receivedUndocumented(try Self.inbound("button", ["payload": "yes", "text": "Yes"])))
        #expect(said.hasPrefix("a tap on a template's quick-reply button (type button), a type Kapso's list of webhook message types leaves out"))
        #expect(said.contains("whether Kapso sends whatsapp.message.received for it is unknown"))
    }
}
