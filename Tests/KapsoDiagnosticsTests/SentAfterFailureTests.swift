import KapsoClient
import KapsoDiagnostics
import Testing

/// tester48 F1: a `sent` stamped after a failure (`failed 131049` at +1 s, `sent` at +3 s, Kapso's status `sent`) was
/// read as a plain failure, the `sent` never named, while `messages` showed `sent/failed 131049`. The verdict names it
/// and keeps the failure (a `sent` is no news of the phone); a `sent` before the failure (Meta's usual order) and a
/// `delivered` after it (a conflict, case H21) read as before.
@Suite struct SentAfterFailureTests {
    static let sent: Int64 = 1_795_262_400
    static let contact = "14155550171"

    static func message(_ statuses: [(word: String, after: Int64?)], kapso: String) throws -> Message {
        let items = statuses.map { status in
            let time = status.after.map { #", "timestamp": "\#(sent + $0)""# } ?? ""
            let errors = status.word == "failed"
                ? #", "errors": [{"code": 131049, "title": "This message was not delivered to maintain healthy ecosystem engagement."}]"# : ""
            return #"{"id": "wamid.S01", "status": "\#(status.word)"\#(time), "recipient_id": "\#(contact)"\#(errors)}"#
        }
        let json = """
            {"id": "wamid.S01", "timestamp": "\(sent)", "type": "text", "to": "\(contact)", "text": {"body": "Your order is ready"},
             "kapso": {"direction": "outbound", "status": "\(kapso)", "phone_number_id": "100",
                       "statuses": [\(items.joined(separator: ", "))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    @Test(arguments: ["sent", "failed"])
    func aSentStampedAfterTheFailureIsNamedAndTheFailureKept(_ kapso: String) throws {
        let message = try Self.message([("failed", 1), ("sent", 3)], kapso: kapso)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: Self.sent + 600)
        #expect(verdict.text.hasPrefix("failed: 131049"), "\(verdict.text)")
        #expect(verdict.text.contains("WhatsApp also reported it sent at 2026-"), "\(verdict.text)")
        #expect(verdict.text.contains("after the failure"), "\(verdict.text)")
        #expect(verdict.severity == .bad)
    }

    @Test func theUsualOrderSaysNothingMore() throws {
        let message = try Self.message([("sent", 1), ("failed", 3)], kapso: "failed")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: Self.sent + 600)
        #expect(verdict.text.hasPrefix("failed: 131049"), "\(verdict.text)")
        #expect(!verdict.text.contains("also reported it sent"), "\(verdict.text)")
    }

    @Test func aSentWithoutATimeIsNotPlacedAfterTheFailure() throws {
        let message = try Self.message([("failed", 1), ("sent", nil)], kapso: "sent")
        #expect(StatusHistory(message: message).stepAfterFailure == nil)
    }

    @Test func aDeliveryAfterTheFailureIsStillTheConflict() throws {
        let message = try Self.message([("sent", 0), ("failed", 1), ("delivered", 3)], kapso: "delivered")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: Self.sent + 600)
        #expect(verdict.text.contains("WhatsApp reported both, so the outcome is not certain"), "\(verdict.text)")
        #expect(!verdict.text.contains("also reported it sent"), "\(verdict.text)")
    }
}
