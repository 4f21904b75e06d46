import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct SendMessageTests {
    private let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    private func text(to: String, _ body: String = "Hello") -> String {
        #"{"messaging_product":"whatsapp","to":"\#(to)","type":"text","text":{"body":"\#(body)"}}"#
    }

    @Test func quotedReplyInsideWindow_Succeeds_AndShowsUp() async throws {
        let request = String(decoding: try Fixtures.data("send_message.request.json"), as: UTF8.self)
        let (sent, message, conversation) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let sent = try client.request("POST", send, body: request)
                let id = sent.json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
                let message = try client.request("GET", "\(platform)/whatsapp/messages/\(QueryEncoding.escape(id))")
                let conversation = try client.request(
                    "GET", "\(platform)/whatsapp/conversations/d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678")
                return (sent, message, conversation)
            }
        }
        #expect(sent.status == 200)
        try expectShape(of: sent.json, like: "send_message.success.json")
        #expect(message.json["data"]?["kapso"]?["status"] == "sent")
        #expect(message.json["data"]?["context"]?["id"] == "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=")
        #expect(conversation.json["data"]?["kapso"]?["messages_count"] == 7)
        #expect(conversation.json["data"]?["last_active_at"] == "2026-11-21T12:00:00Z")
    }

    @Test func freeFormToLee_Returns131047() async throws {
        let (response, log) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("POST", send, body: text(to: "+1 415 555 0157")),
                 try client.request("GET", "\(platform)/api_logs?limit=1"))
            }
        }
        #expect(response.status == 422)
        try expectShape(of: response.json, like: "send_message.error_131047.json")
        #expect(response.json["error"]?["code"] == 131_047)
        #expect(log.json["data"]?.arrayValue?.first?["error_message"] == "(#131047) Re-engagement message")
    }

    @Test func templateToLee_Succeeds() async throws {
        let body = #"{"messaging_product":"whatsapp","to":"14155550157","type":"template","template":{"name":"part_ready","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","parameter_name":"customer_name","text":"Lee"},{"type":"text","parameter_name":"order_id","text":"A-1042"}]}]}}"#
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", send, body: body) }
        }
        #expect(response.status == 200)
    }

    @Test func unknownRecipient_Returns131026() async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", send, body: text(to: "19995550000")) }
        }
        #expect(response.status == 422)
        #expect(response.json["error"]?["code"] == 131_026)
    }

    @Test func unknownPhoneNumberID_Returns404GraphError() async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) {
                try $0.request("POST", "/meta/whatsapp/v21.0/200300400500601/messages", body: text(to: "14155550142"))
            }
        }
        #expect(response.status == 404)
        #expect(response.json["error"]?["code"] == 100)
    }

    /// The demo story's history-sync GET with a WABA id: the same 404 Graph 100/33 its seeded API log shows, and
    /// for a real number a 404 naming what the simulator does not serve, never 405 "use POST" (probe2 F15).
    @Test func historyGet_Is404_UnknownObjectOrNotServed() async throws {
        let (waba, number) = try await withSimulator { simulator in
            try await requests(to: simulator) {
                (try $0.request("GET", "/meta/whatsapp/v24.0/200300400500601/messages"),
                 try $0.request("GET", "/meta/whatsapp/v24.0/100200300400501/messages"))
            }
        }
        #expect(waba.status == 404)
        #expect(waba.json["error"]?["error_subcode"] == 33)
        #expect(waba.json["error"]?["message"]?.stringValue?.hasPrefix(
            "Unsupported get request. Object with ID '200300400500601' does not exist") == true)
        #expect(number.status == 404)
        #expect(number.json["error"]?["message"]?.stringValue?.contains("is not served by kapso-sim") == true)
    }

    @Test func bearerTokenWorksOnProxy() async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator, apiKey: nil) {
                try $0.request("POST", send, body: text(to: "14155550142"), headers: ["Authorization": "Bearer test-key"])
            }
        }
        #expect(response.status == 200)
    }
}
