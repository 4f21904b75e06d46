internal import KapsoClient

/// What the event rules of `webhooks check` ask of one webhook's list, worked out once so that their fixes agree.
///
/// Each rule used to write its own `webhooks update ID --events LIST`, a whole new list (Kapso's PATCH replaces it,
/// kapso-api.md §3.2), from its own view: on a project webhook subscribed to a misspelt message event and to a number
/// event, one fix kept the misspelling and another put back the number event the first one removed, and each dropped
/// what the other rule's list held (probe45 P45-17). Now every fix names only what it changes (`--add-events`,
/// `--remove-events`, which keep the rest), from one plan: the catalogue events the webhook's scope receives stay;
/// names of the other scope move to a webhook of that scope and go; names that are no Kapso event go, replaced by the
/// catalogue event they most likely meant when that fits the scope. So no fix adds what another removes, and none
/// empties the list (the plan says delete instead). Every rule gives the same one update line (`update(_:)`), so each
/// line works pasted alone.
///
/// Scope rules: kapso-api.md §3.3, §3.4, §14.1 (`WebhookEvents.scope(of:)`); unknown names: §3.4, §14.1.
struct WebhookEventPlan {
    /// Catalogue events of the webhook's own scope: they stay.
    var deliverable: [String]
    /// Catalogue events of the other scope: never delivered here (they move to a webhook of that scope).
    var otherScope: [String]
    /// Names outside the catalogue: never delivered anywhere.
    var unknown: [String]
    /// What the unknown names most likely meant (`WebhookCheck.replacements`), of the webhook's scope and not
    /// subscribed yet: added here. A number webhook left with nothing gets `whatsapp.message.received`, as a kapso
    /// webhook needs one event (§3.1).
    var additions: [String]
    /// What the unknown names most likely meant, of the other scope: for a webhook of that scope.
    var elsewhere: [String]

    /// The plan for `webhook`; one of kind meta has no event list to plan (Meta's payloads, whatever `events` says).
    init(_ webhook: Webhook) {
        guard webhook.kind != "meta" else {
            (deliverable, otherScope, unknown, additions, elsewhere) = ([], [], [], [], [])
            return
        }
        let projectScoped = webhook.isProjectScoped
        let own: WebhookEvents.Scope = projectScoped ? .project : .phoneNumber
        let names = WebhookCheck.uniqued(webhook.events)
        deliverable = names.filter { WebhookEvents.isKnown($0) && WebhookEvents.scope(of: $0) == own }
        otherScope = names.filter { WebhookEvents.isKnown($0) && WebhookEvents.scope(of: $0) != own }
        unknown = WebhookEvents.unsupported(names)
        let meant = WebhookCheck.uniqued(unknown.flatMap(WebhookCheck.replacements(for:)))
        additions = meant.filter { WebhookEvents.scope(of: $0) == own && !names.contains($0) }
        elsewhere = meant.filter { WebhookEvents.scope(of: $0) != own && !names.contains($0) }
        if !unknown.isEmpty, deliverable.isEmpty, additions.isEmpty, !projectScoped {
            additions = ["whatsapp.message.received"]
        }
    }

    /// The list once every event fix is applied; empty when the webhook is left with nothing to receive.
    var target: [String] { deliverable + additions }

    /// What goes: the names of the other scope and those that are no Kapso event.
    var removals: [String] { otherScope + unknown }

    /// The one `webhooks update ID --add-events A --remove-events R` every event rule gives for `id`, nil when nothing is
    /// to change. One line, not one per rule: Kapso refuses (422, saving nothing) a PATCH whose list still holds a name
    /// that is no event (kapso-api.md §14.1), and kapso-sim a number webhook's list that holds a project event (§3.3), so
    /// a fix that changed only its own rule's names failed while the other rule's were there. `removing` adds more
    /// names to remove (a twin's shared events).
    func update(_ id: String, removing more: [String] = []) -> String? {
        Self.update(id, add: additions, remove: WebhookCheck.uniqued(removals + more))
    }

    /// `webhooks update ID --add-events A --remove-events R`, each flag only when it has names; nil when neither has. A
    /// list holding anything but a plain word's characters is quoted (`ShellWord.quoted`), so a name stored as
    /// `whatsapp.message.received ` is removed as stored when the line is pasted (tester54 V17: the space was lost, and
    /// the fix refused), and a stored `whatsapp.message.*` is not globbed by a POSIX shell (tester56b AA2).
    static func update(_ id: String, add: [String] = [], remove: [String]) -> String? {
        guard !add.isEmpty || !remove.isEmpty else { return nil }
        return "webhooks update \(id)" + (add.isEmpty ? "" : " --add-events " + ShellWord.quoted(add.joined(separator: ",")))
            + (remove.isEmpty ? "" : " --remove-events " + ShellWord.quoted(remove.joined(separator: ",")))
    }
}
