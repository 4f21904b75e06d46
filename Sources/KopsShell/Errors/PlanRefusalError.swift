public import KapsoClient
internal import KapsoDiagnostics

/// A 402 on one of kops's own webhook calls (`webhooks create`, `webhooks update` and its look-up), said with what the
/// call asked for (`PlanRefusal.advice`: Kapso's plan, not the balance for Meta's fees; tester62b AM7: "the API rejected
/// the request (402): Payment Required" alone; tester64b U10: a create holding no project.event was told to remove it
/// from a webhook id it had not got, and update's look-up got no reading).
public struct PlanRefusalError: KopsError, APIErrorExplained {
    /// The API's error as it came back.
    public var error: KapsoAPIError
    /// What it means and what to do.
    public var advice: String

    /// `error` with its reading when it is a 402 to `method` on a webhook (`APIRefusal` reads it as Kapso's plan);
    /// `events` and `webhookID` as `PlanRefusal.advice` takes them. Nil otherwise. A text kops knows another reading of
    /// (Kapso's insufficient credits) keeps that reading.
    public static func explaining(
        _ error: KapsoAPIError, path: String, method: String, events: [String]?, webhookID: String?
    ) -> PlanRefusalError? {
        guard case .rejected(402, let message, _) = error,
            let refusal = APIRefusal(status: 402, text: message, path: path, method: method), let reading = refusal.advice
        else { return nil }
        guard refusal.code == "plan_required" else { return PlanRefusalError(error: error, advice: reading) }
        return PlanRefusalError(error: error, advice: PlanRefusal.advice(method: method, events: events, webhookID: webhookID))
    }

    /// Runs `call` (a webhook call to `path`), rethrowing a 402 as its reading.
    static func reading<T>(
        path: String, method: String, events: [String]?, webhookID: String?, _ call: () throws -> T
    ) throws -> T {
        do {
            return try call()
        } catch let error as KapsoAPIError {
            if let explained = explaining(error, path: path, method: method, events: events, webhookID: webhookID) { throw explained }
            throw error
        }
    }

    public var message: String { error.message + "; " + advice }

    public var exitStatus: ExitStatus { error.exitStatus }
}
