import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52 K5/K17: one reading of a 131000 whose details name a rate limit, whichever way it arrives: a failed status's
/// `errors[]` entry (`MessageError`), a pasted Graph body or pasted words (`PastedError`), an `errors` row (`ErrorTriage`).
@Suite struct NamedRateLimitAgreementTests {
    static let spam = "Message failed to send because there are restrictions on how many messages can be sent from this phone "
        + "number. This may be because too many previous messages were blocked or flagged as spam."

    @Test(arguments: [
        (spam, MessageError.NamedRateLimit.spam),
        ("Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.", .pair),
        ("Message failed to send because there were too many messages sent from this phone number in a short period of time.", .unclear),
    ])
    func everyFormGivesTheSameReading(_ details: String, _ expected: MessageError.NamedRateLimit) throws {
        let status = MessageError(code: "131000", title: "Something went wrong", details: details)
        let body = try #require(PastedError(#"{"error":{"message":"(#131000) Something went wrong","code":131000,"error_data":{"details":"\#(details)"}}}"#))
        let words = try #require(PastedError("131000 Something went wrong: \(details)"))
        #expect([status.namedRateLimit, body.namedRateLimit, words.namedRateLimit] == [expected, expected, expected])
        #expect(status.meaning == expected.meaning)
        #expect(status.shownName == expected.name)
        #expect(expected.meaning.hasSuffix("the details are Meta's free text, so no code confirms it"))
        let page = #"{"data":[{"id":"wamid.A","timestamp":"1795261800","type":"text","to":"14155550196","kapso":{"direction":"outbound","status":"failed","statuses":[{"id":"wamid.A","status":"failed","timestamp":"1795261802","errors":[{"code":131000,"title":"Something went wrong","error_data":{"details":"\#(details)"}}]}]}}]}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(page.utf8)), since: 0)
        #expect(triage.entries.first?.namedRateLimit == expected)
        #expect(triage.entries.first?.meaning.hasPrefix(expected.name + ": " + expected.fix) == true, "\(triage.entries.first?.meaning ?? "")")
    }

    /// Another code, or a 131000 whose details name no rate limit, keeps the catalogue's reading.
    @Test func otherErrorsNameNoRateLimit() throws {
        #expect(MessageError(code: "131048", details: Self.spam).namedRateLimit == nil)
        #expect(MessageError(code: "131000", details: "Something went wrong on our side").namedRateLimit == nil)
        #expect(try #require(PastedError("131000")).namedRateLimit == nil)
    }

    /// tester52 (errors order): ISO times are compared as the instants they name.
    @Test(arguments: [
        ("2026-11-21T11:00:05.900Z", "2026-11-21T11:00:05Z", true),
        ("2026-11-21T11:20:00Z", "2026-11-21T12:30:00+02:00", true),
        ("2026-11-21T12:30:00+02:00", "2026-11-21T11:00:05Z", false),
        ("2026-11-21T11:00:05Z", "not a time", true),
    ])
    func isoTimesCompareAsInstants(_ a: String, _ b: String, _ later: Bool) {
        #expect(TimeOrder.isLater(iso: a, than: b) == later)
    }
}
