internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - update

extension WebhooksCommand {
    /// `update ID`: the webhook is found in the list first (a PATCH to an id of no webhook is a 404 in the project's
    /// API log), `--add-events`/`--remove-events` become its new list, and a `--events` or `--headers` that would
    /// drop what it has is asked about at a terminal and refused elsewhere without `--yes` (Kapso's PATCH replaces
    /// each list whole, kapso-api.md §3.2; probe45 P45-15: one event added, the others gone, "the webhook stopped firing").
    static func update(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        var (_, form) = try updateForm(arguments)
        for note in try refuseSecrets(arguments, command: "update", in: context) { context.emit(CommandResult(blocks: [.hint(note)])) }
        let wanted = try webhookID(arguments)
        let found = try PlanRefusalError.reading(path: "/platform/v1/whatsapp/webhooks", method: "GET", events: nil, webhookID: wanted) {
            try context.webhook(wanted)
        }
        let id = found.id
        if found.kind == "meta" { try WebhookFields.refuseKapsoOnly(arguments, what: "flag for meta webhook \(id)") }
        if let edited = try form.editedEvents(of: found) {
            if edited != found.events { form.fields["events"] = .array(edited.map(JSONValue.string)) }
            guard !form.fields.isEmpty else {
                return .line("nothing to change: webhook \(id) already has the events (\(found.events.joined(separator: ", "))); nothing was sent")
            }
        }
        let events = form.fields["events"]?.array?.compactMap(\.string)
        if let events, found.kind != "meta" {
            try WebhookFields.refuseOutOfScope(
                events.filter { !found.events.contains($0) }, projectScoped: found.isProjectScoped, command: name,
                webhook: found.isProjectScoped ? "project webhook \(id)" : "phone-number webhook \(id)")
        }
        let changes = [
            events.map { WebhookListChange(.events, current: found.events, new: $0) },
            form.fields["headers"]?.object.map { WebhookListChange(.headers, current: found.headerNames, new: $0.entries.map(\.key)) },
        ].compactMap { $0 }
        // `--remove-events` names what goes: that is asked for, not a side effect of a whole new list.
        let asked = form.removeEvents != nil || form.addEvents != nil
        let dropping = changes.filter { $0.drops && !($0.list == .events && asked) }
        if !dropping.isEmpty, !arguments.has("--yes") {
            guard context.isInteractive else {
                let what = dropping.map { "\($0.removedCounted), as \(replacement($0.list)) (it \($0.others))" }
                throw ConsentNeeded(
                    command: name, what: "update of webhook \(id) would remove " + what.joined(separator: ", and "),
                    fix: consentFix(dropping, id: id))
            }
            let question = "webhook \(id) (\(found.url)): " + dropping.map(replacementClause).joined(separator: "; and ")
                + "; deliveries lose what is removed. update it? [y/N] "
            guard context.confirm(question) else { return .line("not updated; " + consentFix(dropping, id: id)) }
            // The answer is the user's consent, recorded as the flag that gives it: replayed, no one is asked and the
            // update demands --yes (as `delete`, probe18 P18-20).
            context.shell?.recorder?.completeLine(with: "--yes")
        }
        // Resuming a webhook its receiver's failures paused: said beside the update (tester69 C4).
        let resuming = form.fields["active"]?.bool == true && !found.active ? resumingWarning(found, in: context) : nil
        let webhook = try PlanRefusalError.reading(
            path: "/platform/v1/whatsapp/webhooks/\(id)", method: "PATCH", events: events ?? found.events, webhookID: id
        ) {
            try UnknownOutcome.reporting(effect: "the webhook may have changed", check: "webhooks get \(id)") {
                () throws(KapsoAPIError) in try context.client.updateWebhook(id, fields: form.fields)
            }
        }
        context.session.lastWebhookID = webhook.id
        let changed = WebhookFields.changeSummary(sent: form.fields, now: webhook.json, changes: changes)
        return CommandResult(
            blocks: [
                .line(StyledText("updated webhook \(webhook.id): \(changed)", style: .good)),
                .fields(fields(of: webhook)),
            ] + (resuming.map { [.line(StyledText($0, style: .warn))] } ?? [])
                + (WebhookPayloadShape.bufferingWithoutEffect(webhook).map { [.hint("note: " + $0)] } ?? [])
                + (WebhookPayloadShape.bufferingTurnedOn(from: found, to: webhook).map { [.line(StyledText("warning: " + $0, style: .warn))] } ?? [])
                + (weakSecretWarning(form.fields, webhookID: webhook.id).map { [$0] } ?? []),
            json: .object(webhook.json))
    }

    /// `--events replaces the whole list: removes a; keeps b; adds c`.
    private static func replacementClause(_ change: WebhookListChange) -> String {
        "\(replacement(change.list)): \(change.description)"
    }

    /// `--events replaces the whole list`, `--headers replaces every custom header`.
    private static func replacement(_ list: WebhookListChange.List) -> String {
        list == .events ? "--events replaces the whole list" : "--headers replaces every custom header"
    }

    /// How to go on without dropping anything, or with it: for events the narrower flag (`--add-events` for what was
    /// added, `--remove-events` when only removing), for headers every header to keep; then `--yes`.
    private static func consentFix(_ dropping: [WebhookListChange], id: String) -> String {
        let ways = dropping.map { change -> String in
            switch change.list {
            case .events where !change.added.isEmpty:
                "to add without removing: webhooks update \(id) --add-events \(change.added.joined(separator: ","))"
            case .events:
                "to remove just those: webhooks update \(id) --remove-events \(change.removed.joined(separator: ","))"
            case .headers:
                "to keep the headers, give each of them in --headers with its value"
            }
        }
        return ways.joined(separator: "; ") + "; to replace as typed, add --yes"
    }
}
