internal import Foundation

/// Runs `first` on the calling thread and `second` on a new thread at the same time; returns both results.
///
/// For the big, independent halves of seeding (`scale:100000` builds 100k messages and 100k deliveries):
/// a plain thread, so the work never waits for (or blocks) the concurrency pool the server needs.
func concurrently<First, Second: Sendable>(
    _ first: () -> First, _ second: @escaping @Sendable () -> Second
) -> (First, Second) {
    let result = Locked<Second?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread {
        let value = second()
        result.withLock { $0 = value }
        done.signal()
    }.start()
    let value = first()
    done.wait()
    guard let other = result.withLock({ $0 }) else { preconditionFailure("second half produced nothing") }
    return (value, other)
}
