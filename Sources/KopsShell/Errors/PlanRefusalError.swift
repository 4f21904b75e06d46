public import KapsoClient
internal import KapsoDiagnostics

/// A 402 on one of kops's own Platform API writes (`webhooks create`, `webhooks update`), said with the reading `errors`
/// and `logs` give the same call in the API log (`APIRefusal`: Kapso's plan, not the balance for Meta's fees; tester62b
/// AM7: "the API rejected the request (402): Payment Required" alone, while `logs --errors` read it "Kapso plan: …").
public struct PlanRefusalError: KopsError, APIErrorExplained {
    /// The API's error as it came back.
    public var error: KapsoAPIError
    /// What it means and what to do (`APIRefusal.advice`).
    public var advice: String

    /// `error` with its reading when it is a 402 of a write to `path` (`/platform/v1/…`) with `method`; nil otherwise.
    public static func explaining(_ error: KapsoAPIError, path: String, method: String) -> PlanRefusalError? {
        guard case .rejected(402, let message, _) = error,
            let advice = APIRefusal(status: 402, text: message, path: path, method: method)?.advice
        else { return nil }
        return PlanRefusalError(error: error, advice: advice)
    }

    /// Runs `write` (a webhook write to `path`), rethrowing a 402 as its reading.
    static func reading<T>(path: String, method: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let error as KapsoAPIError {
            if let explained = explaining(error, path: path, method: method) { throw explained }
            throw error
        }
    }

    public var message: String { error.message + "; " + advice }

    public var exitStatus: ExitStatus { error.exitStatus }
}
