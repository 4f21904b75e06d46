import ArgumentParser
import Dispatch
import Foundation
import KapsoSimulator

/// `kapso-sim`: serves the simulated Kapso API until SIGINT or SIGTERM.
struct KapsoSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kapso-sim",
        abstract: "A stateful simulator of the Kapso Platform API and Meta proxy, on loopback HTTP.",
        discussion: """
            Prints `listening on http://HOST:PORT` as its first line on stdout, then serves /platform/v1 and \
            /meta/whatsapp/{version} until SIGINT or SIGTERM. Events (message status changes, webhook delivery \
            attempts, injected faults, clock advances) are logged to stderr.

            Seeds: `demo` (two numbers, misconfigured webhooks, a 131047 failure), `zoo` (the demo plus every \
            message type, status history and error shape on both numbers), `empty`, `scale:N` (N \
            messages and N webhook deliveries, for benchmarks), or a .json seed file.

            Faults (--faults, comma- or repeat-combinable): `latency=100ms` delays every response; \
            `rate=0.2:500` answers 500 to a fifth of requests; `429:retry-after=1` answers 429 with \
            Retry-After; `reset` closes the connection without answering; `truncate` sends a Content-Length \
            longer than the body, then closes; `html` answers a 502 HTML page. Any status 400-599 works as an \
            action; `:times=N` limits a clause to the next N requests, `:path=TEXT` to requests whose path \
            contains TEXT (`503:path=/webhook_deliveries`).

            Control endpoints (same X-API-Key; never faulted or counted): GET/POST/DELETE /__sim/faults \
            (body {"faults": "latency=100ms"}; "" clears), GET /__sim/clock, POST /__sim/clock/advance (body \
            {"seconds": N}), GET /__sim/counters (requests, connections, deliveries), GET/POST /__sim/log_search \
            (body {"available": false} makes log search answer available: false; true turns it back on).

            Limits per request: request line 8 KiB (414), headers 32 KiB and 100 fields (431), body 1 MiB (413), \
            10 s to send it (408); a kept-alive connection idle for 30 s is closed. Malformed requests get 400 \
            with a JSON error; the API log keeps the newest 10,000 calls.
            """)

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: UInt16 = 0

    @Option(help: "IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("api-key"), help: "The API key clients must send (default: $KAPSO_API_KEY).")
    var apiKey: String?

    @Option(help: "Seed data: demo, zoo, empty, scale:N, or a path to a .json seed file.")
    var seed = "demo"

    @Flag(help: """
        Fix the clock at 2026-11-21T12:00:00Z and number new ids sequentially (byte-stable output); the clock \
        then moves only through POST /__sim/clock/advance.
        """)
    var deterministic = false

    @Option(
        name: .customLong("faults"), parsing: .singleValue,
        help: ArgumentHelp(
            "Faults to inject from the start, e.g. 'latency=100ms', 'rate=0.2:500', '429:retry-after=1', 'reset', 'truncate', 'html'.",
            valueName: "spec"))
    var faultSpecs: [String] = []

    @Option(
        name: .customLong("time-scale"),
        help: ArgumentHelp(
            "Run the webhook retry schedule (10, 40, 90 s) and message status progression (delivered +2 s, read +5 s) this many times faster.",
            valueName: "factor"))
    var timeScale: Double = 1

    @Flag(
        name: .customLong("log-search-unavailable"),
        help: "Answer /platform/v1/log_search with available: false (log search not enabled for the project).")
    var logSearchUnavailable = false

    @Flag(help: "Do not log events to stderr.")
    var quiet = false

    @Flag(name: .customLong("sequential-ids"), help: "Number new ids in sequence on a running clock (implied by --deterministic).")
    var sequentialIDs = false

    @Option(
        name: .customLong("pinned-clock"),
        help: ArgumentHelp(
            "Fix the clock at this instant (Unix microseconds) instead of 2026-11-21T12:00:00Z; it then moves only when advanced.",
            valueName: "micros"))
    var pinnedClock: Int64?

    @Flag(help: "Receive webhooks for kops listen instead of simulating: requests go to stdout, answers come from stdin.")
    var receive = false

    @Flag(
        name: .customLong("stop-on-stdin-eof"),
        help: "Stop when standard input closes: a parent holding the other end of a pipe (kops --demo) takes the simulator with it however it ends.")
    var stopOnStdinEOF = false

    /// Starts the simulator, prints where it listens, and serves until a termination signal.
    func serve() async throws {
        guard let key = apiKey ?? ProcessInfo.processInfo.environment["KAPSO_API_KEY"], !key.isEmpty else {
            throw ValidationError("no API key: pass --api-key or set KAPSO_API_KEY")
        }
        guard let seed = SimulatorSeed(argument: seed) else {
            if seed.hasPrefix("scale:") {
                throw ValidationError("invalid seed '\(seed)'; use scale:N with N a whole number from 0 to \(SimulatorSeed.maximumScale)")
            }
            throw ValidationError("unknown seed '\(seed)'; use demo, zoo, empty, scale:N or a .json file")
        }
        guard SimulatorOptions.timeScales.contains(timeScale) else {
            throw ValidationError(
                "invalid --time-scale \(timeScale); use a number from 0.000001 to "
                    + "\(Int(SimulatorOptions.timeScales.upperBound)), such as 1 or 1000")
        }
        var faults = SimulatorFaults.none
        for spec in faultSpecs {
            do {
                faults = faults.adding(try SimulatorFaults(spec: spec))
            } catch {
                throw ValidationError(error.description)
            }
        }
        var options = SimulatorOptions(apiKey: key, seed: seed, deterministic: deterministic, port: port)
        options.host = host
        options.faults = faults
        options.timeScale = timeScale
        options.sequentialIDs = sequentialIDs
        options.pinnedClock = pinnedClock
        options.logSearchAvailable = !logSearchUnavailable
        if !quiet {
            options.log = { line in FileHandle.standardError.write(Data("kapso-sim: \(line)\n".utf8)) }
        }
        // Armed before anything is printed, so a signal sent after the first line is never lost.
        let termination = TerminationSignal()
        if stopOnStdinEOF {
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while read(0, &byte, 1) > 0 || errno == EINTR {}
                termination.fire()
            }
        }
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        // Unbuffered, so a parent process reading the first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on \(simulator.baseURL)\n".utf8))
        if !faults.isEmpty { options.log?("faults set: \(faults)") }
        await termination.wait()
        // Stopping cancels every connection; should one not end (a handler that never returns), the signal is
        // still honoured: the process exits after 3 s either way.
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { Foundation.exit(0) }
        await simulator.stop()
    }
}

do {
    // Parsed by hand rather than through `AsyncParsableCommand.main()`, which top-level code resolves to
    // the synchronous overload.
    var command = try KapsoSim.parseAsRoot()
    if let simulator = command as? KapsoSim, simulator.receive {
        Foundation.exit(ReceiverBridge.run(host: simulator.host, port: UInt16(simulator.port), bodyLimit: 8 << 20))
    } else if let simulator = command as? KapsoSim {
        try await simulator.serve()
    } else {
        try command.run()
    }
} catch {
    KapsoSim.exit(withError: error)
}
