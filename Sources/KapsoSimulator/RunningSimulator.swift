internal import Foundation

/// A simulator started by `KapsoSimulator.startBlocking(options:)`, for synchronous callers.
public final class RunningSimulator: Sendable {
    /// The port the simulator listens on.
    public let port: UInt16
    /// The simulator itself (for `counters()`).
    public let simulator: KapsoSimulator

    init(simulator: KapsoSimulator) {
        self.simulator = simulator
        self.port = simulator.port
    }

    /// `http://127.0.0.1:PORT` (host only).
    public var baseURL: String { simulator.baseURL }

    /// The simulator's clock in Unix microseconds, read from a plain thread (never the cooperative pool).
    public func now() -> Int64 {
        let done = DispatchSemaphore(value: 0)
        let result = Locked<Int64>(0)
        Task.detached { [simulator] in
            let now = await simulator.now()
            result.withLock { $0 = now }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }

    /// Moves a fixed clock forward to this machine's time and runs what became due, blocking until done
    /// (`kops --demo` before each command line, so the clock stands still during a command).
    public func advanceClockToWallTime() {
        advanceClock(to: Int64(Date().timeIntervalSince1970 * 1_000_000))
    }

    /// Moves a fixed clock forward to `micros` and runs what became due, blocking until done.
    public func advanceClock(to micros: Int64) {
        let done = DispatchSemaphore(value: 0)
        Task.detached { [simulator] in
            await simulator.advanceClock(to: micros)
            done.signal()
        }
        done.wait()
    }

    /// Stops the simulator, blocking until it is down. Call from a plain thread, never from the cooperative pool.
    public func stop() {
        let done = DispatchSemaphore(value: 0)
        Task.detached { [simulator] in
            await simulator.stop()
            done.signal()
        }
        done.wait()
    }
}

extension KapsoSimulator {
    /// Starts a simulator on a background task and blocks the calling thread until it listens.
    ///
    /// For the `kops --demo` main thread and blocking tests; call from a plain thread, never from the
    /// cooperative pool (the start-up itself needs a pool thread).
    public static func startBlocking(options: SimulatorOptions) throws -> RunningSimulator {
        let simulator = try KapsoSimulator(options: options)
        let outcome = Locked<Result<Void, any Error>>(.success(()))
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await simulator.start()
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLock { $0 }.get()
        return RunningSimulator(simulator: simulator)
    }
}
