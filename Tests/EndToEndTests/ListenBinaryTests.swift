import Foundation
import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kops listen`, `kops replay` and `webhooks fire` as a user runs them, all on loopback: kapso-sim delivers to
/// listen, which verifies and forwards to a small handler.
@Suite(.serialized) struct ListenBinaryTests {
    static let secret = "whsec_listen_e2e_4242"

    /// `kops listen …` started with `--port 0`; its port is read from its first line.
    final class Listener {
        let process: ChildProcess
        let folder: URL
        let port: Int
        var url: String { "http://127.0.0.1:\(port)/hook" }

        init(_ arguments: [String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-listen-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["listen", "--port", "0"] + arguments,
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path],
                stdout: .file(folder.appendingPathComponent("out").path),
                stderr: .file(folder.appendingPathComponent("err").path))
            var port = 0
            let folder = folder
            for _ in 0..<500 where port == 0 {
                // Under --output json the start line is on standard error.
                let first = ["out", "err"].map { (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "" }
                    .joined()
                if let range = first.range(of: "listening on http://127.0.0.1:") {
                    port = Int(first[range.upperBound...].prefix { $0.isNumber }) ?? 0
                }
                if port == 0 { usleep(10_000) }
            }
            self.port = port
        }

        /// Ctrl-C, then everything it printed and its exit status.
        func stop() -> (out: String, err: String, status: Int32) {
            process.send(SIGINT)
            let status = process.wait(seconds: 10)
            let out = (try? String(contentsOf: folder.appendingPathComponent("out"), encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8)) ?? ""
            return (out, err, status)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// `kops -c COMMAND --allow-writes` (a `listen --register`) on the API `environment` names, once it printed
    /// "registered temporary webhook ID": the process, the webhook's id, and what it prints (`out`).
    final class Registered {
        let process: ChildProcess
        let folder: URL
        let id: String
        /// What it printed on stdout so far.
        var out: String { (try? String(contentsOf: folder.appendingPathComponent("out"), encoding: .utf8)) ?? "" }

        init(_ command: String, environment: [String: String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-register-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: ["-c", command, "--allow-writes"],
                environment: environment.merging(["PATH": "/usr/bin:/bin", "HOME": folder.path]) { $1 },
                stdout: .file(folder.appendingPathComponent("out").path), stderr: .file(folder.appendingPathComponent("err").path))
            var out = ""
            for _ in 0..<500 where !out.contains("registered temporary webhook") {
                usleep(10_000)
                out = (try? String(contentsOf: folder.appendingPathComponent("out"), encoding: .utf8)) ?? ""
            }
            let line = try #require(out.split(separator: "\n").first { $0.hasPrefix("registered temporary webhook ") })
            id = String(line.split(separator: " ")[3])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// A handler that verifies Kapso's signature on the raw bytes: 200 when valid, 401 when not; `failing` answers 500.
    static func handler(failing: Bool = false) throws -> HostileServer {
        try HostileServer { request in
            guard let signature = request.header("X-Webhook-Signature"),
                WebhookSignature.verify(body: request.body, secret: Secret(secret), signature: signature, meta: false) == .valid
            else { return .json(status: 401, #"{"error":"bad signature"}"#) }
            return failing ? .json(status: 500, #"{"error":"db down"}"#) : .json(#"{"ok":true}"#)
        }
    }

    @Test func theSimulatorsDeliveryIsVerifiedForwardedSavedAndReplayedByteForByte() async throws {
        try await offPool {
            let handler = try Self.handler()
            let save = FileManager.default.temporaryDirectory.appendingPathComponent("kops-saved-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: save) }
            let listener = try Listener(["--secret", Self.secret, "--forward-to", handler.baseURL + "/in", "--save", save.path])
            #expect(listener.port > 0)
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let script = """
                use 100200300400501
                webhooks create --url \(listener.url) --events whatsapp.message.received --secret-key \(Self.secret)
                webhooks --per-page 1
                capture .data[0].id as hook
                webhooks test ${hook}
                """
            let sim = try ProcessRunner.run(
                "kops", ["-c", script.split(separator: "\n").joined(separator: "; "), "--allow-writes"],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey])
            #expect(sim.status == 0, "\(sim.stderr)")
            #expect(handler.requests.count == 1)
            let delivered = try #require(handler.requests.first)
            let files = try FileManager.default.contentsOfDirectory(atPath: save.path).sorted()
            #expect(files.count == 1)

            // probe9 P9-4: the saved delivery checks offline as it checked on arrival, against its own header.
            let saved = save.appendingPathComponent(try #require(files.first)).path
            let verify = try ProcessRunner.run("kops", ["verify", "--secret", Self.secret, "--file", saved])
            #expect(verify.status == 0, "\(verify.stderr)")
            #expect(verify.stdout == "valid: X-Webhook-Signature matches the \(delivered.body.count)-byte body\n")
            #expect(verify.stderr.hasSuffix("was checked against its own X-Webhook-Signature header\n"), "\(verify.stderr)")

            // Replay reaches the handler with the same bytes and idempotency key.
            let replay = try ProcessRunner.run("kops", ["replay", save.path, "--to", handler.baseURL + "/in"])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout.contains("whatsapp.message.received key "))
            #expect(handler.requests.count == 2)
            let replayed = handler.requests[1]
            #expect(replayed.body == delivered.body)
            #expect(replayed.header("X-Idempotency-Key") == delivered.header("X-Idempotency-Key"))
            #expect(replayed.header("X-Webhook-Signature") == delivered.header("X-Webhook-Signature"))

            let (out, err, status) = listener.stop()
            #expect(status == 0, "\(err)")
            let lines = out.split(separator: "\n")
            let line = try #require(lines.first { $0.contains("whatsapp.message.received") })
            #expect(line.contains("number 100200300400501"))
            #expect(line.contains("; signature ok; handler 200 in "))
            #expect(err.contains("stopped: 1 delivery, 1 verified"))
            #expect(!(out + err + sim.stdout + sim.stderr + replay.stdout + replay.stderr + verify.stdout + verify.stderr).contains(Self.secret))
        }
    }

    @Test func aFailingHandlerATamperedByteAndFiredScenariosAreReported() async throws {
        try await offPool {
            let handler = try Self.handler(failing: true)
            let save = FileManager.default.temporaryDirectory.appendingPathComponent("kops-saved-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: save) }
            let listener = try Listener(["--secret", Self.secret, "--forward-to", handler.baseURL + "/in", "--save", save.path])
            let fire = try ProcessRunner.run(
                "kops", ["-c", "webhooks fire message-lifecycle --to \(listener.url) --secret \(Self.secret)"])
            #expect(fire.status == 1)
            #expect(fire.stdout.contains("1/4 whatsapp.message.received → 500 in "))
            #expect(handler.requests.count == 4)

            // One byte of a saved body changed, replayed as saved: listen names the mismatch.
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: save.path).sorted().first)
            let path = save.appendingPathComponent(file).path
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let index = try #require(bytes.lastIndex(of: UInt8(ascii: "A")))
            bytes[index] = UInt8(ascii: "B")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let replay = try ProcessRunner.run("kops", ["replay", path, "--to", listener.url])
            #expect(replay.status == 1)

            let (out, err, status) = listener.stop()
            #expect(status == 1, "deliveries the handler did not accept make listen fail, as replay and fire")
            let lines = out.split(separator: "\n").filter { $0.contains("whatsapp.message.") }
            #expect(lines.count == 5)
            #expect(lines.prefix(4).allSatisfy { $0.contains("; signature ok; handler 500 in ") && $0.contains(#"{"error":"db down"}"#) })
            #expect(lines[4].contains("X-Webhook-Signature does not match: it does not match this body and secret; handler"))
            // The long list of common causes once, not on the event's line (probe2 F12).
            #expect(!lines[4].contains("common causes"))
            #expect(err.components(separatedBy: "signature mismatch: common causes: ").count == 2)
            #expect(err.contains("stopped: 5 deliveries, 4 verified, 1 failed verification, 5 not accepted by the handler"))
        }
    }

    @Test func badInputIsOneLineEachAndListeningGoesOn() async throws {
        try await offPool {
            // A --save folder that cannot be made starts nothing (probe27 P27-4: `ListenReceiverEndTests`).
            let listener = try Listener(["--secret", Self.secret])
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 10))
            let notJSON = try transport.send(HTTPRequest(method: "POST", url: listener.url, headers: [HTTPHeader("X-Webhook-Event", "whatsapp.message.received")], body: Array("hello".utf8)))
            let big = try transport.send(HTTPRequest(method: "POST", url: listener.url, body: [UInt8](repeating: 32, count: 9 << 20)))
            let malformed = try transport.send(
                HTTPRequest(
                    method: "POST", url: listener.url,
                    headers: [HTTPHeader("X-Webhook-Event", "whatsapp.message.read"), HTTPHeader("X-Webhook-Signature", "zz")],
                    body: Array("{}".utf8)))
            #expect(notJSON.status == 200)
            #expect(big.status == 413)
            #expect(malformed.status == 200)
            let (out, err, status) = listener.stop()
            #expect(status == 1, "2 deliveries failed verification")
            #expect(out.contains("whatsapp.message.received; body is not JSON (5 bytes); unsigned: no X-Webhook-Signature header"))
            #expect(out.contains("refused a request: 413 Request body larger than 8388608 bytes"))
            #expect(out.contains("whatsapp.message.read; X-Webhook-Signature is malformed: character 1 is not a hex digit"))
            #expect(err.contains("stopped: 2 deliveries, 2 failed verification, 1 refused"))
        }
    }

    /// probe9 P9-15: `--secret` given for a Meta delivery whose X-Hub-Signature-256 it signs: the mix-up and the flag
    /// to use are named, and the delivery is not counted as verified (listen ends with status 1).
    @Test func aSecretGivenWithTheOtherFlagIsNamedAndFailsListen() async throws {
        try await offPool {
            let listener = try Listener(["--secret", Self.secret])
            let fire = try ProcessRunner.run(
                "kops", ["-c", "webhooks fire whatsapp.message.read --meta --to \(listener.url) --secret \(Self.secret)"])
            #expect(fire.status == 0, "\(fire.stderr)")
            let (out, err, status) = listener.stop()
            #expect(status == 1, "a delivery not verified with the secret given fails listen")
            #expect(out.contains("X-Hub-Signature-256 (Meta's) not checked: --secret is for Kapso's X-Webhook-Signature, and the secret given with it matches this header: pass it as --meta-secret"), "\(out)")
            // Counted as its own cause, not as a failed verification.
            #expect(err.contains("stopped: 1 delivery, 1 with --secret and --meta-secret swapped"), "\(err)")
            #expect(!err.contains("failed verification"), "\(err)")
            #expect(!(out + err).contains(Self.secret))
        }
    }

    /// The processes whose parent is `pid` (from /proc/*/stat).
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // "PID (NAME) STATE PPID ...": the name may hold spaces, so fields are counted after its ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// probe20: the receiver (`kapso-sim --receive`) killed under listen. Its stream's end used to read as "nothing
    /// yet" without waiting, so listen asked again and again at full CPU, silent until Ctrl-C. Now it ends at once
    /// with one line naming the receiver and what to do, and fails: as `kops listen` and as a line of `-c` (which
    /// stops there). Without that, nothing ends it within the budget, far above the milliseconds it takes, and
    /// `wait(seconds:)` ends it by SIGTERM (status 15, no line).
    @Test(arguments: [["listen", "--port", "0"], ["-c", "listen --port 0; state"]])
    func aReceiverThatDiesEndsListenWithOneLineAndFails(arguments: [String]) async throws {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-listen-end-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
            let process = try ChildProcess(
                executable: ProcessRunner.executable("kops").path, arguments: arguments,
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path], stdout: .file(out.path), stderr: .file(err.path))
            for _ in 0..<1000 where !((try? String(contentsOf: out, encoding: .utf8)) ?? "").contains("listening on ") {
                usleep(10_000)
            }
            let receiver = try #require(Self.children(of: process.processIdentifier).first, "kapso-sim --receive runs beside listen")
            kill(receiver, SIGKILL)
            let status = process.wait(seconds: 10)
            let printed = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            #expect(status == 1, "\(errors)")
            #expect(
                errors.hasSuffix(
                    "error: listen: its receiver kapso-sim --receive (pid \(receiver)) was killed by signal 9, so no delivery "
                        + "can arrive any more; start 'listen' again\n"), "\(errors)")
            #expect(errors.contains("stopped: 0 deliveries\n"), "\(errors)")
            // `-c` stops at the failed line: 'state' does not run.
            #expect(!printed.contains("profile"), "\(printed)")
        }
    }

    /// A kill (SIGTERM) or a closed terminal (SIGHUP) stops listen like Ctrl-C: the temporary webhook is deleted,
    /// then kops ends by that signal as it would have (probe2 F8).
    @Test(arguments: [SIGTERM, SIGHUP])
    func registerDeletesTheTemporaryWebhookOnTerminationSignals(signal: Int32) async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let listen = try Registered("use 100200300400502; listen --register https://hup.example.test/", environment: environment)
            let id = listen.id
            listen.process.send(signal)
            _ = listen.process.wait(seconds: 10)
            let out = listen.out
            #expect(out.contains("deleted temporary webhook \(id)\n"), "\(out)")
            let after = try ProcessRunner.run("kops", ["-c", "webhooks get \(id)"], environment: environment)
            #expect(after.status != 0, "the temporary webhook is gone")
        }
    }

    /// tester59 AF9: a kops killed outright (SIGKILL: no handler runs) leaves its temporary webhook active; `webhooks
    /// check` names it as a leftover of `listen --register` (its `X-Kops-Listen` header) with the delete command, where
    /// it said "0 errors, 0 warnings".
    @Test func aKilledRegisterLeavesAWebhookThatCheckNames() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let listen = try Registered("use 100200300400502; listen --register https://left.example.test/", environment: environment)
            let id = listen.id
            listen.process.send(SIGKILL)
            _ = listen.process.wait(seconds: 10)
            let check = try ProcessRunner.run("kops", ["-c", "use 100200300400502; webhooks check \(id)"], environment: environment)
            let text = check.stdout + check.stderr
            #expect(text.contains("a temporary webhook of 'listen --register' (header X-Kops-Listen) still active"), "\(text)")
            #expect(text.contains("webhooks delete \(id)"), "\(text)")
        }
    }

    /// probe14 P14-13: a temporary webhook kops cannot delete at Ctrl-C (the API answers 503 twice) is left pointing
    /// at a dead URL: listen says how to delete it and exits 1, so a wrapper script does not see success.
    @Test func registerThatCannotDeleteItsWebhookFails() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { _ = simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let listen = try Registered("use 100200300400502; listen --register https://int.example.test/", environment: environment)
            let id = listen.id
            let faults = try ChildProcess(
                executable: "/usr/bin/curl",
                arguments: ["-s", "-f", "-o", "/dev/null", "-H", "X-API-Key: \(simulator.apiKey)", "-H", "Content-Type: application/json",
                            "-X", "POST", "-d", #"{"faults":"503"}"#, simulator.baseURL + "/__sim/faults"],
                environment: ["PATH": "/usr/bin:/bin"])
            #expect(faults.wait(seconds: 10) == 0)
            listen.process.send(SIGINT)
            let status = listen.process.wait(seconds: 10)
            let out = listen.out
            #expect(out.contains("could not delete temporary webhook \(id)"), "\(out)")
            #expect(out.contains("delete it with 'webhooks delete \(id)'"), "\(out)")
            #expect(status == 1, "\(String(describing: status))")
        }
    }

    /// Project-only events never reach the phone-number webhook --register makes: refused before creating it.
    @Test func registerRefusesProjectOnlyEvents() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let run = try ProcessRunner.run(
                "kops",
                ["--allow-writes", "-c", "use 100200300400502; listen --register https://x.example.test/ --events whatsapp.account.disabled"],
                environment: environment, timeout: 20)
            #expect(run.status == 64)
            #expect(
                run.stderr.contains(
                    "invalid event for --register (a phone-number webhook) 'whatsapp.account.disabled'; expected phone-number events only"),
                "\(run.stderr)")
            let list = try ProcessRunner.run("kops", ["-c", "use 100200300400502; webhooks"], environment: environment)
            #expect(!list.stdout.contains("x.example.test"))
        }
    }

    @Test func registerMakesATemporaryWebhookThatVerifiesAndIsGoneAfterCtrlC() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let environment = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            let probe = try Listener([])
            let port = probe.port
            _ = probe.stop()
            let url = "http://127.0.0.1:\(port)/"
            let listen = try Registered(
                "use 100200300400501; listen --port \(port) --register \(url) --events whatsapp.message.received", environment: environment)
            let id = listen.id
            let test = try ProcessRunner.run("kops", ["-c", "webhooks test \(id)", "--allow-writes"], environment: environment)
            #expect(test.status == 0, "\(test.stderr)")
            listen.process.send(SIGINT)
            // Run as a line of `-c`, a script: Ctrl-C stops it there with 130, as at any other line (probe38 P38-4).
            #expect(listen.process.wait(seconds: 10) == 130)
            let out = listen.out
            #expect(out.contains("whatsapp.message.received"))
            #expect(out.contains("; signature ok"), "the generated secret verifies the simulator's signature")
            #expect(out.contains("deleted temporary webhook \(id)\n"))
            #expect(!out.contains("whsec_"))
            let after = try ProcessRunner.run("kops", ["-c", "webhooks get \(id)"], environment: environment)
            #expect(after.status != 0)
        }
    }

    /// Deliveries that arrive together reach the handler together, as Kapso sends them: a 3 s handler answers each
    /// sender in about 3 s, not 3, 6, 9, 12 s behind one another (probe2 F38).
    @Test func concurrentDeliveriesAreForwardedSideBySide() async throws {
        try await offPool {
            let handler = try HostileServer { _ in
                usleep(3_000_000)
                return .json(#"{"ok":true}"#)
            }
            let listener = try Listener(["--forward-to", handler.baseURL + "/in"])
            let transport = try CurlTransport(options: .init(connectTimeout: 10, timeout: 60))
            let request = HTTPRequest(
                method: "POST", url: listener.url, headers: [HTTPHeader("X-Webhook-Event", "whatsapp.message.received")],
                body: Array("{}".utf8))
            let started = ContinuousClock.now
            let answers = transport.sendAll(Array(repeating: request, count: 4))
            let took = started.duration(to: .now)
            let (out, _, _) = listener.stop()
            #expect(answers.allSatisfy { (try? $0.get().status) == 200 }, "\(out)")
            // One after another would take 12 s; side by side about 3 s (slack for a loaded machine).
            #expect(took < .seconds(9), "\(took)")
            let lines = out.split(separator: "\n").filter { $0.contains("; handler 200 in ") }
            #expect(lines.count == 4, "\(out)")
        }
    }

    /// One Ctrl-C stops listen while deliveries are with a slow handler: each is abandoned (its sender gets 502),
    /// all stay saved, and the run fails because they were not accepted (probe2 F7).
    @Test func oneCtrlCStopsListenWithDeliveriesInFlight() async throws {
        try await offPool {
            let handler = try HostileServer { _ in
                usleep(30_000_000)
                return .json(#"{"ok":true}"#)
            }
            let save = FileManager.default.temporaryDirectory.appendingPathComponent("kops-saved-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: save) }
            let listener = try Listener(["--forward-to", handler.baseURL + "/in", "--save", save.path])
            let url = listener.url
            let senders = Thread {
                let transport = try? CurlTransport(options: .init(connectTimeout: 10, timeout: 60))
                let request = HTTPRequest(
                    method: "POST", url: url, headers: [HTTPHeader("X-Webhook-Event", "whatsapp.message.received")],
                    body: Array("{}".utf8))
                _ = transport?.sendAll(Array(repeating: request, count: 3))
            }
            senders.start()
            for _ in 0..<3000 where handler.requests.count < 3 { usleep(10_000) }
            #expect(handler.requests.count == 3)
            let (out, err, status) = listener.stop()
            #expect(!listener.process.isRunning, "one Ctrl-C stops listen")
            #expect(status == 1)
            #expect(out.components(separatedBy: "handler no answer: stopped (Ctrl-C)").count == 4, "\(out)")
            #expect(err.contains("stopped: 3 deliveries, 3 not verified (no --secret given), 3 not accepted by the handler"), "\(err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: save.path).count == 3)
        }
    }

    /// Forwarding to listen's own address would send each delivery back to itself forever (probe2 F39).
    @Test(arguments: ["http://localhost:PORT/x", "http://127.0.0.1:PORT/"])
    func forwardingToListenItselfIsRefused(url: String) async throws {
        try await offPool {
            let port = String(40_000 + Int.random(in: 0..<20_000))
            let run = try ProcessRunner.run(
                "kops", ["listen", "--port", port, "--forward-to", url.replacingOccurrences(of: "PORT", with: port)], timeout: 10)
            #expect(run.status == 64, "\(run.stdout)")
            #expect(run.stderr.contains("that is listen itself (port \(port))"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func aTakenPortIsOneLine() async throws {
        try await offPool {
            let first = try Listener([])
            let second = try ProcessRunner.run("kops", ["listen", "--port", String(first.port)], timeout: 10)
            #expect(second.status == 64)
            #expect(
                second.stderr == "error: listen: invalid address '127.0.0.1:\(first.port)'; expected a free port on a local "
                    + "IPv4 address (cannot listen on 127.0.0.1:\(first.port): the port is in use); pick another with --port\n")
            _ = first.stop()
        }
    }

    /// An address that is not this machine's is the host's fault, not the port's; an empty secret is refused.
    @Test func aForeignHostAndAnEmptySecretAreOneLineNamingTheRightFlag() async throws {
        try await offPool {
            let foreign = try ProcessRunner.run("kops", ["listen", "--host", "192.0.2.7"], timeout: 10)
            #expect(
                foreign.stderr == "error: listen: invalid address '192.0.2.7:0'; expected a free port on a local IPv4 "
                    + "address (cannot listen on 192.0.2.7:0: the host is not an address of this machine); pick another with --host\n")
            #expect(foreign.status == 64)
            let empty = try ProcessRunner.run("kops", ["listen", "--secret", ""], timeout: 10)
            #expect(empty.stderr == "error: listen: invalid --secret ''; expected the webhook's secret_key\n")
            #expect(empty.status == 64)
        }
    }
}
