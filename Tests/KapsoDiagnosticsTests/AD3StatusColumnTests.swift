import KapsoClient
import KapsoDiagnostics
import Testing

/// tester58 AD3: (a) the STATUS word beside a failure was built from Kapso's lagging `kapso.status` (`sent/failed 131047`
/// for a send WhatsApp reported read, `sent/failed 131026` hiding a delivery) while without a failure the history's step
/// was shown (`delivered (Kapso's status field still says sent)`); (b) a send whose deliveries and reads all name another
/// recipient read plain `read` while `trace` and `message` said whether the contact got it is unknown. One reading
/// (`StatusReading`, `StatusHistory.furthestStep`) now gives the history's step beside the failure and marks the other
/// recipient.
@Suite struct AD3StatusColumnTests {
    static let sent: Int64 = 1_795_256_460
    static let contact = "14155550171"

    /// A send to `contact` with `statuses` (`word`, seconds after the send; a failure carries `code`), each naming
    /// `recipient`; `extra` is added to the message's own fields.
    static func message(
        _ statuses: [(word: String, after: Int64)], kapso: String, code: Int = 131047, recipient: String = contact, extra: String = ""
    ) throws -> Message {
        let items = statuses.map { status in
            let errors = status.word == "failed" ? #", "errors": [{"code": \#(code), "title": "Re-engagement message"}]"# : ""
            return #"{"id": "wamid.V02", "status": "\#(status.word)", "timestamp": "\#(sent + status.after)", "recipient_id": "\#(recipient)"\#(errors)}"#
        }
        let json = """
            {"id": "wamid.V02", "timestamp": "\(sent)", "type": "text", "to": "\(contact)", "text": {"body": "Your order is ready"}\(extra),
             "kapso": {"direction": "outbound", "status": "\(kapso)", "phone_number_id": "100200300400501",
                       "statuses": [\(items.joined(separator: ", "))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    /// V2: sent, failed 131047 (+1 s), read (+10 s) under Kapso's `sent`: the history's read beside the failure, the field
    /// named, as without a failure (before: `sent/failed 131047`).
    @Test func aReadBesideAFailureIsShownOverTheLaggingField() throws {
        let message = try Self.message([("sent", 0), ("failed", 1), ("read", 10)], kapso: "sent")
        let reading = StatusReading(message)
        #expect(reading.text == "read/failed 131047 (Kapso's status field still says sent)")
        #expect(reading.tone == .warning)
        let explained = try #require(reading.lag).explained
        #expect(explained.hasPrefix("Kapso's status field still says sent, but its status history records read at 2026-"), "\(explained)")
        #expect(explained.hasSuffix("and failed 131047: the field lags the history Meta's status webhooks filled (sent < delivered < read), so kops reads read/failed 131047"), "\(explained)")
    }

    /// V3: sent, delivered (+1 s), failed 131026 (+60 s) under `sent` reads as the same history under `delivered` does
    /// (message-shapes H21: `delivered/failed 131026`), the field named (before: `sent/failed 131026`, the delivery hidden).
    @Test func aDeliveryBeforeAFailureIsNotHiddenByTheField() throws {
        let lagging = try Self.message([("sent", 0), ("delivered", 1), ("failed", 60)], kapso: "sent", code: 131026)
        let current = try Self.message([("sent", 0), ("delivered", 1), ("failed", 60)], kapso: "delivered", code: 131026)
        #expect(StatusReading(lagging).text == "delivered/failed 131026 (Kapso's status field still says sent)")
        #expect(StatusReading(current).text == "delivered/failed 131026")
        #expect(StatusReading(current).lag == nil)
    }

    /// A failure whose history reached no further than Kapso's field reads as before: `sent/failed 131047`, no lag.
    @Test func aFailureWithNothingFurtherKeepsKapsosWord() throws {
        let message = try Self.message([("sent", 0), ("failed", 1)], kapso: "sent")
        #expect(StatusReading(message).text == "sent/failed 131047")
        #expect(StatusReading(message).lag == nil)
    }

    /// (b) R1: sent, delivered and read all naming 14155550199 for a send to 14155550171: marked as the other-wamid case
    /// is, also beside a lagging field (before: plain `read`).
    @Test func statusesOfAnotherRecipientAreMarked() throws {
        let read = try Self.message([("sent", 0), ("delivered", 2), ("read", 5)], kapso: "read", recipient: "14155550199")
        #expect(StatusReading(read).text == "read (other recipient)")
        #expect(StatusReading(read).tone == .warning)
        let lagging = try Self.message([("sent", 0), ("delivered", 2), ("read", 5)], kapso: "sent", recipient: "14155550199")
        #expect(StatusReading(lagging).text == "read (Kapso's status field still says sent; other recipient)")
        let own = try Self.message([("sent", 0), ("read", 5)], kapso: "read")
        #expect(StatusReading(own).text == "read")
    }

    /// A business-scoped user id the message itself names as its recipient's (`to_user_id`) is theirs, not another's.
    @Test func theRecipientsOwnUserIDIsNotAnotherRecipient() throws {
        let message = try Self.message(
            [("sent", 0), ("read", 5)], kapso: "read", recipient: "US.13491208655302741918", extra: #", "to_user_id": "US.13491208655302741918""#)
        #expect(StatusReading(message).text == "read")
    }

    /// The furthest step is read by Meta's order, not by time: a `delivered` stamped after the `read` leaves `read`, and
    /// `played` says more than `read`.
    @Test func theFurthestStepFollowsMetasOrder() throws {
        let late = try Self.message([("sent", 0), ("read", 5), ("delivered", 9)], kapso: "sent")
        #expect(StatusHistory(message: late).furthestStep?.status == "read")
        let played = try Self.message([("sent", 0), ("played", 5), ("read", 6)], kapso: "sent")
        #expect(StatusHistory(message: played).furthestReached?.status == "played")
    }
}
