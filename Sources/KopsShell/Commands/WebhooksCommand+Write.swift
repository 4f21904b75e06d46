internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - create, update, delete, test

extension WebhooksCommand {
    /// The fields of a `create` line: `--url`, `--events` (unless `--kind meta`) and events that fit the scope.
    static func createForm(_ arguments: Arguments) throws(ShellError) -> WebhookFields {
        let form = try WebhookFields(arguments, isCreate: true)
        guard form.fields["url"] != nil else {
            throw .missingArgument(command: name, what: "--url", usage: createUsage)
        }
        let isMeta = arguments.value("--kind") == "meta"
        // Kind meta forces `events: []` (kapso-api.md §0.8, §3.2): a list given is refused, as `update` refuses it (V8).
        if isMeta, arguments.value("--events") != nil {
            throw .invalidValue(
                command: name, what: "flag for a meta webhook", value: "--events",
                expected: WebhookFields.noMetaEvents)
        }
        guard isMeta || form.fields["events"] != nil else {
            throw .missingArgument(command: name, what: "--events (kapso webhooks need at least one)", usage: createUsage)
        }
        let project = arguments.value("--scope") == "project"
        try WebhookFields.refuseOutOfScope(
            (form.fields["events"]?.array ?? []).compactMap(\.string), projectScoped: project, command: name,
            webhook: project ? "--scope project" : "a phone-number webhook")
        return form
    }

    /// The fields of an `update ID` line; at least one setting to change.
    static func updateForm(_ arguments: Arguments) throws(ShellError) -> (id: String, form: WebhookFields) {
        let id = try arguments.required(1, "webhook id")
        let form = try WebhookFields(arguments, isCreate: false)
        guard !form.fields.isEmpty || form.addEvents != nil || form.removeEvents != nil else {
            throw .missingArgument(command: name, what: "a setting to change (e.g. --active true)", usage: updateUsage)
        }
        return (id, form)
    }

    /// Refuses a `--url` or `--headers` that would hand a secret to the webhook's receiver, with every delivery, while
    /// every view shows the value masked (`OutgoingSecret`): kops's own API key always (tester59 AF10); a Meta access
    /// token or a webhook signing secret unless `--send-secret`, as `reply` refuses them (tester59b AG6: neither is ever
    /// the receiver's own credential). A receiver's own key or token in a header is what `--headers` is for, and is sent
    /// as given. Returns the notes of what `--send-secret` let go.
    static func refuseSecrets(_ arguments: Arguments, command: String, in context: ShellContext) throws -> [String] {
        var notes: [String] = []
        for flag in ["--url", "--headers"] {
            guard let value = arguments.value(flag), let secret = context.outgoingSecret(in: value) else { continue }
            let host = arguments.value("--url").flatMap { URLParts($0)?.host }.map { "the receiver at \($0)" } ?? "the webhook's receiver"
            switch secret {
            case .apiKey:
                throw SecretWouldLeave(
                    command: "\(name) \(command)", part: flag, secret: .apiKey, recipient: host + " (with every delivery)",
                    fix: "nothing was sent; give the receiver's own key or token, never the Kapso API key")
            case .metaAccessToken, .webhookSecret, .signingSecret:
                guard arguments.has(OutgoingSecret.sendFlag) else {
                    throw SecretWouldLeave(
                        command: "\(name) \(command)", part: flag, secret: secret, recipient: host + " (with every delivery)",
                        fix: "nothing was sent; take it out, or \(OutgoingSecret.sendFlag) to send it as typed")
                }
                notes.append("\(OutgoingSecret.sendFlag): \(flag) holds \(secret.name), shown masked here; \(host) receives it with every delivery")
            case .known, .shaped:
                continue
            }
        }
        return notes
    }

    static func create(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        var form = try createForm(arguments)
        for note in try refuseSecrets(arguments, command: "create", in: context) { context.emit(CommandResult(blocks: [.hint(note)])) }
        let scope: KapsoClient.WebhookScope =
            arguments.value("--scope") == "project" ? .project : .phoneNumber(try context.session.requirePhoneNumber())
        var generated: String?
        if form.fields["secret_key"] == nil {
            let secret = generatedSecret()
            // Known to the redactor before the request is sent: an API error that echoes the request body, or a
            // timeout's report, masks it like a --secret-key the user typed (probe18 P18-17).
            context.keepSecret(secret)
            form.fields["secret_key"] = .string(secret)
            generated = secret
            context.generatedSecrets.append(secret)
        }
        // A 402 is read as the API log's reading of the same call reads it: the plan (tester62b AM7).
        let webhook = try PlanRefusalError.reading(
            path: "/platform/v1/whatsapp/webhooks", method: "POST", events: form.fields["events"]?.array?.compactMap(\.string) ?? [],
            webhookID: nil
        ) {
            try UnknownOutcome.reporting(effect: "the webhook may exist", check: "webhooks") {
                () throws(KapsoAPIError) in try context.client.createWebhook(scope, fields: form.fields)
            }
        }
        context.session.lastWebhookID = webhook.id
        var result = CommandResult(
            blocks: [.line(StyledText("created webhook \(webhook.id)", style: .good)), .fields(fields(of: webhook))]
                + (WebhookPayloadShape.bufferingWithoutEffect(webhook).map { [.hint("note: " + $0)] } ?? [])
                + (twinWarning(webhook, scope: scope, in: context).map { [.hint($0)] } ?? [])
                + (weakSecretWarning(form.fields, webhookID: webhook.id).map { [$0] } ?? []),
            json: .object(webhook.json))
        if let generated {
            result = revealing(
                generated, in: result,
                warning:
                    "warning: this generated secret is shown only now; store it where the receiver verifies signatures",
                in: context)
        }
        return result
    }

    /// `warning: …` when the webhook just made is active beside another of its scope on the same URL that gets the same
    /// events (`WebhookCheck.twins`, the rule `webhooks check` warns by), with how often each is now delivered, counted as
    /// `webhooks check` counts it (`WebhookCopies`; tester60 AH9: three webhooks were made on one URL without a word). Nil when there is none, or the list cannot be read.
    private static func twinWarning(_ webhook: Webhook, scope: KapsoClient.WebhookScope, in context: ShellContext) -> String? {
        guard webhook.active, let listed = try? context.client.allWebhooks(scope) else { return nil }
        let pairs = WebhookCheck.twins(listed.filter { $0.id != webhook.id } + [webhook])
        guard let twin = pairs.first(where: { $0.webhook.id == webhook.id })?.twin else { return nil }
        guard let delivered = WebhookCopies(listed.filter { $0.id != webhook.id } + [webhook]).duplicates(of: webhook) else {
            return nil
        }
        return "warning: \(twin.id) is active on the same URL and gets these events too: \(delivered); 'webhooks check' "
            + "names them, 'webhooks delete \(webhook.id)' undoes this"
    }

    /// Shows `secret` in clear on the terminal: a `secret_key: VALUE` line under the fields, or in JSON mode (the
    /// session's or this command's `--output json`) the JSON's own `secret_key`, the warning on stderr so `jq` still
    /// reads stdout (probe12 P12-4: JSON printed the mask, and a script had no way to get a generated secret).
    /// Transcripts and every other sink still mask it.
    static func revealing(
        _ secret: String, in result: CommandResult, warning: String, in context: ShellContext
    )
        -> CommandResult
    {
        var result = result
        if (context.shell?.outputOverride ?? context.session.output) == .json {
            context.emit(CommandResult(blocks: [.hint(warning)]))
            result.revealedSecret = secret
        } else {
            result.blocks += [.line(StyledText("secret_key: \(secret)")), .hint(warning)]
            result.revealedSecret = secret
        }
        return result
    }

    static func delete(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let id = try webhookID(arguments)
        if !arguments.has("--yes") {
            guard context.isInteractive else {
                throw ShellError.missingArgument(
                    command: name, what: "--yes (not at a terminal, so kops cannot ask)",
                    usage: "webhooks delete ID --yes")
            }
        }
        // Found in the list first: a DELETE of an id of no webhook is a 404 in the project's API log.
        let webhook = try context.webhook(id)
        if !arguments.has("--yes") {
            guard context.confirm("delete webhook \(id) (\(webhook.url))? deliveries to it stop at once [y/N] ") else {
                return .line("not deleted")
            }
            // The answer is the user's consent, recorded as the flag that gives it: replayed, no one is asked and
            // delete demands --yes (probe18 P18-20).
            context.shell?.recorder?.completeLine(with: "--yes")
        }
        try UnknownOutcome.reporting(effect: "the webhook may be gone", check: "webhooks get \(id)") {
            () throws(KapsoAPIError) in try context.client.deleteWebhook(id)
        }
        if context.session.lastWebhookID == id { context.session.lastWebhookID = nil }
        return .line("deleted webhook \(id)", json: .object(["id": .string(id), "deleted": true]))
    }

    /// Queues a test delivery, then looks for the delivery it produced (a few polls of the webhook's deliveries).
    static func test(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        if let event = arguments.value("--event") { _ = try WebhookFields.checkedEvents(event) }
        // Webhook ids are UUIDs (the delivery list answers another filter with 400), and one of no webhook is found
        // missing in the list rather than by a POST that would leave a 404 in the project's API log.
        let webhook = try context.webhook(try webhookID(arguments))
        let id = webhook.id
        let query = [("webhook_id", id), ("limit", "10")]
        let before: Set<String>
        do throws(KapsoAPIError) {
            before = Set(try context.client.webhookDeliveries(query).items.map(\.id))
        } catch {
            throw TestNotSent(webhookID: id, cause: error)
        }
        try UnknownOutcome.reporting(effect: "a test delivery may have been queued", check: "deliveries") {
            () throws(KapsoAPIError) in try context.client.testWebhook(id, event: arguments.value("--event"))
        }
        context.session.lastWebhookID = id
        var found: WebhookDelivery?
        var waited = 0.0
        for (index, pause) in ([0] + testPolls).enumerated() {
            if pause > 0 {
                // Said once, when the quick answer did not come: the wait that follows is Kapso's 10 s, not a hang.
                if index == quickPolls {
                    context.emit(CommandResult(blocks: [.hint("the receiver has not answered yet; waiting up to 10 s, as Kapso does (Ctrl-C stops waiting)")]))
                }
                context.pause(pause)
                waited += pause
            }
            if context.interrupted() { break }
            do throws(KapsoAPIError) {
                found = try context.client.webhookDeliveries(query).items.first { !before.contains($0.id) }
            } catch {
                return resultNotRead(webhook, event: arguments.value("--event"), error: error)
            }
            // A pending delivery with an attempt made has its first answer; Kapso's retries come much later.
            if let found, found.status != "pending" || found.attemptCount != 0 { break }
        }
        guard let delivery = found else {
            var queued = CommandResult.line(
                "test queued for \(id); no delivery recorded yet: run 'deliveries --webhook \(id)' in a moment")
            queued.status = .unknownOutcome
            return queued
        }
        // Still no attempt recorded: the receiver is working on it (or Kapso has not sent it). Nothing is known yet, and
        // a script must not read that as a pass (probe11 P11-8).
        if delivery.status == "pending", delivery.attemptCount == 0 {
            // The delivery's JSON says `"status": "pending"`; `kops_outcome` says what kops concluded, so a script
            // reading `--output json` is not told pending means fine (the exit status is 75 either way).
            var json = delivery.json
            json["kops_outcome"] = .string("unknown_yet")
            var unknown = CommandResult(
                blocks: [
                    .line(StyledText("test \(delivery.event) sent to \(delivery.webhookURL)")),
                    .fields([
                        Field("delivery", delivery.id),
                        Field("status", "unknown yet: no attempt recorded after \(Self.seconds(waited))", style: .warn),
                    ]),
                    .hint(
                        "the receiver has not answered within \(Self.seconds(waited)); Kapso waits 10 s, then counts no answer as a "
                            + "failure and retries it, \(WebhookVerdict.retrySchedule): "
                            + "'deliveries --webhook \(id) --limit 1' shows how it went"),
                ], json: .object(json))
            unknown.status = .unknownOutcome
            return unknown
        }
        var result = CommandResult(
            blocks: [
                .line(StyledText("test \(delivery.event) sent to \(delivery.webhookURL)")),
                .fields([
                    Field("delivery", delivery.id),
                    Field("status", delivery.status, style: DeliveriesCommand.status(delivery.status).style),
                    Field("http", delivery.answer.cell(none: DeliveryAnswer.noResponse)),
                    Field("attempts", delivery.attemptCount.map(String.init) ?? DeliveryAnswer.unreadableLabel),
                    Field("last attempt", TimeText.short(delivery.lastAttemptAt)),
                ]),
            ], json: .object(delivery.json))
        // What the test does not prove: a paused webhook, or an event its scope never gets (tester53 T12).
        let caveats = WebhookTestCaveat.notes(webhook, event: delivery.event, delivered: delivery.status == "delivered")
        result.blocks += caveats.map { .line(StyledText("note: " + $0, style: .warn)) }
        if !caveats.isEmpty {
            var json = delivery.json
            json["kops_notes"] = .array(caveats.map { .string($0) })
            result.json = .object(json)
        }
        let failedAttempt = delivery.status == "pending" && delivery.attemptCount != 0
        if delivery.status == "failed" || failedAttempt {
            result.status = .failure
            // The advice `errors` gives for the same answer (probe11 P11-15: a redirect is no "check its logs").
            let meaning = ErrorTriage.deliveryMeaning(delivery.answer, url: delivery.webhookURL, logs: .lastAttempt)
            let retries = failedAttempt ? " (Kapso retries it, \(WebhookVerdict.retrySchedule))" : ""
            result.blocks.append(.hint("\(meaning)\(retries); then 'webhooks test \(id)' again"))
        }
        return result
    }

    /// `test queued for ID (Kapso accepted it); its result could not be read (the API failed (503): …): …`: the POST was
    /// answered, so a test delivery exists (and is retried, kapso-api.md §10.3); "retry" would send another (tester53b
    /// U19). The API's own advice after its `;` is left out for that reason. The paused or out-of-scope note does not
    /// depend on the result (`WebhookTestCaveat`). Exits as an unknown outcome, as a test with no delivery yet does.
    static func resultNotRead(_ webhook: Webhook, event: String?, error: KapsoAPIError) -> CommandResult {
        let why = error.message.split(separator: ";", maxSplits: 1).first.map(String.init) ?? error.message
        var result = CommandResult.line(
            "test queued for \(webhook.id) (Kapso accepted it); its result could not be read (\(why)): "
                + "'deliveries --webhook \(webhook.id) --period 24h' shows it in a minute")
        result.blocks += WebhookTestCaveat.notes(webhook, event: event ?? "", delivered: false).map { .line(StyledText("note: " + $0, style: .warn)) }
        result.status = .unknownOutcome
        return result
    }

    /// Pauses (seconds) between the polls of `test` for its delivery's first answer: quick ones for a receiver on hand,
    /// then about Kapso's own 10 s wait for an answer (kapso-api.md §10.2) and a little more for Kapso to record it.
    static let testPolls: [Double] = [0.25, 0.5, 0.75, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 1.5]
    /// The polls before the wait is said (`testPolls.prefix(quickPolls)`: 1.5 s).
    static let quickPolls = 3

    /// `12 s`, `1.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// `whsec_` and 32 random hex digits.
    static func generatedSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "whsec_"
            + (0..<16).map { _ in
                let byte = UInt8.random(in: 0...255, using: &generator)
                return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }.joined()
    }
}
