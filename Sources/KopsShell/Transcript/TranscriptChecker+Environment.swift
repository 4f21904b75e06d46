internal import KapsoClient
internal import KopsHTTP

extension TranscriptChecker {
    /// The exit status of a failure that comes from where a transcript is replayed, not from what it recorded; nil
    /// for any other error. `kops check` stops at one (`ScriptError.environmentFailed`) unless the recorded block
    /// shows the same failure, so `--update` never writes it over the recorded output (probe16 P16-12).
    ///
    /// - no usable key, a config.toml that does not read, or a setting refused at start (`CredentialError`,
    ///   `ConfigError`, `StartProblem`): their own status, 64 (77 for a key command that failed);
    /// - the key refused: 401 (`CredentialError.rejected`) and 403 (kapso-api.md §1.5 "forbidden"): 77;
    /// - the API not reached or not answering: DNS, connect, TLS, time-out, a broken answer (`TransportError`), 429 and
    ///   5xx after the transport's retries, and a base URL that is not Kapso's API (`BaseURLError`): 69.
    static func environmentStatus(of error: any Error) -> ExitStatus? {
        switch error {
        case let error as CredentialError: return error.exitStatus
        case let error as ConfigError: return error.exitStatus == .failure ? nil : error.exitStatus
        case let error as StartProblem: return error.exitStatus
        case is BaseURLError: return .unavailable
        case let error as any APIErrorExplained: return environmentStatus(of: error.error)
        case let error as TransportError: return transportStatus(error)
        case let error as KapsoAPIError:
            switch error {
            case .transport(let transport): return transportStatus(transport)
            case .unauthorized: return .noPermission
            case .rejected(403, _, _): return .noPermission
            case .rateLimited, .server: return .unavailable
            case .badResponse(let status, _, _) where status >= 500: return .unavailable
            default: return nil
            }
        default: return nil
        }
    }

    /// 69 for a transfer that never got an answer from the API; nil for Ctrl-C, a refused URL form and a body past
    /// kops's limit, which are not the environment's doing, and for a write whose answer was lost (its own 75).
    private static func transportStatus(_ error: TransportError) -> ExitStatus? {
        switch error {
        case .dns, .connect, .timeout, .tls, .protocolError, .proxy: .unavailable
        case .insecureURL, .badURL, .secretInURL: .usage
        case .cancelled, .tooLarge, .noAnswer, .longPathSegment: nil
        }
    }
}
