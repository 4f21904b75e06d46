import Foundation
import Testing
@testable import KapsoSimulator

/// Starts a simulator on an ephemeral port, runs `body` with it, and stops it.
func withSimulator<T: Sendable>(
    seed: SimulatorSeed = .demo, deterministic: Bool = true, faults: SimulatorFaults = .none, timeScale: Double = 1,
    logSearchAvailable: Bool = true, _ body: @Sendable (KapsoSimulator) async throws -> T
) async throws -> T {
    var options = SimulatorOptions(apiKey: "test-key", seed: seed, deterministic: deterministic)
    options.faults = faults
    options.timeScale = timeScale
    options.logSearchAvailable = logSearchAvailable
    let simulator = try KapsoSimulator(options: options)
    try await simulator.start()
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// Makes blocking requests on one kept-alive connection, off the cooperative pool.
func requests<T: Sendable>(
    to simulator: KapsoSimulator, apiKey: String? = "test-key", _ body: @escaping @Sendable (LoopbackClient) throws -> T
) async throws -> T {
    let port = simulator.port
    return try await offPool {
        let client = LoopbackClient(port: port, apiKey: apiKey)
        defer { client.close() }
        return try body(client)
    }
}

/// One GET on a fresh connection.
func get(_ simulator: KapsoSimulator, _ target: String, apiKey: String? = "test-key") async throws
    -> LoopbackClient.Response
{
    try await requests(to: simulator, apiKey: apiKey) { try $0.request("GET", target) }
}

/// Expects `actual` to have the keys and JSON types of fixture `name` (`optional` members may be absent).
func expectShape(
    of actual: JSONValue, like name: String, optional: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let differences = ShapeComparison.differences(expected: try Fixtures.json(name), actual: actual, optional: optional)
    #expect(differences.isEmpty, "\(name): \(differences.joined(separator: "; "))", sourceLocation: sourceLocation)
}

let platform = "/platform/v1"
