public import KapsoClient
internal import KapsoDiagnostics

/// A 403, 405 or 426 before the host answered any call of the session, said with its next step
/// (`FirstCallRefusal`: the base URL, what stands in front of the API, or plain http to an https-only host).
public struct FirstCallRefusalError: KopsError, APIErrorExplained {
    /// The API's error as it came back.
    public var error: KapsoAPIError
    /// What to do, from `FirstCallRefusal.nextStep`.
    public var step: String

    /// The error with its next step when it is a 403, 405 or 426 that no Kapso refusal text explains (`APIRefusal`: a
    /// sandbox send's 403 says its own cause) and the host answered nothing before (`served` is empty); nil otherwise.
    public static func explaining(_ error: KapsoAPIError, base: String, source: String?, served: [String]) -> FirstCallRefusalError? {
        guard served.isEmpty else { return nil }
        let status: Int
        let text: String
        switch error {
        case .rejected(let code, let message, _): (status, text) = (code, message)
        case .badResponse(let code, let detail, _): (status, text) = (code, detail)
        default: return nil
        }
        guard FirstCallRefusal.statuses.contains(status), APIRefusal(status: status, text: text) == nil,
            let step = FirstCallRefusal.nextStep(status: status, base: base, origin: source.map { " (\($0))" } ?? "")
        else { return nil }
        return FirstCallRefusalError(error: error, step: step)
    }

    public var message: String { error.message + "; " + step }

    public var exitStatus: ExitStatus { error.exitStatus }
}
