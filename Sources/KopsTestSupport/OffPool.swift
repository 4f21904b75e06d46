internal import Foundation

/// Runs blocking work (libcurl, processes) on a dedicated thread, never on the concurrency pool,
/// so an in-process simulator sharing the pool keeps making progress (feasibility notes §6).
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
