internal import Foundation
public import KapsoClient

/// A server error (5xx) answering a write, which leaves unknown whether the write took effect:
/// `504 Gateway timeout: Meta did not answer in time`.
///
/// kapso-api.md §1.5: a 5xx is an "upstream/Kapso failure" (`{"error": "..."}`; 502 used for Meta failures on media).
/// RFC 9110 §15.6 (https://www.rfc-editor.org/rfc/rfc9110#section-15.6): 500 "encountered an unexpected condition",
/// 502 a gateway "received an invalid response from an inbound server", 503 "currently unable to handle the request",
/// 504 a gateway "did not receive a timely response from an upstream server". Kapso's Meta proxy is such a gateway: a
/// send it forwarded may have reached Meta and gone out while its answer was lost, so a 5xx says nothing about the
/// message (probe26 P26-16: "not sent … check the request with --dry-run" invited a resend that could duplicate it).
/// Graph's own error object with a numeric code is Meta's answer, read per code (`provesNotSent`): a code whose meaning
/// says the message failed or the call was refused is no unknown outcome; a temporary unavailability is.
///
/// 499 is nginx's "client closed request", "an unofficial status code originally defined by Nginx and … commonly used in
/// logs when the client has disconnected" (ASP.NET `StatusCodes.Status499ClientClosedRequest`,
/// https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.http.statuscodes.status499clientclosedrequest):
/// the caller stopped waiting, while the server may well have finished the write. It leaves the outcome as unknown as a 5xx and is read the same way (probe28 P28-12).
///
/// One reading for kops's own writes (`UnknownOutcome`) and for writes in the API log (`loggedWriteMeaning`), so a
/// logged 504 on a send is never "retry" while the same answer live is "check before sending again" (P28-12).
public struct ServerFailure: Sendable, Equatable {
    /// The HTTP status, 500–599 or 499.
    public var status: Int
    /// The server's text (`Gateway timeout: Meta did not answer in time`), nil when it gave none.
    public var text: String?
    /// Graph's numeric code when the body carried one (`131016`), nil for a gateway's or Kapso's own text.
    public var code: String?

    /// Nil unless `status` is a server error (500–599) or 499 (the caller closed the connection).
    public init?(status: Int, text: String?) {
        guard (500..<600).contains(status) || status == 499 else { return nil }
        self.status = status
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// A refused send that is a server error whose body does not prove the message was refused: a gateway's or Kapso's
    /// own `{"error": "…"}`, or Graph's code for a temporary unavailability (`provesNotSent` is false). Nil for a 4xx,
    /// and for a Graph code whose meaning says the message was not sent.
    public init?(_ rejection: MetaSendError) {
        let code = rejection.code.flatMap { Int($0) != nil ? $0 : nil }
        if let code, Self.provesNotSent(code: code) { return nil }
        self.init(status: rejection.status, text: rejection.message)
        self.code = code
    }

    /// Graph codes that leave a send's outcome unknown when they come with a 5xx, as Meta's error-codes page describes
    /// them (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes, read in
    /// Kapso's mirror `kapso-meta-docs/documentation` `documentation/whatsapp/error-codes.mdx`, "Updated: Nov 19, 2025"):
    /// 1 "API Unknown: Invalid request or possible server error", 2 "API Service: Temporary due to downtime or due to
    /// being overloaded" (503), 131016 "Service unavailable: A service is temporarily unavailable" (500), 133004 "Server
    /// Temporarily Unavailable" (503). None says whether the message was taken before the failure, and Meta's advice for
    /// each is to check its status page "before trying again".
    static let unavailabilityCodes: Set<String> = ["1", "2", "131016", "133004"]

    /// Whether Graph's `code` on a 5xx proves the message was not accepted. True for a code Meta documents as a failure
    /// of the message or a refusal of the call: 131000 "Message failed to send due to an unknown error" (500), 131045
    /// "Message failed to send due to a phone number registration error" (500), 3 "Capability or permissions issue"
    /// (500), 131057 "Business Account is in maintenance mode" (500), and every code Meta documents with a 4xx (its
    /// refusal names a cause in the request, whatever status the proxy passed on). False for the temporary
    /// unavailabilities (`unavailabilityCodes`) and for a code kops's catalogue does not know: what it means is not
    /// known, so neither is the outcome. Same page as `unavailabilityCodes`.
    public static func provesNotSent(code: String) -> Bool {
        !unavailabilityCodes.contains(code) && ErrorCatalog.entry(for: code) != nil
    }

    /// What the answer was, for a line that goes on to say what may have happened:
    /// `the API answered 504 (Gateway timeout: Meta did not answer in time), a gateway that stopped waiting for the
    /// server behind it`.
    public var answer: String {
        // Meta's own code says what failed: `the API answered 503 with Meta's 131016 (service unavailable: a Meta service
        // is temporarily unavailable)`.
        if let code {
            let entry = ErrorCatalog.entry(for: code)
            let said = entry.map { "\($0.name): \($0.meaning)" } ?? text ?? "a code kops does not know"
            return "the API answered \(status) with Meta's \(code) (\(said))"
        }
        let said = "the API answered \(status)" + (text.map { " (\($0))" } ?? "")
        switch status {
        case 504: return said + ", a gateway that stopped waiting for the server behind it"
        case 502: return said + ", a gateway that got no valid answer from the server behind it"
        case 503: return said + ", unavailable or overloaded"
        case 499: return said + ", the caller closed the connection before the answer came (nginx's \"client closed request\")"
        default: return said + ", a failure on the server's side"
        }
    }
}

extension ServerFailure {
    /// What a logged write (`POST`, `PUT`, `PATCH`, `DELETE` in the API log) answered 5xx or 499 means, by the reading
    /// kops's own writes get (`UnknownOutcome`): `the outcome is unknown: the API answered 504, a gateway that stopped
    /// waiting for the server behind it; the message may have been sent: look for it in 'messages' (around that time)
    /// before sending again`. Nil for a read (`GET`: nothing was written, retrying is safe) and for any other status.
    /// The server's text is in the row's ERROR column already, so it is not repeated.
    public static func loggedWriteMeaning(method: String, endpoint: String, status: Int) -> String? {
        guard ["POST", "PUT", "PATCH", "DELETE"].contains(method.uppercased()),
            let failure = ServerFailure(status: status, text: nil)
        else { return nil }
        let path = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
        if method.uppercased() == "POST", path.hasSuffix("/messages") {
            let number = APIPath.phoneNumberID(in: path).map { " of \($0)" } ?? ""
            return "the outcome is unknown: \(failure.answer); the message may have been sent: look for it in 'messages'\(number) "
                + "(a message to that contact at that time) before sending again, or the contact may get it twice"
        }
        return "the outcome is unknown: \(failure.answer); the \(method.uppercased()) may have taken effect: check what it "
            + "changed before retrying it"
    }
}
