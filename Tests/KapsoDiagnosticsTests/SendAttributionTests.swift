import KapsoClient
import KapsoDiagnostics
import Testing

/// `SendAttribution`: calls and deliveries found by endpoint and time are a message's own only where its
/// history allows, and several sends at that time are named as ambiguous (probe4: a read message listed
/// another send's 400 #132015 and both messages' deliveries).
@Suite struct SendAttributionTests {
    static func message(statuses: String, final: String, id: String = "wamid.READ") throws -> Message {
        try Message(json: try #require(JSONValue.parse("""
            {"id": "\(id)", "timestamp": "1763630100", "type": "template", "to": "14155550142",
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

    /// probe17 P17-9: of two deliveries of one event to one webhook (two messages sent that second), the failed one is
    /// never called this message's; one delivered once is.
    @Test func aFailedDeliveryThatMayBeAnothersIsNotCalledThisMessages() throws {
        func failed(_ delivery: WebhookDelivery) throws -> WebhookDelivery {
            var json = delivery.json
            json["status"] = "failed"
            return try WebhookDelivery(json: json)
        }
        let message = try Self.message(statuses: Self.read, final: "read")
        let shared = SendAttribution(
            message: message, calls: [], deliveries: [try Self.delivery("a", "sent"), try failed(try Self.delivery("b", "sent"))])
        #expect(shared.failedOwn == 0 && shared.failedShared == 1)
        let note = try #require(shared.failedNote(more: "deliveries --errors"))
        #expect(note == "1 failed webhook delivery at that time may be this message's or another message's "
            + "(the delivery log holds no WAMID): 'deliveries --errors' shows more")
        let own = SendAttribution(message: message, calls: [], deliveries: [try failed(try Self.delivery("c", "read"))])
        #expect(own.failedNote(more: "deliveries --errors") == "1 webhook delivery of this message failed: 'deliveries --errors' shows more")
        #expect(SendAttribution(message: message, calls: [], deliveries: []).failedNote(more: "x") == nil)
    }

    /// A failed message kops knows by another id than a WAMID (nothing says Meta accepted it) keeps the refusal with
    /// its failure code.
    @Test func aFailedMessageWithoutAWAMIDKeepsTheRefusalWithItsCodeAndOneSendIsNotAmbiguous() throws {
        let failed = #"[{"status": "failed", "timestamp": "1763630100", "errors": [{"code": 132015, "title": "Template is Paused"}]}]"#
        let calls = [
            try Self.call("paused", status: 400, error: "(#132015) Template is Paused"),
            try Self.call("other", status: 400, error: "(#131047) Re-engagement message"),
        ]
        let message = try Self.message(statuses: failed, final: "failed", id: "5f0c2a9e-1b7d-4c3e-9a8f-2d6b4e1c7a90")
        let attribution = SendAttribution(message: message, calls: calls, deliveries: [try Self.delivery("f", "failed")])
        #expect(attribution.refusedAttempts.isEmpty)
        #expect(attribution.refusedNote == nil)
        #expect(attribution.calls.map(\.id) == ["paused"])
        #expect(attribution.deliveries.map(\.id) == ["f"])
        #expect(attribution.callsNote == nil)
        #expect(attribution.deliveriesNote == nil)
    }

    /// probe11 P11-12 (the demo's 131047 message): a message with a WAMID and a `sent` status was answered 200, so a
    /// send refused with 422 #131047 at that second is another attempt, never its send, whatever code it later
    /// failed with; the refused call is listed apart and named so.
    @Test(arguments: [
        #"[{"status": "sent", "timestamp": "1763630100"}, {"status": "failed", "timestamp": "1763630102", "errors": [{"code": 131047}]}]"#,
        #"[{"status": "failed", "timestamp": "1763630102", "errors": [{"code": 131047}]}]"#,
    ])
    func aRefusedCallIsNeverTheSendOfAMessageMetaAccepted(statuses: String) throws {
        let calls = [try Self.call("refused", status: 422, error: "(#131047) Re-engagement message")]
        let attribution = SendAttribution(
            message: try Self.message(statuses: statuses, final: "failed"), calls: calls, deliveries: [])
        #expect(attribution.calls.isEmpty)
        #expect(attribution.refusedAttempts.map(\.id) == ["refused"])
        #expect(
            attribution.refusedNote
                == "1 other send refused with #131047 within 5 s of this message: another attempt, not this message's send "
                + "(Meta accepted this message: a refused send gets no WAMID)")
    }

    /// Calls answered 200 stay the message's; refused ones beside them are counted apart, each code named once.
    @Test func acceptedCallsStayAndRefusedOnesAreListedApart() throws {
        let calls = [
            try Self.call("ok", status: 200), try Self.call("r1", status: 422, error: "(#131047) Re-engagement message"),
            try Self.call("r2", status: 422, error: "(#131047) Re-engagement message"), try Self.call("r3", status: 409),
        ]
        let attribution = SendAttribution(message: try Self.message(statuses: Self.read, final: "read"), calls: calls, deliveries: [])
        #expect(attribution.calls.map(\.id) == ["ok"])
        #expect(attribution.refusedAttempts.map(\.id) == ["r1", "r2", "r3"])
        #expect(attribution.refusedNote?.hasPrefix("3 other sends refused with #131047, ") == true)
        #expect(attribution.refusedNote?.contains("within 5 s of this message: other attempts, not this message's send") == true)
    }
}
