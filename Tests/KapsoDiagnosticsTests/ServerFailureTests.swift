import KapsoClient
import KapsoDiagnostics
import Testing

/// A send answered with a server error (5xx) whose body carries Graph's code: read per code from Meta's error-codes page
/// (`ServerFailure.provesNotSent`). A temporary unavailability leaves the outcome unknown; a code that says the message
/// failed, or a refusal of the call, proves it was not sent.
@Suite struct ServerFailureTests {
    /// Meta's documented shape (error-codes page, "Error response syntax") for `code` on `status`.
    static func graph(_ status: Int, _ code: Int, _ title: String, details: String) -> MetaSendError {
        MetaSendError(
            status: status, code: String(code), message: "(#\(code)) \(title)", details: details, traceID: "AbCdEf",
            type: "OAuthException")
    }

    /// Meta: 2 "Temporary due to downtime or due to being overloaded" (503), 131016 "A service is temporarily
    /// unavailable" (500), 133004 "Server is temporarily unavailable" (503), 1 "Invalid request or possible server error".
    @Test(arguments: [
        (graph(503, 2, "API Service", details: "Temporary due to downtime or due to being overloaded."),
         "the API answered 503 with Meta's 2 (API service: Meta's service is down or overloaded for a while)"),
        (graph(500, 131016, "Service unavailable", details: "A service is temporarily unavailable."),
         "the API answered 500 with Meta's 131016 (service unavailable: a Meta service is temporarily unavailable)"),
        (graph(503, 133004, "Server Temporarily Unavailable", details: "Server is temporarily unavailable."),
         "the API answered 503 with Meta's 133004 (server temporarily unavailable: Meta's registration service is temporarily unavailable)"),
        (graph(500, 1, "An unknown error occurred", details: "Invalid request or possible server error."),
         "the API answered 500 with Meta's 1 (API unknown: an invalid request or a possible error on Meta's side)"),
    ])
    func aTemporaryUnavailabilityLeavesTheSendUnknown(_ rejection: MetaSendError, answer: String) throws {
        let failure = try #require(ServerFailure(rejection))
        #expect(failure.code == rejection.code)
        #expect(failure.answer == answer)
    }

    /// Meta: 131000 "Message failed to send due to an unknown error" (500), 131045 "Message failed to send due to a phone
    /// number registration error" (500), 3 "Capability or permissions issue" (500), 131057 "Business Account is in
    /// maintenance mode" (500); 131047 is a refusal of the request (documented 400) whatever status the proxy passed on.
    @Test(arguments: [
        graph(500, 131000, "Something went wrong", details: "Message failed to send due to an unknown error."),
        graph(500, 131045, "Incorrect certificate", details: "Message failed to send due to a phone number registration error."),
        graph(500, 3, "API Method", details: "Capability or permissions issue."),
        graph(500, 131057, "Account in maintenance mode", details: "Business Account is in maintenance mode"),
        graph(502, 131047, "Re-engagement message", details: "More than 24 hours have passed since the recipient last replied."),
    ])
    func aCodeThatSaysTheMessageFailedProvesItWasNotSent(_ rejection: MetaSendError) {
        #expect(ServerFailure(rejection) == nil)
        #expect(ServerFailure.provesNotSent(code: rejection.code ?? ""))
    }

    /// A Graph code kops's catalogue does not know says nothing kops can read: the outcome stays unknown, with Meta's text.
    @Test func anUnknownGraphCodeLeavesTheSendUnknown() throws {
        let failure = try #require(ServerFailure(Self.graph(500, 999_999, "Brand new failure", details: "x")))
        #expect(failure.answer == "the API answered 500 with Meta's 999999 ((#999999) Brand new failure)")
        #expect(!ServerFailure.provesNotSent(code: "999999"))
    }
}
