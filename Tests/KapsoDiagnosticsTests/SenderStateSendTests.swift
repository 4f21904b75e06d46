import KapsoClient
import KapsoDiagnostics
import Testing

/// Session 40 (probe41 P41-5, P41-8; probe42 P42-7): the sending number's messaging health read against the kind of send,
/// a health read set beside Kapso's record, and a display number two records show.
@Suite struct SenderStateSendTests {
    static func object(_ text: String) throws -> JSONObject { try #require(try JSONValue.parse(Array(text.utf8)).object) }

    static func read(messaging state: String, code: String) throws -> SenderState.HealthRead {
        let health = try PhoneNumberHealth(json: try object(
            #"{"status":"unhealthy","timestamp":"2026-11-21T12:00:00Z","checks":{"phone_number_access":{"passed":true,"details":"#
                + #"{"status":"CONNECTED","quality_rating":"GREEN"}},"messaging_health":{"passed":false,"overall_status":"\#(state)","#
                + #""details":{"can_send_message":"\#(state)","entities":[{"entity_type":"WABA","id":"2","can_send_message":"\#(state)","#
                + #""errors":[{"error_code":"\#(code)","error_description":"words"}]}]}}}}"#))
        return SenderState.HealthRead(phoneNumberID: "100200300400501", health: health)
    }

    static func number(status: String, quality: String = "GREEN", id: String = "100200300400501") throws -> PhoneNumber {
        try PhoneNumber(json: try object(
            #"{"id":"\#(id)","name":"Line \#(id.suffix(1))","status":"\#(status)","quality_rating":"\#(quality)","#
                + #""display_phone_number":"+1 415-555-0100","updated_at":"2026-11-19T22:10:05Z"}"#))
    }

    /// P41-5: a block whose only cause is 141006 refuses a business-initiated template and no other send; a block with
    /// another cause refuses every send; a LIMITED state refuses nothing.
    @Test(arguments: [
        ("BLOCKED", "141006", SenderState.Send.template(windowClosed: true), true),
        ("BLOCKED", "141006", SenderState.Send.template(windowClosed: false), false),
        ("BLOCKED", "141006", SenderState.Send.freeForm, false),
        ("BLOCKED", "141000", SenderState.Send.freeForm, true),
        ("BLOCKED", "141000", SenderState.Send.template(windowClosed: false), true),
    ])
    func aMessagingBlockIsReadAgainstTheSend(_ state: String, _ code: String, _ send: SenderState.Send, _ refused: Bool) throws {
        let record = try Self.number(status: "CONNECTED")
        let sender = try #require(SenderState.of(
            id: record.id, name: nil, record: record, health: try Self.read(messaging: state, code: code), send: send))
        #expect(sender.cannotSend == refused, "\(sender.line)")
        #expect(sender.line.hasPrefix("Line 1's health (checked 2026-11-21T12:00:00Z) says messaging is BLOCKED"), "\(sender.line)")
    }

    @Test func aLimitedStateIsNoRefusal() throws {
        let record = try Self.number(status: "CONNECTED")
        let read = try Self.read(messaging: "LIMITED", code: "141010")
        #expect(SenderState.of(id: record.id, name: nil, record: record, health: read, send: .template(windowClosed: true)) == nil)
        // Nor a difference from the record: a limit is no field of it.
        #expect(SenderState.difference(record, read: read, fields: "status") == nil)
    }

    /// P41-8: the read's state beside the record's, only where they differ.
    @Test func aHealthReadIsSetBesideTheRecord() throws {
        let read = try Self.read(messaging: "BLOCKED", code: "141006")
        let difference = try #require(SenderState.difference(try Self.number(status: "CONNECTED", quality: "YELLOW"), read: read, fields: "status above"))
        #expect(difference.status == nil && difference.quality == "GREEN" && difference.other == ["messaging BLOCKED"])
        #expect(difference.qualityCell("YELLOW") == "YELLOW (health: GREEN)" && difference.statusCell("CONNECTED") == "CONNECTED")
        #expect(difference.line == "health (checked 2026-11-21T12:00:00Z) read Line 1 (100200300400501) as CONNECTED, quality GREEN, "
            + "messaging BLOCKED; status above is Kapso's stored copy of the number, which can lag Meta's state ('health 100200300400501' reads it again)")
    }

    /// P42-7: the one record that can send is chosen and said; two that can, or none, are not chosen between.
    @Test func aSharedDisplayNumberPicksOnlyTheOneThatCanSend() throws {
        let old = try Self.number(status: "DISCONNECTED", id: "100200300400502")
        let new = try Self.number(status: "CONNECTED")
        let shared = try #require(SharedDisplayNumber(digits: "14155550100", numbers: [old, new]))
        #expect(shared.preferred?.id == new.id)
        #expect(shared.statement == "2 numbers of this project show +1 415-555-0100: 100200300400501 (Line 1, CONNECTED) and "
            + "100200300400502 (Line 2, DISCONNECTED)")
        #expect(SharedDisplayNumber(digits: "14155550100", numbers: [old, try Self.number(status: "BANNED")])?.preferred == nil)
        #expect(SharedDisplayNumber(digits: "14155550100", numbers: [try Self.number(status: "CONNECTED", id: "100200300400502"), new])?
            .preferred == nil)
        #expect(SharedDisplayNumber(digits: "14155550100", numbers: [new]) == nil)
        // A health read newer than the record decides: the old record's number is CONNECTED by health, so neither is chosen.
        let connected = try PhoneNumberHealth(json: try Self.object(
            #"{"status":"healthy","checks":{"phone_number_access":{"passed":true,"details":{"status":"CONNECTED"}}}}"#))
        let reads = ["100200300400502": SenderState.HealthRead(phoneNumberID: "100200300400502", health: connected)]
        #expect(SharedDisplayNumber(digits: "14155550100", numbers: [old, new], reads: reads)?.preferred == nil)
    }
}
