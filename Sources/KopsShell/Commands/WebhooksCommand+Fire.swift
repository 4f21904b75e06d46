internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

// MARK: - fire: signed sample deliveries to the user's own handler

extension WebhooksCommand {
    static let fireUsage =
        "webhooks fire EVENT|SCENARIO --to URL [--secret S | --secret-env VAR] [--v1|--v2] [--batch N] [--meta] [--set PATH=VALUE]..."

    /// `webhooks fire message-lifecycle --to http://127.0.0.1:3000/hook --secret S`: builds every delivery first
    /// (overrides checked against each payload), then posts them in order and prints each answer.
    /// The handler URL and every delivery of a `fire` line, built and checked before anything is sent.
    /// `secret` signs (nil: unsigned); `validate` builds the plan unsigned, before the environment is read.
    static func firePlan(_ arguments: Arguments, secret: Secret?) throws(ShellError) -> (url: String, plan: FirePlan) {
        let target = try arguments.required(1, "event or scenario (\(FirePlan.scenarios.map(\.name).joined(separator: ", ")), or an event)")
        guard let url = arguments.value("--to") else {
            throw ShellError.missingArgument(command: name, what: "--to URL (your handler)", usage: fireUsage)
        }
        try checkHandlerURL(url, flag: "--to")
        if arguments.has("--v1") && arguments.has("--v2") {
            throw ShellError.invalidValue(command: name, what: "combination", value: "--v1 with --v2", expected: "one of them")
        }
        let names = FirePlan.scenarios.map(\.name) + WebhookEvents.all
        if !names.contains(target) {
            throw ShellError.unknownName(
                command: name, kind: "event or scenario", name: target, suggestion: Suggestion.closest(to: target, in: names),
                known: "scenarios: \(FirePlan.scenarios.map(\.name).joined(separator: ", ")); events: 'payload sample' lists them")
        }
        var edits: [JSONPathEdit] = []
        for text in arguments.repeated["--set"] ?? [] {
            guard let edit = JSONPathEdit(text) else {
                throw ShellError.invalidValue(
                    command: name, what: "value for --set", value: text,
                    expected: "PATH=VALUE, e.g. message.text.body=\"Hola\" or data[0].message.id=wamid.X")
            }
            edits.append(edit)
        }
        let batch = arguments.integer("--batch")
        let plan: FirePlan
        do throws(FirePlan.Refusal) {
            plan = try FirePlan(
                target, version: arguments.has("--v1") ? "v1" : arguments.has("--v2") ? "v2" : nil,
                batch: batch, meta: arguments.has("--meta"),
                overrides: edits, secret: secret, newKey: { UUID().uuidString.lowercased() })
        } catch {
            throw .invalidValue(command: name, what: error.what, value: error.value, expected: error.expected)
        }
        return (url, plan)
    }

    static func fire(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let secret = try WebhookSecretFlags.secret(arguments, command: name, in: context)
        let (url, plan) = try firePlan(arguments, secret: secret)
        if !(URLParts(url)?.isLoopback ?? false) {
            let count = plan.deliveries.count
            guard context.confirm("send \(count) signed test \(count == 1 ? "delivery" : "deliveries") to \(url)? [y/N] ") else {
                return .line("nothing sent")
            }
        }
        if let note = plan.note { context.emit(CommandResult(blocks: [.hint(note)])) }
        if secret == nil {
            context.emit(CommandResult(blocks: [.hint("unsigned: no --secret, so no signature header; a verifying handler should answer 401")]))
        }
        var failed = 0
        var sent = 0
        var stopped = false
        var transportFailure: TransportError?
        var rows: [JSONValue] = []
        for (index, delivery) in plan.deliveries.enumerated() {
            let outcome = HandlerCall.post(
                delivery.body, headers: delivery.headers.map { ($0.name, $0.value) }, to: url,
                transport: context.client.transport)
            let (text, style) = HandlerCall.describe(outcome)
            let batch = delivery.batchSize > 1 ? " (batch of \(delivery.batchSize))" : ""
            context.emit(.line("\(index + 1)/\(plan.deliveries.count) \(delivery.event)\(batch) → \(text)", style: style))
            rows.append(["event": .string(delivery.event), "status": outcome.status.map { .number(String($0)) } ?? .null])
            sent += 1
            if !outcome.isSuccess { failed += 1 }
            if case .failed(let error) = outcome {
                transportFailure = error
                if case .cancelled = error {
                    stopped = true
                    break
                }
            }
            if context.interrupted() {
                stopped = true
                break
            }
        }
        let total = plan.deliveries.count
        let summary =
            stopped
            ? HandlerCall.stoppedSummary(sent: sent, failed: failed, total: total)
            : failed == 0 ? "all \(total) accepted" : "\(failed) of \(total) not accepted"
        var result = CommandResult(blocks: [.hint(summary)], json: .array(rows))
        if stopped { result.status = .failure }
        if failed > 0 { result.status = transportFailure != nil && failed == plan.deliveries.count ? .unavailable : .failure }
        return result
    }

    /// A handler URL must be http(s) with a host; plain http only to loopback (the transport's rule, said first).
    /// A URL typed (`typed`) that holds a form kops prints in place of what it hides (`…/<redacted>`, a list's `…` cut)
    /// is a copy of kops's output and would post to a path that exists nowhere (probe42 P42-3).
    static func checkHandlerURL(_ url: String, flag: String, command: String = name, typed: Bool = true) throws(ShellError) {
        if typed {
            try MaskedInput.refuse(
                url, command: command, subject: flag, thing: "the URL",
                fix: (command == ListenCommand.name ? "nothing was started" : "nothing was sent") + "; give the handler's URL in full")
        }
        guard let parts = URLParts(url) else {
            throw .invalidValue(
                command: command, what: "value for \(flag)", value: url, expected: "an http(s) URL, e.g. http://127.0.0.1:3000/webhooks")
        }
        if parts.scheme == "http" && !parts.isLoopback {
            throw .invalidValue(
                command: command, what: "value for \(flag)", value: url,
                expected: "https:// (plain http only to loopback, e.g. a local handler or tunnel client)")
        }
    }

    /// True when a command line sends deliveries outside this machine (scripts then need `--allow-writes`).
    static func sendsOffMachine(_ words: [String], flag: String) -> Bool {
        guard let index = words.firstIndex(where: { $0 == flag || $0.hasPrefix(flag + "=") }) else { return false }
        let url = words[index].hasPrefix(flag + "=") ? String(words[index].dropFirst(flag.count + 1))
            : index + 1 < words.count ? words[index + 1] : ""
        return !(URLParts(url)?.isLoopback ?? false)
    }
}
