internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - probe: does the registered handler verify signatures on the raw bytes?

extension WebhooksCommand {
    /// Non-ASCII text for the second probe: a handler that hashes re-serialised JSON instead of the raw bytes
    /// usually breaks on it (escaped or re-encoded characters), while an ASCII body still matches.
    static let probeText = "Olá, ¿llegó el pedido nº 1042? 👍 — gracias"

    /// The sample's number fields set to the webhook's own number, so a handler that routes by phone_number_id
    /// gets a delivery it serves (Kapso's own test is about the webhook's number).
    static func probeNumberEdits(_ number: PhoneNumber, version: String) -> [JSONPathEdit] {
        var fields: [(String, String?)] = [("phone_number_id", number.id), ("conversation.phone_number_id", number.id)]
        if version == "v1" {
            fields = [
                ("whatsapp_config.id", number.internalID), ("whatsapp_config.name", number.name),
                ("whatsapp_config.phone_number_id", number.id),
                ("whatsapp_config.business_account_id", number.businessAccountID),
                ("whatsapp_config.display_phone_number", number.displayPhoneNumber),
                ("conversation.whatsapp_config_id", number.internalID),
            ]
        }
        return fields.compactMap { path, value in
            value.flatMap { JSONPathEdit("\(path)=\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"") }
        }
    }

    /// `webhooks probe [ID]`: three signed `whatsapp.message.received` deliveries to the webhook's own URL, as
    /// Kapso would send them (its secret, custom headers, payload version): ASCII, non-ASCII, and one signed
    /// with a wrong secret. A handler that accepts the wrong signature is an error (status 1).
    static func probe(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let id = arguments.positionals.dropFirst().first ?? context.session.lastWebhookID else {
            throw ShellError.missingArgument(command: name, what: "webhook id (or list webhooks first)", usage: "webhooks probe ID")
        }
        let webhook = try context.webhook(try MessageInput.uuid(id, command: name, what: "webhook id", expected: .webhookID))
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
        // A secret or URL saved from a copy of kops's output (`whsec_…23`, `…/<redacted>`) fails every delivery: said, nothing
        // sent (probe42 P42-3).
        for (field, value, fix) in [
            ("secret_key", secret.revealed, "--secret-key with the receiver's secret in full"),
            ("url", webhook.url, "--url with the receiver's URL in full"),
        ] {
            try MaskedInput.refuse(
                value, command: name, subject: "webhook \(webhook.id)'s \(field)", thing: "a real \(field == "url" ? "URL" : "secret")",
                fix: "it was saved so from a copy of kops's output; nothing was sent; run 'webhooks update \(webhook.id) \(fix)'")
        }
        try checkHandlerURL(webhook.url, flag: "url", typed: false)
        if !(URLParts(webhook.url)?.isLoopback ?? false) {
            if context.readOnly || context.offMachineNeedsPermission {
                throw ScriptError.sendOffMachineRefused(command: "webhooks probe")
            }
            guard context.confirm("send 3 signed test deliveries to \(webhook.url)? [y/N] ") else { return .line("nothing sent") }
        }
        let version = webhook.payloadVersion ?? "v2"
        let textPath = version == "v1" ? "message.content" : "message.text.body"
        let number = try webhook.phoneNumberID.map { try context.client.phoneNumber($0) }
        func plan(_ text: String?, secret: Secret) throws -> FirePlan.Delivery {
            let textEdits = text.flatMap { JSONPathEdit("\(textPath)=\"\($0)\"") }.map { [$0] } ?? []
            let edits = textEdits + (number.map { probeNumberEdits($0, version: version) } ?? [])
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
        var lines: [(text: String, style: Style)] = []
        for probe in probes {
            let headers = probe.delivery.headers.map { ($0.name, $0.value) } + custom
            let outcome = HandlerCall.post(probe.delivery.body, headers: headers, to: webhook.url, transport: context.client.transport)
            outcomes.append(outcome)
            let (text, style) = HandlerCall.describe(outcome)
            lines.append(("\(probe.label) → \(text)", style))
            // The wrong-signature line is judged below, against what the signed ones got.
            if probe.shouldPass { context.emit(.line(lines[lines.count - 1].text, style: style)) }
        }
        let reading = WebhookProbeReading(
            https: webhook.url.lowercased().hasPrefix("https://"), signedASCII: probeAnswer(outcomes[0]),
            signedNonASCII: probeAnswer(outcomes[1]), wrongSignature: probeAnswer(outcomes[2]),
            signedBodies: outcomes.prefix(2).compactMap { outcome in
                if case .answered(_, _, let body, _) = outcome { return String(decoding: body.prefix(512), as: UTF8.self) }
                return nil
            })
        let wrongStyle: Style = switch reading.wrongSignatureKind {
        case .good: .good
        case .error: .bad
        case .undetermined: .plain
        }
        context.emit(.line(lines[2].text, style: wrongStyle))
        let status: ExitStatus = reading.hasError ? .failure : .ok
        let verdicts = reading.weighed(kapsoDeliveredAt: reading.hasError ? kapsoDelivered(webhook, in: context) : nil, webhookID: webhook.id)
            .map(\.text)
        var result = CommandResult(
            blocks: verdicts.map { .line(StyledText($0, style: $0.hasPrefix("error") ? .bad : .plain)) },
            json: .array(zip(probes, outcomes).map { probe, outcome in
                ["probe": .string(probe.label), "status": outcome.status.map { .number(String($0)) } ?? .null]
            }))
        result.status = status
        return result
    }

    /// The time of the webhook's newest delivery in Kapso's log (7 days) when its receiver works by that log (the newest
    /// delivered, none failing since): the probe's failure from this machine is weighed against it (tester70 F10). Nil
    /// when the log shows failures, none, or was not read.
    static func kapsoDelivered(_ webhook: Webhook, in context: ShellContext) -> Int64? {
        guard let verdict = WebhookVerdictFetch.verdicts(of: [webhook], period: "7d", in: context).verdicts[webhook.id] else { return nil }
        switch verdict.state {
        case .working, .recovered: return verdict.current.last { $0.status == "delivered" }?.created
        default: return nil
        }
    }

    /// What a probe's outcome tells `WebhookProbeReading`: an answer, or where the transport gave up.
    static func probeAnswer(_ outcome: HandlerCall.Outcome) -> WebhookProbeReading.Answer {
        switch outcome {
        case .answered(let status, let seconds, _, _): .status(status, seconds: seconds)
        case .failed(.dns), .failed(.connect), .failed(.insecureURL), .failed(.badURL): .noConnection
        case .failed(.tls(_, let detail)): .tlsFailed(detail)
        case .failed: .noAnswer
        }
    }
}
