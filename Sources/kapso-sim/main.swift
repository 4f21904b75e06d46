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
            Prints `listening on http://HOST:PORT` as its first line, then serves /platform/v1 and \
            /meta/whatsapp/{version} until SIGINT or SIGTERM.
            """)

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: UInt16 = 0

    @Option(help: "IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("api-key"), help: "The API key clients must send (default: $KAPSO_API_KEY).")
    var apiKey: String?

    @Option(help: "Seed data: demo, empty, scale:N, or a path to a .json seed file.")
    var seed = "demo"

    @Flag(help: "Fix the clock at 2026-11-21T12:00:00Z and number new ids sequentially (byte-stable output).")
    var deterministic = false

    /// Starts the simulator, prints where it listens, and serves until a termination signal.
    func serve() async throws {
        guard let key = apiKey ?? ProcessInfo.processInfo.environment["KAPSO_API_KEY"], !key.isEmpty else {
            throw ValidationError("no API key: pass --api-key or set KAPSO_API_KEY")
        }
        guard let seed = SimulatorSeed(argument: seed) else {
            throw ValidationError("unknown seed '\(seed)'; use demo, empty, scale:N or a .json file")
        }
        var options = SimulatorOptions(apiKey: key, seed: seed, deterministic: deterministic, port: port)
        options.host = host
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        // Unbuffered, so a parent process reading the first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on \(simulator.baseURL)\n".utf8))
        await waitForTerminationSignal()
        await simulator.stop()
    }
}

/// Suspends until SIGINT or SIGTERM arrives (both are ignored by default handling meanwhile).
func waitForTerminationSignal() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let queue = DispatchQueue(label: "kapso-sim.signals")
        let resumed = NSLock()
        nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []
        nonisolated(unsafe) var done = false
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                resumed.lock()
                defer { resumed.unlock() }
                guard !done else { return }
                done = true
                sources.forEach { $0.cancel() }
                continuation.resume()
            }
            source.resume()
            sources.append(source)
        }
    }
}

do {
    // Parsed by hand rather than through `AsyncParsableCommand.main()`, which top-level code resolves to
    // the synchronous overload.
    var command = try KapsoSim.parseAsRoot()
    if let simulator = command as? KapsoSim {
        try await simulator.serve()
    } else {
        try command.run()
    }
} catch {
    KapsoSim.exit(withError: error)
}
