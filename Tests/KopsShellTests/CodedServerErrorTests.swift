import KapsoSimulator
import KopsShell
import Testing

/// A send answered 5xx with Graph's code in the body (Meta's documented error shape), per class of code: a temporary
/// unavailability (2, 131016) is an unknown outcome, exit 75; a code that says the message failed (131000) stays "not
/// sent" with its catalogue reading, exit 1 (`ServerFailure.provesNotSent`; Meta's error-codes page).
@Suite struct CodedServerErrorTests {
    static func body(_ code: Int, _ title: String, _ details: String) -> String {
        #"{"error":{"message":"(#\#(code)) \#(title)","type":"OAuthException","code":\#(code),"#
            + #""error_data":{"messaging_product":"whatsapp","details":"\#(details)"},"fbtrace_id":"AbCdEf"}}"#
    }

    @Test(arguments: [
        (503, body(2, "API Service", "Temporary due to downtime or due to being overloaded."),
         "the API answered 503 with Meta's 2 (API service: Meta's service is down or overloaded for a while)"),
        (500, body(131016, "Service unavailable", "A service is temporarily unavailable."),
         "the API answered 500 with Meta's 131016 (service unavailable: a Meta service is temporarily unavailable)"),
    ])
    func aTemporaryUnavailabilityIsAnUnknownOutcome(status: Int, body: String, said: String) async throws {
        let run = try await Probe26SendTests.writing(["message \(Demo.danaInbound)", "reply Thanks"], status: status, body: body)
        #expect(run.statuses == [.ok, .unknownOutcome], "\(run.err)")
        #expect(run.err.contains("error: the outcome is unknown: \(said); the message may have been sent: check with 'messages --phone-number "), "\(run.err)")
        #expect(run.err.hasSuffix("' before sending again\n"), "\(run.err)")
        #expect(!run.err.contains("not sent"), "\(run.err)")
    }

    @Test func aCodeThatSaysTheMessageFailedIsNotSent() async throws {
        let run = try await Probe26SendTests.writing(
            ["message \(Demo.danaInbound)", "reply Thanks"], status: 500,
            body: Self.body(131000, "Something went wrong", "Message failed to send due to an unknown error."))
        #expect(run.statuses == [.ok, .failure], "\(run.err)")
        #expect(run.err.contains("error: reply: not sent: 131000 something went wrong (HTTP 500): "), "\(run.err)")
        #expect(!run.err.contains("outcome is unknown"), "\(run.err)")
    }
}
