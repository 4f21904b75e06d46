public import KapsoClient

/// What a passed `webhooks test` does not prove about a webhook: the test reaches the receiver whatever the webhook's
/// state, so a paused webhook, or an event its scope never receives, passes it while real events never come
/// (tester53 T12: "delivered 200" on a paused webhook, and on a project webhook's message event, contradicted
/// `webhooks check`). Sources: kapso-api.md §3.3 and §2 rule 9 (message, conversation and contact events reach only
/// phone-number webhooks; project events only project webhooks), §10 (`active: false`: nothing is delivered); §3.5
/// (`POST /whatsapp/webhooks/{id}/test` works for any webhook of the project).
public enum WebhookTestCaveat {
    /// The notes for a test of `event` sent to `webhook`, as it was listed before the test, e.g. `this webhook is paused
    /// (active: false): the test reached its receiver, but Kapso sends it no real event until 'webhooks update ID
    /// --active true'`; empty when the webhook receives such events. `delivered`: whether the receiver answered the
    /// test with a 2xx (a failed test reached nothing, and the note must not say it did).
    public static func notes(_ webhook: Webhook, event: String, delivered: Bool) -> [String] {
        var notes: [String] = []
        let reached = delivered ? "the test reached its receiver, but " : "whatever this test shows, "
        if !webhook.active {
            notes.append("this webhook is paused (active: false): \(reached)Kapso sends it no real event until "
                + "'webhooks update \(webhook.id) --active true'")
        }
        if webhook.kind != "meta", WebhookEvents.isKnown(event),
            !WebhookEvents.outOfScope([event], projectScoped: webhook.isProjectScoped).isEmpty
        {
            let scope = webhook.isProjectScoped ? "a project webhook" : "a phone-number webhook"
            notes.append("this is \(scope), and \(WebhookEvents.outOfScopeReason([event], projectScoped: webhook.isProjectScoped)): "
                + (delivered ? "the test reached its receiver, real \(event) events will not" : "no real \(event) event goes to it")
                + " ('webhooks check \(webhook.id)' says what to change)")
        }
        return notes
    }
}
