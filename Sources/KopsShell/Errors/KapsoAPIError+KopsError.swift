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
        case .dns, .connect, .timeout, .tls, .protocolError: .unavailable
        case .insecureURL, .badURL: .usage
        case .noAnswer: .unknownOutcome
        case .cancelled, .tooLarge: .failure
        }
    }
}
