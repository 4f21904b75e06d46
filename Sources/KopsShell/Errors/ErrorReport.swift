internal import KapsoClient
internal import KopsHTTP
internal import KapsoDiagnostics

/// The one funnel from any `Error` to the line a user sees and the exit status.
public struct ErrorReport: Sendable, Equatable {
    public var message: String
    public var status: ExitStatus

    public init(_ error: any Error) {
        // A 404 for a phone-number id says what the id is instead, with the fix (IDResolver).
        let error = (error as? KapsoAPIError)?.explainingMisplacedID(command: "use") ?? error
        if let error = error as? any KopsError {
            message = error.message
            status = error.exitStatus
        } else {
            message = "internal error: \(String(describing: error)); please report it with the command you ran"
            status = .failure
        }
    }

    /// True for an error that says the API did not answer the command itself: no connection, a timeout, an answer lost
    /// (`UnknownOutcome`), rate limited (429), a server error (5xx) or a body that is no answer. A line a `#! error`
    /// marker expects to fail that ends so checked nothing (probe43 P43-2: a 429 passed a health check that was never
    /// made); Ctrl-C is not one of them (`isCancellation`).
    public static func isNoAnswer(_ error: (any Error)?) -> Bool {
        if error is UnknownOutcome { return true }
        if let explained = error as? any APIErrorExplained { return isNoAnswer(explained.error) }
        if let error = error as? TransportError { return !isCancellation(error) && error.exitStatus != .usage }
        switch error as? KapsoAPIError {
        case .transport(let transport)?: return !isCancellation(transport) && transport.exitStatus != .usage
        case .rateLimited?, .badResponse?: return true
        case .server(let status, _)?: return status >= 500
        default: return false
        }
    }

    /// True for Ctrl-C during a request.
    public static func isCancellation(_ error: (any Error)?) -> Bool {
        if case .cancelled? = error as? TransportError { return true }
        if case .transport(.cancelled)? = error as? KapsoAPIError { return true }
        return false
    }

    /// `error: <message>`, or `FILE.kops:LINE: error: <message>` inside a script (`expected error:` for a line a
    /// `#! error` marker says must fail); control characters in the message (server text) are shown as escapes, so an
    /// error is always one harmless line.
    public func line(location: String? = nil, expected: Bool = false) -> String {
        (location.map { "\(VisibleText.escaped($0)): " } ?? "") + (expected ? "expected error: " : "error: ")
            + VisibleText.escaped(VisibleText.capped(message, limit: VisibleText.lineLimit))
    }
}
