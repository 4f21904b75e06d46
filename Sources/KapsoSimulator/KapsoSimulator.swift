internal import FlyingSocks
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A stateful Kapso Platform API (and Meta proxy) served over HTTP on loopback, for tests and demos.
///
/// Create it, `start()` it, point a client at `baseURL`, `stop()` it. All state lives in an actor, so the
/// simulator can be used from any task; blocking clients must not run on the cooperative pool
/// (use a dedicated `Thread`), or the server starves on a 2-core machine.
public final class KapsoSimulator: Sendable {
    /// The options the simulator was created with.
    public let options: SimulatorOptions
    /// The clock's instant when the seed data was made, Unix microseconds: a simulator pinned here
    /// (`SimulatorOptions.pinnedClock`) holds the same data.
    public let seededAt: Int64
    let state: SimulatorState
    private let server: SimulatorServer
    /// The port listened on, once started.
    private let running = Locked<UInt16>(0)

    /// Builds the seeded state; throws `SimulatorError` for an unreadable seed file, a bad host address or a
    /// time scale that is not a positive number.
    public init(options: SimulatorOptions) throws {
        self.options = options
        guard SimulatorOptions.timeScales.contains(options.timeScale) else { throw SimulatorError.invalidTimeScale(options.timeScale) }
        if let pinned = options.pinnedClock, Timestamp(unixSeconds: pinned / 1_000_000) == nil {
            throw SimulatorError.invalidPinnedClock(pinned)
        }
        let clock = SimulatorClock(isFixed: options.deterministic, pinned: options.pinnedClock)
        let seededAt = clock.now
        self.seededAt = seededAt.micros
        let seed = try SeedData.make(options.seed, now: seededAt)
        for warning in seed.warnings { options.log?("seed warning: " + warning) }
        let address: sockaddr_in
        do {
            address = try .inet(ip4: options.host, port: options.port)
        } catch {
            throw SimulatorError.invalidHost(options.host)
        }
        // The state reads the connection count through a box filled once the server exists.
        let serverBox = Locked<SimulatorServer?>(nil)
        let state = SimulatorState(options: options, clock: clock, seed: seed) {
            serverBox.withLock { $0?.connectionCount ?? 0 }
        }
        self.state = state
        server = SimulatorServer(address: address, limits: options.http, handler: SimulatorHandler(state: state))
        serverBox.withLock { [server] in $0 = server }
    }

    /// Starts listening; when it returns, `port` and `baseURL` are valid. Throws if the address can't be bound.
    public func start() async throws {
        let port = try await server.start()
        running.withLock { $0 = port }
    }

    /// The port being listened on; 0 before `start()`. Synchronous, so `await` in front of it is optional.
    public var port: UInt16 {
        running.withLock { $0 }
    }

    /// `http://HOST:PORT`, the host part only: clients append `/platform/v1/...` or `/meta/whatsapp/...`.
    public var baseURL: String {
        "http://\(options.host):\(port)"
    }

    /// Stops listening and closes every connection at once (kept-alive clients are not waited for).
    public func stop() async {
        await state.shutdown()
        await server.stop()
    }

    /// Requests answered, connections accepted and webhook deliveries made so far.
    public func counters() async -> SimulatorCounters {
        let (requests, deliveries) = await state.counts
        return SimulatorCounters(requests: requests, connections: server.connectionCount, deliveries: deliveries)
    }

    /// Replaces the injected faults (`.none` clears them), as `POST /__sim/faults` does.
    public func setFaults(_ faults: SimulatorFaults) async {
        await state.setFaults(faults)
    }

    /// The faults that still apply (a spent `times=N` rule left out, a running one with its strikes left).
    public func faults() async -> SimulatorFaults {
        await state.currentFaults
    }

    /// The simulator's "now" in Unix microseconds.
    public func now() async -> Int64 {
        await state.clock.now.micros
    }

    /// Moves a fixed clock forward to `micros` (Unix microseconds) and runs what became due; an instant at or
    /// before the clock's is ignored.
    public func advanceClock(to micros: Int64) async {
        let (delta, overflow) = micros.subtractingReportingOverflow(await state.clock.now.micros)
        guard !overflow, delta > 0 else { return }
        _ = await state.advanceClock(byMicroseconds: delta)
    }

    /// Moves the simulator's clock forward and runs what became due (status changes, webhook retries),
    /// as `POST /__sim/clock/advance` does; returns once they have run.
    public func advanceClock(bySeconds seconds: Double) async {
        guard seconds.isFinite, seconds > 0 else { return }
        // The state stops the clock at the end of `Timestamp.readableSeconds`; past Int64 is further still.
        let micros = seconds * 1_000_000 < 9e18 ? Int64((seconds * 1_000_000).rounded()) : Int64.max
        _ = await state.advanceClock(byMicroseconds: micros)
    }
}

/// Why a simulator could not be created or started.
public enum SimulatorError: Error, Equatable, CustomStringConvertible {
    case invalidHost(String)
    case unreadableSeed(path: String, reason: String)
    case notListening
    /// A fault clause that does not parse (see `SimulatorFaults`).
    case invalidFaults(String, reason: String)
    case invalidTimeScale(Double)
    /// A `pinnedClock` outside `Timestamp.readableSeconds`.
    case invalidPinnedClock(Int64)

    public var description: String {
        switch self {
        case .invalidHost(let host): "invalid listen address \(host); use an IPv4 address such as 127.0.0.1"
        case .unreadableSeed(let path, let reason): "cannot load seed file \(path): \(reason)"
        case .notListening: "the simulator did not start listening"
        case .invalidFaults(let clause, let reason): "invalid fault '\(clause)': \(reason)"
        case .invalidTimeScale(let scale):
            "invalid time scale \(scale); use a number from 0.000001 to "
                + "\(Int(SimulatorOptions.timeScales.upperBound)), such as 1 or 1000"
        case .invalidPinnedClock(let micros):
            "invalid pinned clock \(micros); use Unix microseconds (16 digits), such as 1795262400000000, within "
                + "±\(Timestamp.readableSeconds.upperBound)000000"
        }
    }
}
