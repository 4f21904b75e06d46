public import KapsoClient
internal import KapsoDiagnostics

/// A 401 whose Graph body is Meta's access-token error (`CredentialRefusal.numberToken`): the number's token is dead, the
/// project key works, so it is a failed command (1), not rejected credentials (77) that a script would answer by
/// rotating a working key (probe26 P26-2).
public struct NumberTokenError: KopsError, Equatable {
    public var host: String
    public var refusal: MetaSendError

    public init(host: String, refusal: MetaSendError) {
        self.host = host
        self.refusal = refusal
    }

    public var message: String {
        CredentialRefusal(graph: refusal).line(host: host, graph: refusal)
            ?? "the API key was rejected by \(host) (401); check KAPSO_API_KEY or the profile's key"
    }

    public var exitStatus: ExitStatus { .failure }
}
