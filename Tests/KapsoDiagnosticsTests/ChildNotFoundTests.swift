import Foundation
import KapsoClient
import KapsoDiagnostics
import Testing

/// probe23 P23-1: a 404 on an object below a number of the project (`/{pnid}/messages/{wamid}`, `/conversations/{id}`,
/// `/contacts/{wa_id}`, `/phone_numbers/{pnid}/webhooks/{id}`) is about that object, never the number's access.
@Suite struct ChildNotFoundTests {
    static let salesWAMID = "wamid.HBgLMTQxNTU1NTAzMDIVAgASGBRTQUxFUzEAAAAAAAAAAAAAAAAAAA=="
    static let conversation = "0a1b2c3d-0000-4000-8000-000000000302"
    static let webhooks = [
        try! Webhook(json: [
            "id": "5f6a7b8c-0000-4000-8000-000000008b01", "url": "https://sales.example.test/hook", "kind": "kapso",
            "events": ["whatsapp.message.received"], "active": true, "phone_number_id": "100200300400502",
        ]),
        try! Webhook(json: [
            "id": "5f6a7b8c-0000-4000-8000-000000008b02", "url": "https://project.example.test/hook", "kind": "kapso",
            "events": ["whatsapp.phone_number.created"], "active": true,
        ]),
        try! Webhook(json: [
            "id": "5f6a7b8c-0000-4000-8000-000000008b03", "url": "https://support.example.test/hook", "kind": "kapso",
            "events": ["whatsapp.message.received"], "active": true, "phone_number_id": "100200300400501",
        ]),
    ]

    static var identities: [String: Identity] {
        var message = Identity(input: salesWAMID, kind: .wamid, statement: "\(salesWAMID) is a message of Sales Line 100200300400502")
        message.phoneNumberIDs = ["100200300400502"]
        var conversation = Identity(input: Self.conversation, kind: .conversationID, statement: "\(Self.conversation) is a conversation of Sales Line")
        conversation.phoneNumberIDs = ["100200300400502"]
        var contact = Identity(input: "14155550302", kind: .contactNumber, statement: "14155550302 is a contact of Sales Line")
        contact.phoneNumberIDs = ["100200300400502"]
        return [salesWAMID: message, Self.conversation: conversation, "14155550302": contact]
    }

    private func read(_ method: String, _ path: String, _ text: String, identities: [String: Identity] = Self.identities) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 404, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: text)])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: Self.webhooks, identities: identities)
        return try #require(groups.groups.first?.meaning)
    }

    /// Each object of another number is named with its owner and the path that reaches it; the number is not blamed.
    @Test(arguments: [
        ("GET", "/meta/whatsapp/v24.0/100200300400501/messages/\(salesWAMID)", APIRouteTests.graph404.replacingOccurrences(of: "ID", with: salesWAMID),
         "use /meta/whatsapp/v24.0/100200300400502/messages/\(salesWAMID) (Sales Line), or GET /platform/v1/whatsapp/messages/\(salesWAMID)"),
        ("GET", "/meta/whatsapp/v24.0/100200300400501/conversations/\(conversation)", "Conversation not found",
         "use /meta/whatsapp/v24.0/100200300400502/conversations/\(conversation) (Sales Line)"),
        ("GET", "/meta/whatsapp/v24.0/100200300400501/contacts/14155550302", "Contact not found",
         "use /meta/whatsapp/v24.0/100200300400502/contacts/14155550302 (Sales Line)"),
        ("PATCH", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/5f6a7b8c-0000-4000-8000-000000008b01", "Not Found",
         "of Sales Line 100200300400502: use /platform/v1/whatsapp/phone_numbers/100200300400502/webhooks/5f6a7b8c-0000-4000-8000-000000008b01"),
        ("DELETE", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/5f6a7b8c-0000-4000-8000-000000008b02", "Not Found",
         "project-scoped (no phone number): only /platform/v1/whatsapp/webhooks/5f6a7b8c-0000-4000-8000-000000008b02 reaches it"),
    ])
    func anObjectOfAnotherNumberIsNamedNotTheNumber(_ method: String, _ path: String, _ text: String, _ fix: String) throws {
        let meaning = try read(method, path, text)
        #expect(meaning.hasPrefix("the 404 is about the "), "\(meaning)")
        #expect(meaning.contains(", not the number: 100200300400501 is this project's phone-number id of Support Line"), "\(meaning)")
        #expect(meaning.contains(fix), "\(meaning)")
        for blame in ["health", "deregistered", "access token", "could not be reached"] {
            #expect(!meaning.contains(blame), "\(meaning)")
        }
    }

    /// A webhook's `/test` under a number is no route, whoever's the webhook: only the project path tests it, and the
    /// webhook is placed as for `…/webhooks/{id}` (it read "not an endpoint …, right for its place in the path").
    @Test(arguments: [
        ("POST", "5f6a7b8c-0000-4000-8000-000000008b01", "it is the kapso webhook to sales.example.test/hook of Sales Line 100200300400502"),
        ("PATCH", "5f6a7b8c-0000-4000-8000-000000008b02", "project-scoped (no phone number): only /platform/v1/whatsapp/webhooks/5f6a7b8c-0000-4000-8000-000000008b02/test reaches it"),
        ("DELETE", "5f6a7b8c-0000-4000-8000-000000008b03", "of this number: use POST /platform/v1/whatsapp/webhooks/5f6a7b8c-0000-4000-8000-000000008b03/test"),
        ("POST", "5f6a7b8c-0000-4000-8000-000000008b09", "no webhook of this project has this id now"),
    ])
    func aWebhookTestUnderANumberNamesTheProjectRoute(_ method: String, _ webhook: String, _ place: String) throws {
        let meaning = try read(method, "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(webhook)/test", "Not Found")
        #expect(meaning.hasPrefix("Kapso tests a webhook only at POST /platform/v1/whatsapp/webhooks/\(webhook)/test"), "\(meaning)")
        #expect(meaning.contains("100200300400501 is this project's phone-number id of Support Line"), "\(meaning)")
        #expect(meaning.contains(place), "\(meaning)")
        #expect(!meaning.contains("right for its place") && !meaning.contains("health"), "\(meaning)")
    }

    /// The answer's own words name the object: "Object with ID 'wamid…'", "Conversation not found".
    @Test func theAnswerNamingTheObjectIsSaid() throws {
        let named = try read("GET", "/meta/whatsapp/v24.0/100200300400501/conversations/\(Self.conversation)", "Conversation not found")
        #expect(named.contains("the answer names the conversation as the object not found"))
        let bare = try read("GET", "/meta/whatsapp/v24.0/100200300400501/conversations/\(Self.conversation)", "Not Found")
        #expect(!bare.contains("the answer names"))
    }

    /// An object kops cannot place is "not found under this number", still with no story about the number.
    @Test func anUnplacedObjectIsNotFoundUnderTheNumber() throws {
        let wamid = "wamid.HBgLMTQxNTU1NTA5OTkVAgASGBRVTktOT1dOAAAAAAAAAAAAAAAAAA=="
        let meaning = try read("GET", "/meta/whatsapp/v24.0/100200300400501/messages/\(wamid)", "Message not found", identities: [:])
        #expect(meaning.contains("kops finds no message with this id under 100200300400501"), "\(meaning)")
        #expect(meaning.contains("'whois \(wamid)' says what it is"), "\(meaning)")
        #expect(!meaning.contains("health"), "\(meaning)")
        let webhook = try read("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/5f6a7b8c-0000-4000-8000-000000008b09", "Not Found")
        #expect(webhook.contains("no webhook of this project has this id now"), "\(webhook)")
        #expect(!webhook.contains("the number was not found"), "\(webhook)")
    }

    /// The ids below a number are looked up as `whois` looks them up, so their owner can be named; a webhook of the
    /// project needs none (its list names it), while an id none of them has is looked up (tester52 H1:
    /// `WebhookSlotKindTests`).
    @Test func idsBelowANumberAreLookedUp() {
        let hook = IDResolverTests.facts.webhooks[0]
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", "/meta/whatsapp/v24.0/100200300400501/messages/\(Self.salesWAMID)", 404, key: "k", at: "2026-11-21T11:00:00Z"),
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks/\(hook.id)", 404, key: "k", at: "2026-11-21T11:01:00Z"),
        ])
        #expect(FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers, webhooks: [hook]) == [Self.salesWAMID])
    }
}
