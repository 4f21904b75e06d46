import KapsoClient
import KapsoDiagnostics
import Testing

/// `ContactWindow` weighs every source: a null `last_inbound_at` is "not reported", an inbound message is evidence,
/// and "no inbound" needs the contact's messages to have been read in full (probe3 F2).
@Suite struct ContactWindowEvidenceTests {
    static let number = "100"
    static let now: Int64 = 1_795_262_400

    static func conversation(_ lastInbound: String?, contact: String = "14155550192", kapso: Bool = true) throws -> Conversation {
        var json: JSONObject = ["id": "c1", "phone_number": .string(contact), "phone_number_id": .string(number)]
        json["kapso"] = kapso ? .object(["last_inbound_at": lastInbound.map(JSONValue.string) ?? .null]) : .null
        return try Conversation(json: json)
    }

    static func inbound(at time: Int64, from contact: String = "14155550192", number: String = number) throws -> Message {
        try Message(json: [
            "id": "wamid.A", "timestamp": .string(String(time)), "type": "text", "from": .string(contact),
            "kapso": ["direction": "inbound", "phone_number": .string(contact), "phone_number_id": .string(number)],
        ])
    }

    private func window(_ conversations: [Conversation], _ inbound: [Message]?, complete: Bool = true) -> ContactWindow.Evidence {
        ContactWindow(
            phoneNumberID: Self.number, contact: "14155550192", conversations: conversations, inbound: inbound, inboundComplete: complete,
            at: Self.now
        ).evidence
    }

    @Test func anInboundMessageOpensTheWindowWhateverTheSummarySays() throws {
        #expect(try window([Self.conversation(nil)], [Self.inbound(at: Self.now - 7_200)]) == .lastInbound(Self.now - 7_200))
        #expect(try window([Self.conversation(nil, kapso: false)], [Self.inbound(at: Self.now - 7_200)]) == .lastInbound(Self.now - 7_200))
        #expect(
            try window([Self.conversation("2026-11-21T08:00:00Z")], [Self.inbound(at: Self.now - 600)]) == .lastInbound(Self.now - 600),
            "the newest of the sources wins")
    }

    @Test func aNullSummaryWithoutTheMessagesIsUnknownNotNever() throws {
        guard case .unknown(let reason) = try window([Self.conversation(nil)], nil) else {
            Issue.record("a null last_inbound_at alone proves nothing")
            return
        }
        #expect(reason == "Kapso sent no last_inbound_at, and the contact's messages were not read")
        let evidence = try window([Self.conversation(nil)], [], complete: false)
        #expect(evidence != .noInbound, "a partial listing proves nothing")
    }

    @Test func noInboundNeedsTheMessagesReadInFull() throws {
        #expect(try window([Self.conversation(nil)], []) == .noInbound)
        #expect(
            try window([], [Self.inbound(at: Self.now - 60, from: "14155550199"), Self.inbound(at: Self.now - 60, number: "200")]) == .noInbound,
            "another contact's or another number's message is no evidence")
    }

    /// probe19 P19-4: a changed-number notice is undone only by a message written from the old number afterwards, not by
    /// one without a number (a username-only sender) filed in the same conversation.
    @Test func onlyAMessageFromTheOldNumberUndoesAChangedNumberNotice() throws {
        let notice = try Message(json: [
            "id": "wamid.N", "timestamp": .string(String(Self.now - 3_600)), "type": "system", "from": "14155550192",
            "system": ["type": "user_changed_number", "wa_id": "14155550193", "body": "x"],
            "kapso": ["direction": "inbound", "phone_number": "14155550192", "phone_number_id": .string(Self.number), "whatsapp_conversation_id": "c1"],
        ])
        let noNumber = try Message(json: [
            "id": "wamid.U", "timestamp": .string(String(Self.now - 1_800)), "type": "text",
            "kapso": ["direction": "inbound", "phone_number": .null, "phone_number_id": .string(Self.number), "whatsapp_conversation_id": "c1"],
        ])
        func moved(_ inbound: [Message]) throws -> ContactWindow.Moved? {
            ContactWindow(phoneNumberID: Self.number, contact: "14155550192", conversations: [try Self.conversation(nil)], inbound: inbound, at: Self.now).moved
        }
        #expect(try moved([notice])?.number == "14155550193")
        #expect(try moved([notice, noNumber])?.number == "14155550193", "a message without a number proves nothing about the old one")
        #expect(try moved([notice, Self.inbound(at: Self.now - 600)]) == nil, "the contact wrote from the old number again")
    }

    @Test func aContactMatchesWithOrWithoutThePlus() throws {
        #expect(try window([Self.conversation("2026-11-21T10:00:00Z", contact: "+14155550192")], nil) == .lastInbound(Self.now - 7_200))
        #expect(!ContactNumber.same("US.123", "123"))
    }

    @Test func unknownIsNeitherOpenNorClosed() throws {
        let window = ContactWindow(evidence: .unknown("x"), at: Self.now)
        #expect(!window.isOpen && !window.isClosed)
        #expect(window.text == "unknown: x; if it is closed, free-form messages fail with 131047")
    }
}
