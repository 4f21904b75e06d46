/// What a 402 on one of kops's webhook calls says, by what the call asked for (tester64b U10).
///
/// Kapso documents 402 on the Platform API for a feature the project's plan lacks, with one named case: a webhook
/// subscribed to `project.event` ("feature needs a paid plan"; Kapso Platform API reference,
/// https://docs.kapso.ai/api/platform/v1/platform-api-overview; kapso-api.md §1.5, §3.3). When the call holds no
/// project.event, or only reads, kops cannot match the 402 to anything it sent, and says so instead of advising to remove
/// an event that is not there.
public enum PlanRefusal {
    /// The Kapso event the documented plan refusal names.
    public static let planEvent = "project.event"

    /// The reading of a 402 answered to `method` on a webhook (`GET` a look-up, `POST` a create, `PATCH` an update),
    /// `events` the webhook's events as the call would leave them (nil when unknown, as for a look-up), `webhookID` the
    /// webhook's id when it exists: `Kapso plan: …; what to do`.
    public static func advice(method: String, events: [String]?, webhookID: String?) -> String {
        let write = method.uppercased() != "GET"
        let unmatched = "kops cannot tell which limit this is: check the project's plan and billing in Kapso's dashboard, "
            + "or ask Kapso support with the time of the call"
        guard write else {
            return "Kapso plan (unclear): Kapso documents 402 for writes that need a paid plan, not for reading webhooks, and nothing "
                + "was changed; " + unmatched
        }
        let nothing = "nothing was " + (webhookID == nil ? "created" : "changed") + " and nothing was charged, so there is nothing to top up"
        guard let events, events.contains(planEvent) else {
            return "Kapso plan (unclear): Kapso answers 402 when the project's plan lacks what a call asked for (its documented case: a "
                + "webhook subscribed to \(planEvent)), but this webhook " + (events == nil ? "may hold" : "holds")
                + " no \(planEvent); \(nothing); " + unmatched
        }
        let lead = "Kapso plan: the project's Kapso plan does not include what the call asked for (Kapso's documented case: "
            + "a webhook subscribed to \(planEvent)); " + nothing
        let drop = webhookID.map { "'webhooks update \($0) --remove-events \(planEvent)'" }
            ?? "create it without \(planEvent) (--events without it)"
        return lead + "; \(drop), or move the project to a paid plan"
    }
}
