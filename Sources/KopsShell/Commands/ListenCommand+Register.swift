internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - --register: the temporary webhook, created and removed

extension ListenCommand {
    /// Creates the temporary webhook of `--register` on the selected number with a generated secret, which is
    /// used to verify and never shown. Off this machine it asks first at a terminal.
    /// Nil when the user does not confirm (no, Ctrl-C or end of input at the question).
    static func registerWebhook(_ url: String, events: String, in context: ShellContext) throws -> (id: String, secret: Secret)? {
        try WebhooksCommand.checkHandlerURL(url, flag: "--register", command: name)
        let number = try context.session.requirePhoneNumber()
        let names = try WebhookFields.checkedEvents(WebhookFields.expandedEvents(events, scope: .phoneNumber, v1: false))
        try WebhookFields.refuseOutOfScope(
            names, projectScoped: false, command: name, webhook: "--register (a phone-number webhook)")
        guard context.confirm("create a temporary webhook on \(number) pointing at \(url)? [y/N] ") else {
            return nil
        }
        let secret = WebhooksCommand.generatedSecret()
        let fields: JSONObject = [
            "url": .string(url), "events": .array(names.map { .string($0) }), "secret_key": .string(secret),
            "payload_version": "v2",
            // Marks it as temporary, so a leftover of a kops that was killed is named by `webhooks check` (tester59 AF9).
            "headers": [WebhookCheck.temporaryHeader: "temporary"],
        ]
        let webhook: Webhook
        do {
            webhook = try UnknownOutcome.reporting(effect: "a temporary webhook may exist", check: "webhooks") {
                () throws(KapsoAPIError) in try context.client.createWebhook(.phoneNumber(number), fields: fields)
            }
        } catch {
            // Ctrl-C or a lost answer after the create was sent: it may exist, with a secret nobody has seen.
            if !isAnswered(error) { context.emit(removeUnconfirmed(url: url, secret: secret, number: number, in: context)) }
            throw error
        }
        context.emit(
            .line("registered temporary webhook \(webhook.id) on \(number) → \(url) (\(names.joined(separator: ",")); secret kept, not shown)"))
        return (webhook.id, Secret(secret))
    }

    /// True when the API answered (an error status): the create did not happen.
    private static func isAnswered(_ error: any Error) -> Bool {
        guard let error = error as? KapsoAPIError else { return false }
        switch error {
        case .transport, .badResponse: return false
        default: return true
        }
    }

    /// After a create whose outcome is unknown: finds the webhook by its URL and generated secret (so no other
    /// webhook is touched) and deletes it; says what to check when that cannot be done.
    private static func removeUnconfirmed(url: String, secret: String, number: String, in context: ShellContext) -> CommandResult {
        do {
            let made = try context.client.allWebhooks(.phoneNumber(number)).filter {
                $0.url == url && $0.secretKey?.revealed == secret
            }
            guard !made.isEmpty else { return .line("no temporary webhook to \(url) was created") }
            for webhook in made { try context.client.deleteWebhook(webhook.id) }
            return .line("deleted temporary webhook \(made.map(\.id).joined(separator: ", ")) (its creation was not confirmed)")
        } catch {
            return .line(
                "a temporary webhook to \(url) may exist: check 'use \(number); webhooks' and delete it", style: .bad)
        }
    }

    /// Deletes the temporary webhook, trying once more after a failure (a delete is idempotent; a 404 then means
    /// the first one took effect); says how to do it by hand when that fails too. True when it is gone.
    static func removeWebhook(_ id: String, in context: ShellContext) -> (CommandResult, deleted: Bool) {
        var failure: KapsoAPIError?
        for attempt in 0..<2 {
            do {
                try context.client.deleteWebhook(id)
                return (.line("deleted temporary webhook \(id)"), true)
            } catch KapsoAPIError.webhookNotFound where attempt > 0 {
                return (.line("deleted temporary webhook \(id)"), true)
            } catch KapsoAPIError.notFound where attempt > 0 {
                return (.line("deleted temporary webhook \(id)"), true)
            } catch {
                failure = error
            }
        }
        return (
            .line(
                "could not delete temporary webhook \(id): \(failure?.message ?? "unknown error"); "
                    + "delete it with 'webhooks delete \(id)'", style: .bad),
            false
        )
    }
}
