import KapsoClient
import KapsoDiagnostics
import Testing

/// probe39: verdicts that were missing or unclear on real message shapes (session 38).
@Suite struct Probe39VerdictsTests {
    static func health(connection: String, subscribed: Bool = true) throws -> PhoneNumberHealth {
        let text = #"{"status":"unhealthy","checks":{"phone_number_access":{"passed":true,"details":{"status":"\#(connection)","#
            + #""quality_rating":"GREEN"}},"phone_number_connection":{"passed":false,"details":{"status":"\#(connection)"}},"#
            + #""webhook_subscription":{"passed":\#(subscribed),"details":{"subscribed":\#(subscribed),"subscribed_fields":["messages"]}}}}"#
        return try PhoneNumberHealth(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    /// P39-8: a message at `sent` on a number whose health says DISCONNECTED (or BANNED): the number's state is named
    /// first, never the contact's phone alone; a FLAGGED number (sends still go out) changes nothing.
    @Test(arguments: ["DISCONNECTED", "BANNED"])
    func aSentMessageOnANumberThatCannotSendNamesTheNumberFirst(_ state: String) throws {
        let message = try StatusHistoryTests.message(#"[{"status":"sent","timestamp":"1000"}]"#, status: "sent")
        let path = MessageVerdict.StatusPath(HealthTriage(try Self.health(connection: state)))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 10_740, statuses: path)
        #expect(verdict.text.hasPrefix("sent 2 h 59 min ago, no delivery report yet; first, the sending number is \(state) now (health: "),
            "\(verdict.text)")
        #expect(verdict.text.contains("nothing more is sent from it and its statuses may not reach Kapso"))
        #expect(verdict.severity == .bad)
        let pending = try StatusHistoryTests.message("[]", status: "pending")
        let waiting = MessageVerdict.of(pending, windowAtSend: nil, now: 1_000 + 3_600, statuses: path)
        #expect(waiting.text.hasPrefix("pending for 1 h; first, the sending number is \(state) now"), "\(waiting.text)")
        let flagged = MessageVerdict.StatusPath(HealthTriage(try Self.health(connection: "FLAGGED")))
        #expect(MessageVerdict.of(message, windowAtSend: nil, now: 1_000 + 10_740, statuses: flagged).text.hasPrefix(
            "sent 2 h 59 min ago, no delivery report yet: the contact's phone may be offline"))
    }
}
