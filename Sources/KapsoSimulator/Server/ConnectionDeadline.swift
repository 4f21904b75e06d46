/// When the read a connection is waiting on must end: set by its `RequestReader` around each read, checked by
/// the server's sweeper, which cancels the connection's task once the time has passed.
///
/// One sweeper for all connections rather than a timer per read: a cancelled `Task.sleep` keeps its timer
/// (about 450 bytes) until the original deadline, so a timer per read held memory in proportion to the
/// request rate times the timeout (measured with heaptrack; docs/simulator-http.md).
final class ConnectionDeadline: Sendable {
    private let state = Locked<(deadline: ContinuousClock.Instant?, expired: Bool, idleSince: ContinuousClock.Instant?)>(
        (nil, false, nil))

    /// Starts waiting until `deadline`; `idle` when waiting for a next request (such a connection may be closed
    /// to make room for a new one).
    func arm(_ deadline: ContinuousClock.Instant, idle: Bool = false) {
        state.withLock {
            $0.deadline = deadline
            $0.idleSince = idle ? .now : nil
        }
    }

    /// Stops waiting; returns whether the deadline had already been found passed (the read then counts as
    /// timed out even if it just finished).
    func disarm() -> Bool {
        state.withLock { state in
            state.deadline = nil
            state.idleSince = nil
            return state.expired
        }
    }

    /// Whether the sweeper found the deadline passed.
    var hasExpired: Bool {
        state.withLock { $0.expired }
    }

    /// Since when the connection has been waiting for a next request; nil while a request is under way.
    var idleSince: ContinuousClock.Instant? {
        state.withLock { $0.idleSince }
    }

    /// Marks the deadline passed if the connection is idle; true only the first time.
    func expireIfIdle() -> Bool {
        state.withLock { state in
            guard !state.expired, state.idleSince != nil else { return false }
            state.expired = true
            return true
        }
    }

    /// Marks the deadline passed if it is armed and before `now`; true only the first time.
    func expire(now: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            guard !state.expired, let deadline = state.deadline, deadline <= now else { return false }
            state.expired = true
            return true
        }
    }
}
