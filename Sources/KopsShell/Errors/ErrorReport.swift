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
