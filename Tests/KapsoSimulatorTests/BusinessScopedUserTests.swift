import Foundation
import Testing
@testable import KapsoSimulator

/// Sends addressed by business-scoped user id (`recipient`), to the demo's username-only contact on Sales.
@Suite struct BusinessScopedUserTests {
    private let send = "/meta/whatsapp/v24.0/100200300400502/messages"
    private let marisol = "US.48210937561029384756"

    private func body(_ addressing: String) -> String {
        #"{"messaging_product":"whatsapp",\#(addressing),"type":"text","text":{"body":"Held for you"}}"#
    }

    @Test func seed_HasAUsernameOnlyConversation() async throws {
        let conversation = try await withSimulator {
            try await get($0, "\(platform)/whatsapp/conversations/a7c8e9f0-6b7d-4e8f-9a01-234567890123")
        }
        let data = conversation.json["data"]
        #expect(data?["phone_number"] == .null)
        #expect(data?["business_scoped_user_id"] == .string(marisol))
        #expect(data?["username"] == "@marisol.v")
    }

    @Test func recipientSend_IsStoredAndListedByTheUserID() async throws {
        let (sent, listed, conversation) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let sent = try client.request("POST", send, body: body(#""recipient":"\#(marisol)""#))
                let listed = try client.request("GET", "\(platform)/whatsapp/messages?business_scoped_user_id=\(marisol)&limit=1")
                let conversation = try client.request(
                    "GET", "\(platform)/whatsapp/conversations/a7c8e9f0-6b7d-4e8f-9a01-234567890123")
                return (sent, listed, conversation)
            }
        }
        #expect(sent.status == 200, "\(sent.text)")
        #expect(sent.json["contacts"]?.arrayValue?.first?["user_id"] == .string(marisol))
        #expect(sent.json["contacts"]?.arrayValue?.first?["wa_id"] == nil)
        let wamid = sent.json["messages"]?.arrayValue?.first?["id"]
        let message = listed.json["data"]?.arrayValue?.first
        #expect(message?["id"] == wamid)
        #expect(message?["to"] == .null)
        #expect(message?["to_user_id"] == .string(marisol))
        #expect(message?["username"] == "@marisol.v")
        #expect(message?["kapso"]?["phone_number"] == .null)
        #expect(message?["kapso"]?["statuses"]?.arrayValue?.first?["recipient_user_id"] == .string(marisol))
        #expect(conversation.json["data"]?["kapso"]?["last_message_id"] == wamid)
    }

    @Test func toWinsOverRecipient() async throws {
        let sent = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                try client.request(
                    "POST", "/meta/whatsapp/v24.0/100200300400501/messages",
                    body: body(#""to":"+1 415-555-0142","recipient":"\#(marisol)""#))
            }
        }
        #expect(sent.status == 200, "\(sent.text)")
        #expect(sent.json["contacts"]?.arrayValue?.first?["wa_id"] == "14155550142")
    }

    @Test(arguments: [
        (#""recipient":"marisol""#, 400, 100), (#""recipient":"us.48210937561029384756""#, 400, 100),
        (#""recipient":17"#, 400, 100), (#""recipient":"US.99999999999999999999""#, 422, 131_026),
    ])
    func badOrUnknownRecipient_IsAGraphError(_ addressing: String, _ status: Int, _ code: Int) async throws {
        let sent = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", send, body: body(addressing)) }
        }
        #expect(sent.status == status, "\(sent.text)")
        #expect(sent.json["error"]?["code"] == .int(code))
    }
}
