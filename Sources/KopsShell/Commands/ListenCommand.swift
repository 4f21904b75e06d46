internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `listen [--port N] [--host ADDR] [--secret S | --secret-env VAR] [--meta-secret S] [--forward-to URL]
/// [--save DIR] [--max-deliveries N]`: a local webhook receiver that verifies, forwards, reports and saves.
///
/// Runs until Ctrl-C (or `--max-deliveries`); every fault (bad body, bad signature, slow or failing handler,
/// unwritable folder, refused request) is one line and listening goes on. Secrets are never printed. A receiver that
/// dies ends it with `ReceiverError`.
public enum ListenCommand: Command {
    public static let name = "listen"
    public static let summary = "receive webhooks locally: verify signatures, forward to your handler, save for replay"
    public static let sendsRequests = false
    public static let usage =
        "listen [--port N] [--host ADDR] [--secret S | --secret-env VAR] [--meta-secret S] [--forward-to URL] [--save DIR]"
    public static let details = """
        Listens on 127.0.0.1 (port 0 picks a free one; the first line says which). For each request it
        checks the signature on the raw bytes (Kapso: X-Webhook-Signature with --secret; Meta:
        X-Hub-Signature-256 with --meta-secret) and names the cause of a failure as 'verify' does, prints
        one line (time, event, batch size, number, message id and status, signature verdict), forwards
        the exact bytes and headers to --forward-to and shows your handler's status and latency against
        Kapso's 10 s limit (and the start of a non-2xx body), and with --save writes each delivery to
        DIR as a .http file for 'replay'. It answers the sender with your handler's status, or 200 when
        not forwarding. Bodies over 8 MiB, slow or malformed requests are refused with one line.
        Ctrl-C stops it (saved files are complete); if its receiver (kapso-sim --receive) dies, listen
        says so and exits 1. Point a webhook at it with a tunnel, or a kapso-sim
        webhook at http://127.0.0.1:PORT/. --register URL creates a temporary webhook on the selected
        number at your tunnel's public URL, verifies with its generated secret (never shown) and deletes
        it when listen stops, Ctrl-C included. Without --secret (or --meta-secret for Meta's header) nothing can be
        verified: such deliveries count as not verified, not as failed. With --output json each delivery is one
        JSON line (NDJSON), its line's words in "summary", then a {"listen_summary": ...} line; the other
        lines go to standard error.
        Examples:
          listen --port 3001 --secret-env KAPSO_WEBHOOK_SECRET --forward-to http://127.0.0.1:3000/webhooks
          listen --save deliveries/ --secret whsec_...
          listen --register https://abc.trycloudflare.com/ --port 3001 --forward-to http://127.0.0.1:3000/webhooks
        """
    /// In a script, `--save DIR` is beside the script.
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) { ([], ["--save"]) }

    public static let flags = [
        FlagSpec("--port", value: "N", range: 0...65535, help: "port to listen on (default 0: any free port)"),
        FlagSpec("--host", value: "ADDR", help: "IPv4 address to listen on (default 127.0.0.1)"),
        FlagSpec("--secret", value: "S", help: "the webhook's secret_key, to verify X-Webhook-Signature; never printed"),
        FlagSpec("--secret-env", value: "VAR", help: "read the secret from this environment variable"),
        FlagSpec("--meta-secret", value: "S", help: "Meta's app secret, to verify X-Hub-Signature-256; never printed"),
        FlagSpec("--meta-secret-env", value: "VAR", help: "read Meta's app secret from this environment variable"),
        FlagSpec("--forward-to", value: "URL", help: "your handler: each delivery is passed on byte for byte"),
        FlagSpec("--save", value: "DIR", help: "save each delivery (headers and raw body) as DIR/*.http for replay"),
        FlagSpec("--max-deliveries", value: "N", range: 1...1_000_000, help: "stop after N deliveries (default: until Ctrl-C)"),
        FlagSpec(
            "--register", value: "URL",
            help: "create a temporary webhook on the selected number pointing at URL (your tunnel); deleted when listen stops"),
        FlagSpec("--events", value: "LIST", help: "with --register: events to subscribe (default whatsapp.message.*)"),
    ]

    /// `--register` creates and deletes a webhook through the API; listening alone needs no key.
    public static func sendsRequests(_ arguments: Arguments) -> Bool {
        arguments.value("--register") != nil
    }

    /// Largest body accepted; Kapso's biggest, a batch of 100 messages, is far below.
    static let bodyLimit = 8 << 20

    /// Off-machine forwarding sends contacts' messages out, so scripts need `--allow-writes` for it.
    public static func isWrite(_ words: [String]) -> Bool {
        WebhooksCommand.sendsOffMachine(words, flag: "--forward-to") || words.contains { $0 == "--register" || $0.hasPrefix("--register=") }
    }

    public static func validate(_ arguments: Arguments) throws {
        let register = arguments.value("--register")
        if arguments.value("--events") != nil && register == nil {
            throw ShellError.invalidValue(command: name, what: "flag", value: "--events", expected: "--events only with --register URL")
        }
        try WebhookSecretFlags.check(arguments, command: name)
        try WebhookSecretFlags.check(arguments, flag: "--meta-secret", command: name)
        if register != nil && WebhookSecretFlags.isGiven(arguments) {
            throw ShellError.invalidValue(
                command: name, what: "combination", value: "--register with --secret",
                expected: "one of them (--register makes the webhook's secret itself and verifies with it)")
        }
        if let forward = arguments.value("--forward-to") {
            try WebhooksCommand.checkHandlerURL(forward, flag: "--forward-to", command: name)
            if let port = arguments.integer("--port"), isListenItself(forward, host: arguments.value("--host") ?? "127.0.0.1", port: port) {
                throw ShellError.invalidValue(
                    command: name, what: "value for --forward-to", value: forward,
                    expected: "your handler's address; that is listen itself (port \(port)), so each delivery would come back forever")
            }
        }
    }

    /// True when `url` reaches the listener on `host:port`: same port, and the same host or loopback to a listener on
    /// loopback or every address.
    static func isListenItself(_ url: String, host: String, port: Int) -> Bool {
        guard let parts = URLParts(url), parts.port == port else { return false }
        let listensOnLoopback = host == "0.0.0.0" || (URLParts("http://\(host)/")?.isLoopback ?? false)
        return parts.host.lowercased() == host.lowercased() || (parts.isLoopback && listensOnLoopback)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let open = context.openReceiver else {
            throw ShellError.invalidValue(
                command: name, what: "use", value: "listen", expected: "the kops executable (this build has no local server)")
        }
        let port = arguments.integer("--port") ?? 0
        let host = arguments.value("--host") ?? "127.0.0.1"
        let maxDeliveries = arguments.integer("--max-deliveries")
        var secret = try WebhookSecretFlags.secret(arguments, command: name, in: context)
        let register = arguments.value("--register")
        let metaSecret = try WebhookSecretFlags.secret(arguments, flag: "--meta-secret", command: name, in: context)
        let forward = arguments.value("--forward-to")
        if let forward {
            if !(URLParts(forward)?.isLoopback ?? false) {
                guard context.confirm("forward every delivery received to \(forward)? [y/N] ") else { return .line("not started") }
            }
        }
        let saveFolder = arguments.value("--save")
        if let folder = saveFolder {
            // Not listening at all: answered 200, a delivery that could not be saved is gone for good, as Kapso does not
            // send it again (probe27 P27-4: it listened, answered 200 and saved nothing).
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if let problem = WriteProblem.refusal(writing: folder + "/delivery.http", replacing: false) {
                throw ScriptError.recording("\(name): cannot save deliveries to \(folder): \(problem); nothing was started")
            }
        }
        let receiver: any DeliveryReceiver
        do {
            receiver = try open(host, port, bodyLimit)
        } catch {
            let hostProblem = "\(error)".contains("not an address of this machine")
            throw ShellError.invalidValue(
                command: name, what: "address", value: "\(host):\(port)",
                expected: "a free port on a local IPv4 address (\(error)); pick another with " + (hostProblem ? "--host" : "--port"))
        }
        defer { receiver.stop() }
        // A kill or a closed terminal stops listen like Ctrl-C: a --register webhook is deleted either way, the summary
        // says which signal ended it (with the `kops_incomplete` marker under --output json, as the --all streams end),
        // and the release, last of all, ends kops by that signal (tester63 AN15, extended to listen).
        context.holdTermination()
        defer { context.releaseTermination() }
        var temporary: String?
        if let register {
            guard let made = try registerWebhook(register, events: arguments.value("--events") ?? "whatsapp.message.*", in: context)
            else { return .line("not registered; nothing was created", style: .warn) }
            temporary = made.id
            secret = made.secret
        }
        // Deleted once: on the way out with the summary (a failed delete fails the run, probe14 P14-13), or by the
        // defer when a thrown error leaves early.
        func removeTemporary() -> Bool {
            guard let id = temporary else { return true }
            temporary = nil
            let (line, deleted) = removeWebhook(id, in: context)
            context.emit(line)
            return deleted
        }
        defer { _ = removeTemporary() }
        var parts = ["listening on http://\(host):\(receiver.port)/"]
        parts.append(forward.map { "forwarding to \($0)" } ?? "answering 200 (no --forward-to)")
        if let saveFolder { parts.append("saving to \(saveFolder)") }
        parts.append(secret == nil && metaSecret == nil ? "signatures not checked (no --secret)" : "checking signatures")
        context.emit(.line(parts.joined(separator: "; ")))
        if !["127.0.0.1", "localhost"].contains(host) {
            context.emit(CommandResult(blocks: [.hint("listening beyond loopback on \(host): anyone who reaches it can post to your handler")]))
        }
        if context.isInteractive { context.emit(CommandResult(blocks: [.hint("Ctrl-C stops")])) }
        // Waiting for deliveries is not waiting for an answer: no "waiting for HOST" spinner.
        context.quietProgress()
        var tally = Tally()
        let forwarder = forward.map { DeliveryForwarder(to: $0, transport: context.client.transport) }
        var forwarding: [Int: Received] = [:]
        var receiving = true
        var stopped = false
        // Set when the receiver itself stopped: listen then ends (after the forwards under way) and fails.
        var ended: String?
        // Lines come out as deliveries end: a slow one does not hold up the lines (or the answers) of the next.
        // Under --output json standard output is JSON only: one object per delivery (NDJSON), as lists print with --all;
        // the start line, hints and the summary's words go to standard error.
        let json = context.outputMode(arguments) == .json
        let redactor = context.shell?.redactor ?? Redactor()
        func finish(_ received: Received, _ forwarded: DeliveryForwarder.Forwarded?) {
            context.emit(received.finish(forwarded, width: context.terminalWidth(), tally: &tally, json: json, redactor: redactor))
            if tally.unexplainedMismatches == 1 && !tally.causesShown {
                // Said once, not on every line: the list is the same for every delivery.
                tally.causesShown = true
                context.emit(CommandResult(blocks: [.hint("signature mismatch: " + SignatureCheck.commonCauses)]))
            }
        }
        while receiving || forwarder?.isBusy == true {
            if context.interrupted() {
                stopped = true
                break
            }
            if receiving {
                // While forwards run, only a look: the loop goes on to see which of them ended.
                // At most a few at a time, so a steady stream does not keep the ended forwards from being answered.
                var wait = forwarder?.isBusy == true ? 0 : 0.2
                var looks = 0
                while receiving, looks < DeliveryForwarder.limit, let event = receiver.next(waitingUpTo: wait) {
                    wait = 0
                    looks += 1
                    switch event {
                    case .ended(let receiver):
                        ended = receiver
                        receiving = false
                    case .refused(let status, let reason):
                        tally.refused += 1
                        context.emit(.line("\(Self.clock()) refused a request: \(status) \(VisibleText.escaped(reason))", style: .bad))
                    case .delivery(let request, let answer):
                        if let check = MetaSubscriptionCheck(method: request.method, target: request.target) {
                            // Meta's check of the callback URL, before any event: answered with its challenge, no delivery.
                            answer(200, [("Content-Type", "text/plain")], Array(check.challenge.utf8))
                            context.emit(.line(
                                "\(Self.clock()) Meta's subscription check (GET hub.mode=subscribe): answered with its hub.challenge"
                                    + (check.hasVerifyToken ? " (its hub.verify_token not shown, not checked)" : "")
                                    + (forwarder != nil ? "; not forwarded: the handler behind the URL Meta calls must answer it the same way" : "")))
                            continue
                        }
                        tally.deliveries += 1
                        let received = Received(
                            request, number: tally.deliveries, secret: secret, metaSecret: metaSecret, saveFolder: saveFolder,
                            tally: &tally, answer: answer)
                        if let forwarder {
                            forwarding[tally.deliveries] = received
                            forwarder.add(request.body, headers: request.headers, tag: tally.deliveries, received: received.time)
                        } else {
                            finish(received, nil)
                        }
                        if let maxDeliveries, tally.deliveries >= maxDeliveries { receiving = false }
                    }
                }
            }
            for forwarded in forwarder?.finished(waitingUpTo: receiving ? 0.02 : 0.2) ?? [] {
                if let received = forwarding.removeValue(forKey: forwarded.tag) { finish(received, forwarded) }
                // The transport spends the Ctrl-C that abandoned a forward; that press was meant for listen too.
                if case .failed(.cancelled) = forwarded.outcome { stopped = true }
            }
            if stopped { break }
        }
        if stopped {
            for forwarded in forwarder?.stopAll() ?? [] {
                if let received = forwarding.removeValue(forKey: forwarded.tag) { finish(received, forwarded) }
            }
        }
        var result = tally.result
        if json {
            // The summary's counts as one more line of JSON (`listen_summary`, so `jq 'select(.event)'` keeps the
            // deliveries), and its words on standard error, as the table view shows them.
            context.emit(CommandResult(blocks: result.blocks))
            let summary = JSONValue.object(["listen_summary": result.json ?? .null])
            result = CommandResult(json: summary, jsonText: summary.serialized(pretty: false))
            result.status = tally.result.status
        }
        // A webhook left behind points at a URL that dies with the session: every message then fails a delivery.
        if !removeTemporary() { result.status = .failure }
        if let ended {
            // The summary as at Ctrl-C, then the error line: a script stops here and `-c` exits 1.
            context.emit(result)
            throw ReceiverError(receiver: ended)
        }
        let signal = context.terminationReceived()
        guard signal == 0 else {
            // Shown now: the release ends kops before a returned result would be.
            context.emit(result)
            context.emit(CommandResult(blocks: [.hint("listen " + ListStream.endedBy(signal))]))
            if json {
                context.emit(
                    CommandResult(
                        jsonText: ListStream.incompleteLine(printed: tally.deliveries, error: KapsoAPIError.transport(.cancelled(sent: false)), signal: signal)))
            }
            return CommandResult()
        }
        return result
    }

    /// One line per delivery at a terminal: past `width`, the message id keeps its ends and the handler's body
    /// preview is cut to what is left (the saved delivery and the handler's log have them whole).
    static func fitted(_ line: String, messageID: String?, preview: String?, width: Int?) -> String {
        guard let width, line.count > width else { return line }
        var line = line
        if let messageID, messageID.count > 24, let range = line.range(of: " msg " + messageID) {
            line.replaceSubrange(range, with: " msg " + messageID.prefix(12) + "…" + messageID.suffix(8))
        }
        if line.count > width, let preview, !preview.isEmpty, let range = line.range(of: ": " + preview, options: .backwards) {
            let room = max(width - (line.count - preview.count), 12)
            if room < preview.count { line.replaceSubrange(range, with: ": " + preview.prefix(room - 1) + "…") }
        }
        return line
    }

    /// Counts for the summary line.
    struct Tally {
        var deliveries = 0
        var verified = 0
        var unverified = 0
        /// Deliveries not verified because no secret was given for them, by the flag that would have given it
        /// (`--secret`, `--meta-secret`): no failure, signed or not.
        var notVerified: [String: Int] = [:]
        /// Deliveries whose header the secret of the other flag signs (`ReceivedDelivery.Signature.otherFlag`).
        var flagsSwapped = 0
        var handlerFailures = 0
        var refused = 0
        var notSaved = 0
        /// Signature mismatches no single cause explains, and whether their common causes were shown.
        var unexplainedMismatches = 0
        var causesShown = false

        var result: CommandResult {
            var parts = ["\(deliveries) \(deliveries == 1 ? "delivery" : "deliveries")"]
            if verified > 0 { parts.append("\(verified) verified") }
            if unverified > 0 { parts.append("\(unverified) failed verification") }
            for flag in ["--secret", "--meta-secret"] {
                if let count = notVerified[flag] { parts.append("\(count) not verified (no \(flag) given)") }
            }
            if flagsSwapped > 0 { parts.append("\(flagsSwapped) with --secret and --meta-secret swapped") }
            if handlerFailures > 0 { parts.append("\(handlerFailures) not accepted by the handler") }
            if refused > 0 { parts.append("\(refused) refused") }
            if notSaved > 0 { parts.append("\(notSaved) not saved") }
            var result = CommandResult(blocks: [.hint("stopped: " + parts.joined(separator: ", "))])
            result.json = [
                "deliveries": .number(String(deliveries)), "verified": .number(String(verified)),
                "failed_verification": .number(String(unverified)),
                "not_verified": .number(String(notVerified.values.reduce(0, +))), "flags_swapped": .number(String(flagsSwapped)),
                "handler_failures": .number(String(handlerFailures)),
                "refused": .number(String(refused)), "not_saved": .number(String(notSaved)),
            ]
            // As 'replay' and 'webhooks fire': a delivery that failed makes the run fail; Ctrl-C itself does not.
            if unverified + flagsSwapped + handlerFailures + notSaved > 0 { result.status = .failure }
            return result
        }
    }

    /// `21:30:05Z`: the time a line was printed, UTC.
    static func clock() -> String {
        let seconds = Int(Date().timeIntervalSince1970) % 86_400
        return String(format: "%02d:%02d:%02dZ", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The time now in ISO-8601 UTC with its date (`2026-12-02T14:14:09Z`), as every other JSON of kops gives times: a
    /// delivery's NDJSON line is ordered and joined with `deliveries` and `logs` by it (probe25 P25-17).
    static func timestamp() -> String {
        KapsoTime.iso(Int64(Date().timeIntervalSince1970))
    }

    static func reason(_ error: any Error) -> String {
        if let failure = error as? WholeFile.Failure {
            switch failure.code {
            case ENOSPC: return "the disk is full"
            case EACCES, EPERM: return "permission denied"
            case EROFS: return "the disk is read-only"
            default: return failure.reason
            }
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            default: break
            }
            if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, let posix = POSIXErrorCode(rawValue: Int32(underlying.code)) {
                return String(cString: strerror(posix.rawValue)).lowercased()
            }
        }
        return "\((error as NSError).localizedDescription)".lowercased()
    }
}
