public import KapsoClient
public import KopsHTTP

extension KapsoAPIError: KopsError {
    public var exitStatus: ExitStatus {
        switch self {
        case .transport(let error): error.exitStatus
        case .unauthorized: .noPermission
        default: .failure
        }
    }
}

extension TransportError: KopsError {
    public var exitStatus: ExitStatus {
        switch self {
        case .dns, .connect, .timeout, .tls, .protocolError, .proxy: .unavailable
        case .insecureURL, .badURL, .secretInURL: .usage
        case .noAnswer: .unknownOutcome
        // A write cancelled after it was sent is as unknown as one whose answer was lost.
        case .cancelled(let sent): sent ? .unknownOutcome : .failure
        case .tooLarge, .longPathSegment: .failure
        }
    }
}
