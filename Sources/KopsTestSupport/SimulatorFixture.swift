public import KapsoClient
public import KapsoSimulator
internal import KopsHTTP
public import KopsShell
internal import Foundation

/// A seeded simulator on 127.0.0.1 and the pieces that talk to it, for one test.
public final class SimulatorFixture {
    public let simulator: RunningSimulator
    public let apiKey: String

    /// Starts a simulator; call from a dedicated thread (see `withSimulator`).
    public init(seed: SimulatorSeed = .demo, apiKey: String = "test_key_0123456789") throws {
        self.apiKey = apiKey
        simulator = try KapsoSimulator.startBlocking(
            options: SimulatorOptions(apiKey: apiKey, seed: seed, deterministic: true))
    }

    deinit { simulator.stop() }

    public var baseURL: String { simulator.baseURL }

    /// The deterministic simulator's clock when it starts: 2026-11-21T12:00:00Z.
    public static let deterministicNow = KapsoTime.seconds(iso: "2026-11-21T12:00:00Z") ?? 0

    /// A client with its own transport (short timeouts so a regression fails fast).
    public func client(apiKey: String? = nil, timeout: Double = 5) throws -> KapsoClient {
        let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: timeout, userAgent: "kops-tests"))
        return KapsoClient(baseURL: baseURL, apiKey: Secret(apiKey ?? self.apiKey), transport: transport)
    }

    /// A shell on this simulator writing into a buffer, not a terminal (no colour, no width).
    /// `timeout` (seconds a request may take) is longer only for a large seed read under load.
    public func shell(phoneNumberID: String? = nil, timeout: Double = 5) throws -> (shell: Shell, output: BufferOutput) {
        let client = try client(timeout: timeout)
        let context = ShellContext(
            session: Session(baseURL: client.baseURL, phoneNumberID: phoneNumberID), client: client, registry: .standard)
        // Until a response carries a `Date` header, the 24-hour window uses the deterministic clock, not this machine's.
        // Read from the context's client of the moment: a test that puts another client in (a failing transport around
        // the simulator) frees this one, and `whois` asks for the time (a crash when this held the first client).
        context.now = { [unowned context] in context.client.serverTime ?? SimulatorFixture.deterministicNow }
        let output = BufferOutput()
        return (Shell(context: context, renderer: Renderer(), output: output), output)
    }
}

/// Runs `body` with a fresh deterministic simulator, all on a dedicated thread.
public func withSimulator<T: Sendable>(
    seed: SimulatorSeed = .demo, _ body: @escaping @Sendable (SimulatorFixture) throws -> T
) async throws -> T {
    try await offPool {
        let fixture = try SimulatorFixture(seed: seed)
        return try body(fixture)
    }
}

extension SimulatorFixture {
    /// The simulator's counters, read from this (non-pool) thread by waiting on an async call.
    public func counters() -> SimulatorCounters {
        let result = BlockingResult<SimulatorCounters>()
        let simulator = self.simulator.simulator
        Task { result.set(await simulator.counters()) }
        return result.wait()
    }
}

/// A value produced on another task, waited for by a plain thread.
final class BlockingResult<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ value: Value) {
        condition.lock()
        self.value = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
