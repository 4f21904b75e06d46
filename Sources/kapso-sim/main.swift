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
        // Armed before anything is printed, so a signal sent after the first line is never lost.
        let termination = TerminationSignal()
        let simulator = try KapsoSimulator(options: options)
        try await simulator.start()
        // Unbuffered, so a parent process reading the first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on \(simulator.baseURL)\n".utf8))
        await termination.wait()
        await simulator.stop()
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
