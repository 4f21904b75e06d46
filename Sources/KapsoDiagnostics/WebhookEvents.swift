internal import Foundation

/// The events a Kapso webhook can subscribe to, e.g. `whatsapp.message.received`: name, scope, whether it can be
/// buffered, and which payload versions carry it. kops (validation, completion, samples) and kapso-sim (422 on
/// unknown names, test deliveries) read this one list.
///
/// Sources: kapso-api.md §3.4 and §14.1; gokapso/agent-skills
/// `skills/integrate-whatsapp/references/webhooks-reference.md` and `webhooks-event-types.md` (docs/webhook-events.md).
public enum WebhookEvents {
    /// Which webhooks receive an event.
    public enum Scope: String, Sendable, Equatable {
        /// Only webhooks created for one phone number.
        case phoneNumber = "phone number"
        /// Project-scoped webhooks (no `phone_number_id`).
        case project
    }

    /// The payload versions an event is delivered in.
    public enum Versions: Sendable, Equatable {
        case both, v1Only, v2Only
    }

    /// One event of the catalogue.
    public struct Event: Sendable, Equatable {
        public var name: String
        public var scope: Scope
        /// Only `whatsapp.message.received` can be batched (`buffer_events`).
        public var bufferable: Bool
        public var versions: Versions
        /// False when Kapso names the event but publishes no payload: our sample is reconstructed.
        public var documentedPayload: Bool
        /// What makes Kapso send it, in a few words.
        public var summary: String
    }

    /// The catalogue in the sources' order: number events, then project events.
    public static let catalog: [Event] = [
        number("whatsapp.message.received", "a contact's message arrived", bufferable: true),
        number("whatsapp.message.sent", "an outbound message reached WhatsApp"),
        number("whatsapp.message.delivered", "an outbound message reached the contact's device"),
        number("whatsapp.message.read", "the contact read an outbound message"),
        number("whatsapp.message.failed", "an outbound message failed (errors[] has the Graph code)"),
        number("whatsapp.conversation.created", "a conversation started"),
        number("whatsapp.conversation.ended", "a conversation ended (agent, manual close or 24 h inactivity)"),
        number("whatsapp.conversation.inactive", "no message either way for inactivity_minutes"),
        number("whatsapp.contact.identity_changed", "a contact got a new business-scoped user id", versions: .v2Only),
        number(
            "whatsapp.contact.marketing_preference_changed", "a contact stopped or resumed marketing messages",
            versions: .v2Only),
        number(
            "whatsapp.meta_business_agent.handover", "Meta's business agent handed a conversation over",
            versions: .v2Only, documented: false),
        project("whatsapp.config.created", "a number was connected (legacy v1 twin of phone_number.created)", versions: .v1Only),
        project("whatsapp.phone_number.created", "a number was connected through a setup link", versions: .both),
        project("whatsapp.phone_number.deleted", "a number's removal started", versions: .both),
        project("whatsapp.phone_number.offboarded", "Meta offboarded a number from the Cloud API", documented: false),
        project("whatsapp.phone_number.disconnected", "partner access was removed or the app uninstalled", documented: false),
        project("whatsapp.phone_number.reconnected", "a number's Cloud API connection was restored", documented: false),
        project("whatsapp.account.disabled", "Meta disabled the WhatsApp Business Account", documented: false),
        project("whatsapp.account.restricted", "Meta restricted the account's messaging", documented: false),
        project("whatsapp.account.reinstated", "Meta lifted a restriction or disable", documented: false),
        project("whatsapp.account.violation", "Meta recorded a policy violation on the account", documented: false),
        project("workflow.execution.handoff", "a workflow handed a conversation to a person", versions: .both),
        project("workflow.execution.failed", "a workflow execution failed", versions: .both),
        project("project.event", "a custom project event was emitted (plan-gated)", documented: false),
        project("kapso_agent.run.approval_required", "an agent run waits for a tool approval", documented: false),
        project("kapso_agent.run.completed", "an agent run completed", documented: false),
        project("kapso_agent.run.failed", "an agent run failed", documented: false),
        project("kapso_agent.run.cancelled", "an agent run was cancelled", documented: false),
    ]

    /// Every event name, in catalogue order.
    public static let all: [String] = catalog.map(\.name)

    /// Message events: the payload carries the message, its conversation and the number.
    public static let messages = all.filter { $0.hasPrefix("whatsapp.message.") }

    /// Conversation events: the payload carries the conversation and the number.
    public static let conversations = all.filter { $0.hasPrefix("whatsapp.conversation.") }

    /// The catalogue entry of `name` (exact, case-sensitive), or nil.
    public static func event(_ name: String) -> Event? {
        catalog.first { $0.name == name }
    }

    /// Whether `event` is in the catalogue (exact, case-sensitive name).
    public static func isKnown(_ event: String) -> Bool {
        self.event(event) != nil
    }

    /// Whether `word` names catalogued events only: one name, or several joined by commas as `--events` takes them
    /// (`kapso_agent.run.failed,kapso_agent.run.completed`). Such a word is not a credential even when it starts like
    /// one (`kapso_`, `TokenPrefix.kapso`): the redactor and the history rule ask this first.
    public static func namesEventsOnly(_ word: some StringProtocol) -> Bool {
        let names = word.split(separator: ",", omittingEmptySubsequences: false)
        return !names.isEmpty && names.allSatisfy { isKnown(String($0)) }
    }

    /// The scope of an event; names outside the catalogue are judged by their prefix.
    public static func scope(of event: String) -> Scope {
        if let known = self.event(event) { return known.scope }
        let numberPrefixes = ["whatsapp.message.", "whatsapp.conversation.", "whatsapp.contact.", "whatsapp.meta_business_agent."]
        return numberPrefixes.contains { event.hasPrefix($0) } ? .phoneNumber : .project
    }

    /// The names in `names` that a webhook of the given scope never receives, in order, each once: message,
    /// conversation and contact events on a project webhook, project events (number lifecycle, account, workflow,
    /// agent runs) on a phone-number webhook. Source: kapso-api.md §2 rule 9, §3.3 ("without phone_number_id =
    /// project events only; with it = message/conversation events for that number") and §14.1 ("project scope only").
    public static func outOfScope(_ names: [String], projectScoped: Bool) -> [String] {
        let wrong: Scope = projectScoped ? .phoneNumber : .project
        var seen = Set<String>()
        return names.filter { scope(of: $0) == wrong && seen.insert($0).inserted }
    }

    /// Why `names` (from `outOfScope`) are never delivered to a webhook of that scope, e.g. `whatsapp.account.disabled
    /// reaches only project webhooks, never a phone-number webhook`.
    public static func outOfScopeReason(_ names: [String], projectScoped: Bool) -> String {
        let list = names.joined(separator: ", ")
        let verb = names.count == 1 ? "reaches" : "reach"
        return projectScoped
            ? "\(list) \(verb) only phone-number webhooks, never a project webhook"
            : "\(list) \(verb) only project webhooks, never a phone-number webhook"
    }

    /// The names in `names` that are not in the catalogue, in order, each once.
    public static func unsupported(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !isKnown($0) && seen.insert($0).inserted }
    }

    /// Kapso's 422 for unknown names (`unsupportedMessage`, kapso-api.md §14.1: nothing is saved) read back, each name
    /// with the event it most likely meant (`WebhookCheck.suggestion`): `"whatsapp.message.status" is not a Kapso event
    /// (did you mean whatsapp.message.sent/delivered/read/failed?)`, then the events of its family (the message events
    /// for `whatsapp.message.*`, else every event). Nil for any other text (probe39 P39-6: read as "a text kops does not
    /// know"). `text` may carry the quotes escaped (`\"`), as a JSON body pasted whole does.
    public static func unsupportedReading(_ text: String) -> (meaning: String, fix: String)? {
        let plain = text.replacingOccurrences(of: "\\\"", with: "\"")
        guard let range = plain.range(of: "contains unsupported events:", options: .caseInsensitive) else { return nil }
        let names = plain[range.upperBound...].split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return nil }
        let read = names.map { name in
            "\"\(name)\" is not a Kapso event" + (WebhookCheck.suggestion(for: name).map { " (did you mean \($0)?)" } ?? "")
        }
        let family = names.allSatisfy { $0.hasPrefix("whatsapp.message.") || $0.hasPrefix("message.") } ? messages : all
        return (
            "Kapso refused the webhook's events and saved nothing: " + read.joined(separator: "; "),
            "send only Kapso's event names: \(family.joined(separator: ", "))")
    }

    /// Kapso's 422 text for unknown names on create or update (kapso-api.md §14.1):
    /// `Events contains unsupported events: "whatsapp.message.status"`.
    public static func unsupportedMessage(_ names: [String]) -> String {
        "Events contains unsupported events: " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func number(
        _ name: String, _ summary: String, bufferable: Bool = false, versions: Versions = .both, documented: Bool = true
    ) -> Event {
        Event(
            name: name, scope: .phoneNumber, bufferable: bufferable, versions: versions, documentedPayload: documented,
            summary: summary)
    }

    private static func project(
        _ name: String, _ summary: String, versions: Versions = .v2Only, documented: Bool = true
    ) -> Event {
        Event(
            name: name, scope: .project, bufferable: false, versions: versions, documentedPayload: documented,
            summary: summary)
    }
}
