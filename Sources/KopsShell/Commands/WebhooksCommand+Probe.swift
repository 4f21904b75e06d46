internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - probe: does the registered handler verify signatures on the raw bytes?

extension WebhooksCommand {
    /// Non-ASCII text for the second probe: a handler that hashes re-serialised JSON instead of the raw bytes
    /// usually breaks on it (escaped or re-encoded characters), while an ASCII body still matches.
    static let probeText = "Olá, ¿llegó el pedido nº 1042? 👍 — gracias"

    /// `webhooks probe [ID]`: three signed `whatsapp.message.received` deliveries to the webhook's own URL, as
    /// Kapso would send them (its secret, custom headers, payload version): ASCII, non-ASCII, and one signed
    /// with a wrong secret. A handler that accepts the wrong signature is an error (status 1).
    static func probe(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let id = arguments.positionals.dropFirst().first ?? context.session.lastWebhookID else {
            throw ShellError.missingArgument(command: name, what: "webhook id (or list webhooks first)", usage: "webhooks probe ID")
        }
        let webhook = try context.client.webhook(id)
        context.session.lastWebhookID = webhook.id
        guard webhook.kind == "kapso" else {
            throw ShellError.invalidValue(
                command: name, what: "kind for probe", value: webhook.kind,
                expected: "a kapso-kind webhook (meta-kind deliveries are Meta's own payloads, signed by Meta)")
        }
        guard let secret = webhook.secretKey else {
            throw ShellError.invalidValue(
                command: name, what: "webhook for probe", value: webhook.id,
                expected: "one with a secret_key, so its handler can verify (webhooks update \(webhook.id) --secret-key S)")
        }
        try checkHandlerURL(webhook.url, flag: "url")
        if !(URLParts(webhook.url)?.isLoopback ?? false) {
            guard context.confirm("send 3 signed test deliveries to \(webhook.url)? [y/N] ") else { return .line("nothing sent") }
        }
        let version = webhook.payloadVersion ?? "v2"
        let textPath = version == "v1" ? "message.content" : "message.text.body"
        func plan(_ text: String?, secret: Secret) throws -> FirePlan.Delivery {
            let edits = text.flatMap { JSONPathEdit("\(textPath)=\"\($0)\"") }.map { [$0] } ?? []
            do {
                let built = try FirePlan(
                    "whatsapp.message.received", version: version, batch: nil, meta: false, overrides: edits, secret: secret,
                    newKey: { UUID().uuidString.lowercased() })
                return built.deliveries[0]
            } catch {
                throw ShellError.invalidValue(command: name, what: error.what, value: error.value, expected: error.expected)
            }
        }
        let custom = (webhook.json["headers"]?.object?.entries ?? []).compactMap { entry in
            entry.value.string.map { (name: entry.key, value: $0) }
        }
        let wrong = Secret("whsec_kops_probe_wrong_" + UUID().uuidString)
        let probes: [(label: String, delivery: FirePlan.Delivery, shouldPass: Bool)] = [
            ("signed, ASCII body", try plan(nil, secret: secret), true),
            ("signed, non-ASCII body", try plan(probeText, secret: secret), true),
            ("wrong signature", try plan(nil, secret: wrong), false),
        ]
        var outcomes: [HandlerCall.Outcome] = []
        for probe in probes {
            let headers = probe.delivery.headers.map { ($0.name, $0.value) } + custom
            let outcome = HandlerCall.post(probe.delivery.body, headers: headers, to: webhook.url, transport: context.client.transport)
            outcomes.append(outcome)
            let (text, style) = HandlerCall.describe(outcome)
            let shown: Style = probe.shouldPass ? style : (outcome.isSuccess ? .bad : .good)
            context.emit(.line("\(probe.label) → \(text)", style: shown))
        }
        let tls = webhook.url.lowercased().hasPrefix("https://") ? "TLS verified (https)" : "plain http (loopback only)"
        var verdicts: [String] = [tls]
        var status = ExitStatus.ok
        if outcomes[2].isSuccess {
            verdicts.append("error: the handler accepted a wrong signature: anyone can post events to it; verify X-Webhook-Signature")
            status = .failure
        } else if outcomes[2].status != nil {
            verdicts.append("a wrong signature was rejected")
        }
        switch (outcomes[0].isSuccess, outcomes[1].isSuccess) {
        case (true, false):
            verdicts.append(
                "error: the ASCII body passed but the non-ASCII one did not: the handler hashes re-serialised JSON, not the raw bytes")
            status = .failure
        case (false, _):
            verdicts.append("error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried")
            status = .failure
        default:
            verdicts.append("correctly signed deliveries were accepted, ASCII and not")
        }
        var result = CommandResult(
            blocks: verdicts.map { .line(StyledText($0, style: $0.hasPrefix("error") ? .bad : .plain)) },
            json: .array(zip(probes, outcomes).map { probe, outcome in
                ["probe": .string(probe.label), "status": outcome.status.map { .number(String($0)) } ?? .null]
            }))
        result.status = status
        return result
    }
}
