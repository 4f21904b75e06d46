import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester52's findings, read where kops computes them.
@Suite struct Tester52DiagnosticsTests {
    static func delivery(named contact: JSONValue) throws -> WebhookDelivery {
        try WebhookDelivery(json: [
            "id": "d1", "event": "whatsapp.message.received", "status": "delivered", "attempt_count": 1,
            "created_at": "2026-11-21T09:16:41Z", "webhook_id": "w1", "webhook_url": "https://hooks.test/kapso",
            "phone_number_id": "100200300400501", "conversation_phone_number": contact,
        ])
    }

    /// An inbound text from a contact known only by BSUID, as Kapso stores it (`from_user_id`, `kapso.phone_number` null).
    static func bsuidMessage() throws -> Message {
        try Message(json: [
            "id": "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBJ07AAAAAAAAAAAAAAAAAAAA=", "timestamp": "1795252200", "type": "text",
            "from_user_id": "US.13491208655302741918", "username": "@contactb", "text": ["body": "hi"],
            "kapso": [
                "direction": "inbound", "status": "received", "phone_number": .null, "phone_number_id": "100200300400501",
            ],
        ])
    }

    // MARK: - H3: which contact a delivery row may be about when the traced message's contact has no number (a username
    // adopter known by a BSUID): only a row naming no contact (or that BSUID) may be theirs.

    @Test(arguments: [
        (JSONValue.string("14155550171"), false), (.string("+14155550171"), false), (.null, true), (.string(""), true),
        (.string("US.13491208655302741918"), true), (.string("US.13491208655302740000"), false),
    ])
    func aContactWithoutANumberOwnsOnlyRowsNamingNoNumber(named: JSONValue, may: Bool) throws {
        let delivery = try Self.delivery(named: named)
        #expect(delivery.mayConcern(try Self.bsuidMessage()) == may, "\(named)")
        #expect(delivery.mayConcern(contact: nil, userID: "US.13491208655302741918") == may, "\(named)")
    }

    /// The number rule is unchanged: a row naming the contact's number concerns it, another number does not.
    @Test func aContactWithANumberStillMatchesItsOwnRows() throws {
        #expect(try Self.delivery(named: "14155550171").mayConcern(contact: "14155550171"))
        #expect(try !Self.delivery(named: "14155550172").mayConcern(contact: "14155550171"))
        #expect(try Self.delivery(named: .null).mayConcern(contact: "14155550171"))
    }

    // MARK: - H2: a send Kapso marks delivered or read gets no "stuck at sent" note when its history stops at sent.

    /// An outbound text to 14155550171 at `time` with Kapso's `status` and its history's `steps` (each at `time`).
    static func send(_ tag: String, at time: Int64, status: String, steps: [String]) throws -> Message {
        let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA="
        let statuses = steps.map { step -> JSONValue in
            ["id": .string(id), "status": .string(step), "timestamp": .string(String(time)), "recipient_id": "14155550171"]
        }
        return try Message(json: [
            "id": .string(id), "timestamp": .string(String(time)), "type": "text", "to": "14155550171", "text": ["body": "x"],
            "kapso": [
                "direction": "outbound", "status": .string(status), "origin": "cloud_api", "phone_number": "14155550171",
                "phone_number_id": "100200300400501", "statuses": .array(statuses),
            ],
        ])
    }

    @Test(arguments: [("read", false), ("delivered", false), ("sent", true)])
    func aSendKapsoMarksReachedGetsNoStuckAtSentNote(status: String, stuck: Bool) throws {
        let at: Int64 = 1_795_251_900
        let message = try Self.send("J04", at: at, status: status, steps: ["sent"])
        let later = try Self.send("J10", at: at + 600, status: "delivered", steps: ["sent", "delivered"])
        let note = LaterEvidence.note(message, among: [message, later], now: at + 3 * 3_600)
        #expect((note?.contains("never reached Kapso") == true) == stuck, "\(status): \(note ?? "nil")")
        #expect(note?.contains("blocked") != true || stuck, "\(status): \(note ?? "nil")")
    }

    /// tester52b K11: Kapso marks the send `failed`, its history stops at `sent`, a later send was delivered: the failure is
    /// `trace`'s to explain, not "its delivered status never reached Kapso, or … blocked".
    @Test func aSendKapsoMarksFailedGetsNoStuckAtSentNote() throws {
        let at: Int64 = 1_795_251_900
        let message = try Self.send("J43", at: at, status: "failed", steps: ["sent"])
        let later = try Self.send("J45", at: at + 600, status: "read", steps: ["sent", "delivered", "read"])
        let note = LaterEvidence.note(message, among: [message, later], now: at + 3 * 3_600)
        #expect(note == nil, "\(note ?? "nil")")
    }

    // MARK: - H9: a BLOCKED entity whose own text says messages can't be sent: no claim that replies go out.

    static func paymentBlock() throws -> PhoneNumberHealth {
        let text = #"{"status":"degraded","timestamp":"2026-11-21T12:00:00Z","checks":{"messaging_health":{"passed":false,"#
            + #""overall_status":"BLOCKED","details":{"can_send_message":"BLOCKED","entities":[{"entity_type":"BUSINESS","#
            + #""id":"3","can_send_message":"BLOCKED","errors":[{"error_code":"141006","error_description":"#
            + #""There is an error with the payment method. Messages can't be sent.","#
            + #""possible_solution":"Update payment method in WhatsApp Manager"}]}]}}}}"#
        return try PhoneNumberHealth(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test func aPaymentBlockSaysNoReplyGoesOutAsFact() throws {
        let health = try Self.paymentBlock()
        let cause = try #require(HealthTriage(health).blocking?.cause)
        #expect(!cause.contains("replies inside the 24-hour window still go out"), "\(cause)")
        #expect(cause.contains("send one test reply to know"), "\(cause)")
        let read = SenderState.HealthRead(phoneNumberID: "100200300400501", health: health)
        let reply = try #require(SenderState.of(id: "100200300400501", name: "Support Line", record: nil, health: read, send: .freeForm))
        #expect(!reply.line.contains("may still go out"), "\(reply.line)")
        #expect(reply.line.contains("Meta's text says messages can't be sent"), "\(reply.line)")
        #expect(reply.line.contains("not documented by Meta"), "\(reply.line)")
        let template = try #require(SenderState.of(
            id: "100200300400501", name: "Support Line", record: nil, health: read, send: .template(windowClosed: true)))
        #expect(template.cannotSend, "\(template.line)")
    }

    // MARK: - H4: buffering on a webhook that subscribes to no bufferable event has no effect.

    static func webhook(events: [String], buffered: Bool = true) throws -> Webhook {
        try Webhook(json: [
            "id": "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b99", "url": "https://hooks.test/kapso", "kind": "kapso",
            "events": .array(events.map(JSONValue.string)), "active": true, "phone_number_id": "100200300400501",
            "secret_key": "whsec_t", "buffer_enabled": .bool(buffered), "buffer_events": [], "payload_version": "v2",
            "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
        ])
    }

    @Test(arguments: [
        (["whatsapp.meta_business_agent.handover"], true, true),
        (["whatsapp.contact.marketing_preference_changed"], true, true),
        (["whatsapp.message.received"], true, false),
        (["whatsapp.meta_business_agent.handover"], false, false),
    ])
    func bufferingWithoutABufferableEventHasNoEffect(events: [String], buffered: Bool, idle: Bool) throws {
        let webhook = try Self.webhook(events: events, buffered: buffered)
        #expect((WebhookPayloadShape.bufferingWithoutEffect(webhook) != nil) == idle)
        if idle { #expect(WebhookPayloadShape(webhook).batchedEvents.isEmpty) }
    }
}

