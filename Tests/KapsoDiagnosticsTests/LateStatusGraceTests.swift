import KapsoClient
import KapsoDiagnostics
import Testing

/// probe46 P46-8: a later send's delivery, or a message the contact wrote, is evidence against a send's missing delivered
/// status only once `LaterEvidence.lateStatusGrace` has passed since the send and since that event, and never from a time
/// ahead of the API's clock.
@Suite struct LateStatusGraceTests {
    static let now: Int64 = 1_795_262_400
    static let contact = "14155550171"

    static func outbound(_ id: String, at: Int64, delivered: Int64?) throws -> Message {
        let statuses = [#"{"id": "\#(id)", "status": "sent", "timestamp": "\#(at)", "recipient_id": "\#(contact)"}"#]
            + (delivered.map { [#"{"id": "\#(id)", "status": "delivered", "timestamp": "\#($0)", "recipient_id": "\#(contact)"}"#] } ?? [])
        let json = """
            {"id": "\(id)", "timestamp": "\(at)", "type": "text", "to": "\(contact)", "text": {"body": "hi"},
             "kapso": {"direction": "outbound", "status": "\(delivered == nil ? "sent" : "delivered")", "phone_number_id": "100",
                       "statuses": [\(statuses.joined(separator: ", "))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static func inbound(at: Int64) throws -> Message {
        let json = """
            {"id": "wamid.IN", "timestamp": "\(at)", "type": "text", "from": "\(contact)", "text": {"body": "ok"},
             "kapso": {"direction": "inbound", "status": "received", "phone_number_id": "100"}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    /// (X's age, Y's send and delivery relative to now, whether Y is evidence about X).
    @Test(arguments: [
        (Int64(5), Int64(-3), Int64(-1), false),  // P46-8: X 5 s old
        (Int64(7_200), Int64(-300), Int64(-298), false),  // X 2 h old, Y delivered 5 min ago: X's status may still come
        (Int64(7_200), Int64(-1_500), Int64(-1_498), true),  // both past the grace
        (Int64(7_200), Int64(3_600), Int64(3_602), false),  // Y stamped an hour ahead of the API's clock
        (Int64(7_200), Int64(-1_500), Int64(3_600), false),  // Y's delivered status stamped ahead
    ])
    func aLaterDeliveryCountsOnlyOnceSettled(_ age: Int64, _ ySent: Int64, _ yDelivered: Int64, _ counts: Bool) throws {
        let x = try Self.outbound("wamid.X", at: Self.now - age, delivered: nil)
        let y = try Self.outbound("wamid.Y", at: Self.now + ySent, delivered: Self.now + yDelivered)
        let later = LaterEvidence.of(x, among: [y, x], now: Self.now)
        #expect((later != nil) == counts, "\(String(describing: later))")
        let verdict = MessageVerdict.of(x, windowAtSend: nil, now: Self.now, later: later)
        #expect(verdict.text.contains("never reached Kapso") == counts, "\(verdict.text)")
    }

    @Test(arguments: [(Int64(-300), false), (Int64(-1_200), true), (Int64(3_600), false)])
    func aMessageTheContactWroteCountsOnlyOnceSettled(_ wrote: Int64, _ counts: Bool) throws {
        let x = try Self.outbound("wamid.X", at: Self.now - 7_200, delivered: nil)
        let later = LaterEvidence.of(x, among: [try Self.inbound(at: Self.now + wrote), x], now: Self.now)
        #expect((later != nil) == counts, "\(String(describing: later))")
    }
}
