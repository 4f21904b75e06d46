import KapsoClient
import KapsoDiagnostics
import Testing

/// `SendAttribution`: calls and deliveries found by endpoint and time are a message's own only where its
/// history allows, and several sends at that time are named as ambiguous (probe4: a read message listed
/// another send's 400 #132015 and both messages' deliveries).
@Suite struct SendAttributionTests {
    static func message(statuses: String, final: String) throws -> Message {
        try Message(json: try #require(JSONValue.parse("""
            {"id": "wamid.READ", "timestamp": "1763630100", "type": "template", "to": "14155550142",
             "kapso": {"direction": "outbound", "status": "\(final)", "phone_number_id": "100200300400501", "statuses": \(statuses)}}
            """).object))
    }

    static func call(_ id: String, status: Int, error: String? = nil) throws -> APILog {
        try APILog(json: [
            "id": .string(id), "http_method": "POST", "endpoint": "/meta/whatsapp/v24.0/100200300400501/messages",
            "response_status": .number(String(status)), "created_at": "2025-11-20T09:15:00Z",
            "error_message": error.map(JSONValue.string) ?? .null,
        ])
    }

    static func delivery(_ id: String, _ event: String) throws -> WebhookDelivery {
        try WebhookDelivery(json: [
            "id": .string(id), "event": .string("whatsapp.message." + event), "status": "delivered", "attempt_count": 1,
            "created_at": "2025-11-20T09:15:01Z", "webhook_id": "hook-1", "webhook_url": "https://hooks.test/kapso",
            "phone_number_id": "100200300400501", "conversation_phone_number": "14155550142",
        ])
    }

    static let read = """
        [{"status": "sent", "timestamp": "1763630100"}, {"status": "delivered", "timestamp": "1763630102"},
         {"status": "read", "timestamp": "1763630105"}]
        """

    @Test func aReadMessageDoesNotTakeAnotherSendsRefusalAndTheMatchIsNamedAmbiguous() throws {
        let calls = [
            try Self.call("ok-1", status: 200), try Self.call("ok-2", status: 200),
            try Self.call("paused", status: 400, error: "(#132015) Template is Paused"),
        ]
        let deliveries = try ["sent", "sent", "delivered", "delivered", "read", "failed"].enumerated().map {
            try Self.delivery("d\($0.offset)", $0.element)
        }
        let attribution = SendAttribution(message: try Self.message(statuses: Self.read, final: "read"), calls: calls, deliveries: deliveries)
        #expect(attribution.calls.map(\.id) == ["ok-1", "ok-2"])
        #expect(attribution.otherCalls == 1)
        #expect(attribution.deliveries.map(\.id) == ["d0", "d1", "d2", "d3", "d4"])
        #expect(attribution.otherDeliveries == 1)
        #expect(attribution.callsNote?.hasPrefix("3 send calls within 5 s of this message: these may belong to another message") == true)
        #expect(attribution.deliveriesNote?.hasPrefix("2 deliveries of one event to one webhook") == true)
    }

    @Test func aFailedMessageKeepsTheRefusalWithItsCodeAndOneSendIsNotAmbiguous() throws {
        let failed = #"[{"status": "failed", "timestamp": "1763630100", "errors": [{"code": 132015, "title": "Template is Paused"}]}]"#
        let calls = [
            try Self.call("paused", status: 400, error: "(#132015) Template is Paused"),
            try Self.call("other", status: 400, error: "(#131047) Re-engagement message"),
        ]
        let attribution = SendAttribution(
            message: try Self.message(statuses: failed, final: "failed"), calls: calls, deliveries: [try Self.delivery("f", "failed")])
        #expect(attribution.calls.map(\.id) == ["paused"])
        #expect(attribution.deliveries.map(\.id) == ["f"])
        #expect(attribution.callsNote == nil)
        #expect(attribution.deliveriesNote == nil)
    }
}
