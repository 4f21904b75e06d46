import KapsoClient
import KapsoDiagnostics
@testable import KopsShell
import Testing

/// Real-world cases, a new input of case H21's kind (s66-fixB's trial): sent → failed → read got the verdict's hedge ("the
/// outcome is not certain") while the failure's own fix line under `trace`'s timeline kept its code's advice ("retry"): a
/// resend that may arrive twice. The failure's fix now says what the verdict says, whichever of the two is stamped last;
/// a failure with nothing on the phone keeps its code's fix.
@Suite struct RealWorldReachedAfterFailureTests {
    static let sent: Int64 = 1_795_262_400

    static func message(_ statuses: [(word: String, after: Int64)], code: Int = 131000) throws -> Message {
        let items = statuses.map { status in
            let errors = status.word == "failed" ? #", "errors": [{"code": \#(code), "title": "Something went wrong"}]"# : ""
            return #"{"id": "wamid.R01", "status": "\#(status.word)", "timestamp": "\#(sent + status.after)", "recipient_id": "14155550171"\#(errors)}"#
        }
        let json = """
            {"id": "wamid.R01", "timestamp": "\(sent)", "type": "text", "to": "14155550171", "text": {"body": "hi"},
             "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100", "statuses": [\(items.joined(separator: ", "))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static func fixes(_ message: Message) -> [String] {
        TraceCommand.explainedErrors(
            message, history: StatusHistory(message: message), templates: nil, writtenSince: nil, refused: nil, callsEnabled: false
        ).errors.map(\.fix)
    }

    @Test(arguments: [("read", "after"), ("delivered", "after")])
    func aFailureTheMessageReachedThePhoneAfterIsNoRetry(_ word: String, _ order: String) throws {
        let fixes = Self.fixes(try Self.message([("sent", 0), ("failed", 1), (word, 30)]))
        #expect(fixes.count == 1)
        #expect(fixes.first?.hasPrefix("WhatsApp also reported it \(word) at 2026-11-21T12:00:30Z, \(order) this failure") == true, "\(fixes)")
        #expect(fixes.first?.contains("confirm with the contact before any resend") == true, "\(fixes)")
        #expect(fixes.first?.lowercased().contains("retry") == false, "\(fixes)")
    }

    @Test func aDeliveryBeforeTheFailureIsNamedAsBefore() throws {
        let fixes = Self.fixes(try Self.message([("sent", 0), ("delivered", 2), ("failed", 5)]))
        #expect(fixes.first?.hasPrefix("WhatsApp also reported it delivered at 2026-11-21T12:00:02Z, before this failure") == true, "\(fixes)")
    }

    @Test func aPlainFailureKeepsItsCodesFix() throws {
        let message = try Self.message([("sent", 0), ("failed", 1)])
        let fixes = Self.fixes(message)
        #expect(fixes.count == 1)
        #expect(fixes.first?.contains("WhatsApp also reported it") == false, "\(fixes)")
        #expect(fixes.first?.isEmpty == false)
    }
}
