internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `replay FILE|DIR --to URL [--secret S]`: re-sends deliveries saved by `listen --save`, byte for byte with their
/// original headers (`X-Idempotency-Key` included), to prove a handler is idempotent.
public enum ReplayCommand: Command {
    public static let name = "replay"
    public static let summary = "re-send saved deliveries byte for byte to your handler (idempotency check)"
    public static let sendsRequests = false
    public static let usage = "replay FILE|DIR --to URL [--secret S | --secret-env VAR] [--meta-secret S | --meta-secret-env VAR]"
    public static let details = """
        Sends each saved delivery (a .http file from 'listen --save'; a folder: every .http file in name
        order) with its original body and headers, X-Idempotency-Key included, so a handler that is not
        idempotent shows itself. The signature is sent as saved; --secret (Kapso) or --meta-secret (Meta)
        re-signs the body for a handler with another secret; --secret-env VAR and --meta-secret-env VAR read them
        from the environment (not in shell history or ps). Prints each answer against Kapso's 10 s limit.
        Examples:
          replay deliveries/ --to http://127.0.0.1:3000/webhooks
          replay deliveries/20261130T213005Z-0001-whatsapp.message.received.http --to http://127.0.0.1:3000/webhooks
        """
    public static let maxArguments: Int? = 1
    /// In a script, the saved delivery or folder is read from the script's folder.
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) { ([0], []) }
    public static let flags = [
        FlagSpec("--to", value: "URL", help: "your handler's URL (http only for loopback)"),
        FlagSpec("--secret", value: "S", help: "re-sign X-Webhook-Signature with this secret; never printed"),
        FlagSpec("--secret-env", value: "VAR", help: "read --secret from this environment variable"),
        FlagSpec("--meta-secret", value: "S", help: "re-sign X-Hub-Signature-256 with this app secret; never printed"),
        FlagSpec("--meta-secret-env", value: "VAR", help: "read --meta-secret from this environment variable"),
    ]

    /// Replaying to a handler off this machine sends contacts' messages out: scripts need `--allow-writes`.
    public static func isWrite(_ words: [String]) -> Bool {
        WebhooksCommand.sendsOffMachine(words, flag: "--to")
    }

    public static func validate(_ arguments: Arguments) throws {
        _ = try target(arguments)
        try WebhookSecretFlags.check(arguments, command: name)
        try WebhookSecretFlags.check(arguments, flag: "--meta-secret", command: name)
    }

    /// The saved delivery's path and the handler's URL; a missing one or a URL kops would not send to is refused.
    private static func target(_ arguments: Arguments) throws(ShellError) -> (path: String, url: String) {
        let path = try arguments.required(0, "saved delivery (a .http file or a folder of them)")
        guard let url = arguments.value("--to") else {
            throw .missingArgument(command: name, what: "--to URL (your handler)", usage: usage)
        }
        try WebhooksCommand.checkHandlerURL(url, flag: "--to", command: name)
        return (path, url)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let (path, url) = try target(arguments)
        // Before anything is read or asked: an unset variable is one line.
        let secret = try WebhookSecretFlags.secret(arguments, command: name, in: context)
        let metaSecret = try WebhookSecretFlags.secret(arguments, flag: "--meta-secret", command: name, in: context)
        let files = try DeliveryArchive.files(at: path)
        // Every file is read before anything is sent: a broken one stops the replay with nothing delivered.
        var requests: [(file: String, request: IncomingRequest)] = []
        var notes: [String] = []
        for file in files {
            let loaded = try DeliveryArchive.load(file)
            requests.append((file, loaded.request))
            notes += loaded.notes
        }
        if !(URLParts(url)?.isLoopback ?? false) {
            guard context.confirm("re-send \(requests.count) saved \(requests.count == 1 ? "delivery" : "deliveries") to \(url)? [y/N] ") else {
                return .line("nothing sent")
            }
        }
        for (file, request) in requests {
            if let note = Self.signatureNote(request.headers, file: file, secret: secret != nil, metaSecret: metaSecret != nil) {
                notes.append(note)
            }
        }
        if !notes.isEmpty { context.emit(CommandResult(blocks: notes.map { .hint($0) })) }
        var failed = 0
        var sent = 0
        var stopped = false
        var rows: [JSONValue] = []
        for (index, entry) in requests.enumerated() {
            let headers = resigned(entry.request.headers, body: entry.request.body, secret: secret, metaSecret: metaSecret)
            let outcome = HandlerCall.post(entry.request.body, headers: headers, to: url, transport: context.client.transport)
            let (text, style) = HandlerCall.describe(outcome)
            // Without the header, the body's shape names it: a Kapso v2 delivery is no Meta payload (tester61 AH3).
            let event = WebhookPayloadShape.deliveryLabel(
                event: headers.first { $0.name.lowercased() == "x-webhook-event" }?.value,
                body: SignatureCheck.bodyForm(
                    entry.request.body, contentEncoding: headers.first { $0.name.lowercased() == "content-encoding" }?.value
                ).json)
            let key = headers.first { $0.name.lowercased() == "x-idempotency-key" }?.value
            let name = LocalPath.lastPart(of: entry.file)
            context.emit(
                .line(
                    "\(index + 1)/\(requests.count) \(VisibleText.escaped(name)) \(VisibleText.escaped(event))"
                        + (key.map { " key \(VisibleText.escaped($0.prefix(8)))…" } ?? "") + " → \(text)", style: style))
            rows.append(["file": .string(entry.file), "status": outcome.status.map { .number(String($0)) } ?? .null])
            sent += 1
            if !outcome.isSuccess { failed += 1 }
            if case .failed(.cancelled) = outcome {
                stopped = true
                break
            }
            if context.interrupted() {
                stopped = true
                break
            }
        }
        let summary =
            stopped
            ? HandlerCall.stoppedSummary(sent: sent, failed: failed, total: requests.count)
            : failed == 0
                ? "all \(requests.count) accepted; a handler that is idempotent did nothing twice (check its side effects)"
                : "\(failed) of \(requests.count) not accepted"
        var result = CommandResult(blocks: [.hint(summary)], json: .array(rows))
        if failed > 0 || stopped { result.status = .failure }
        return result
    }

    /// Which platform signed a saved delivery: Kapso (`X-Webhook-Signature`, `X-Webhook-Event`) or Meta
    /// (`X-Hub-Signature-256` or the legacy `X-Hub-Signature`); nil when it carries neither. The rule `listen` and
    /// `verify` read deliveries by (`SignatureCheck.Header`).
    static func signedByMeta(_ headers: [(name: String, value: String)]) -> Bool? {
        SignatureCheck.Header.signedByMeta(headers)
    }

    /// One line when the re-signing flag is the other platform's: the delivery keeps its own signature header.
    static func signatureNote(_ headers: [(name: String, value: String)], file: String, secret: Bool, metaSecret: Bool) -> String? {
        guard let meta = signedByMeta(headers) else { return nil }
        let name = LocalPath.lastPart(of: file)
        if meta, secret, !metaSecret {
            return "\(name) is a Meta delivery: --secret re-signs its X-Hub-Signature-256 (no X-Webhook-Signature is added)"
        }
        if !meta, metaSecret, !secret {
            return "\(name) is a Kapso delivery: --meta-secret re-signs its X-Webhook-Signature (no X-Hub-Signature-256 is added)"
        }
        return nil
    }

    /// The saved headers, with the signature computed again when a secret is given: the headers of the platform
    /// that signed the delivery (a delivery never carries both platforms' headers), with the secret given for it or,
    /// when only the other flag was given, with that one. A Meta delivery gets `X-Hub-Signature-256` and, when it
    /// carried the legacy `X-Hub-Signature`, that one too (HMAC-SHA1), so neither is left with the old secret's value.
    /// An unsigned delivery gets the header of the flag given.
    static func resigned(
        _ headers: [(name: String, value: String)], body: [UInt8], secret: Secret?, metaSecret: Secret?
    ) -> [(name: String, value: String)] {
        typealias Header = SignatureCheck.Header
        var headers = headers
        var signings: [(header: Header, key: Secret)] = []
        switch signedByMeta(headers) {
        case false?:
            if let key = secret ?? metaSecret { signings.append((.kapso, key)) }
        case true?:
            if let key = metaSecret ?? secret {
                signings.append((.meta, key))
                if headers.contains(where: { $0.name.lowercased() == Header.metaLegacy.name.lowercased() }) {
                    signings.append((.metaLegacy, key))
                }
            }
        case nil:
            if let secret { signings.append((.kapso, secret)) }
            if let metaSecret { signings.append((.meta, metaSecret)) }
        }
        for (header, key) in signings {
            let secret = Array(key.revealed.utf8)
            let value = header.prefix
                + (header.algorithm == .sha1
                    ? WebhookSignature.hmacSHA1Hex(key: secret, message: body)
                    : WebhookSignature.hmacSHA256Hex(key: secret, message: body))
            let name = header.name.lowercased()
            if let index = headers.firstIndex(where: { $0.name.lowercased() == name }) {
                headers[index].value = value
            } else {
                headers.append((name, value))
            }
        }
        return headers
    }
}
