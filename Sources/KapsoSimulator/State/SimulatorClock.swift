internal import Foundation

/// Where the simulator's "now" comes from: a fixed instant in deterministic mode, the wall clock otherwise,
/// plus whatever `advance(byMicroseconds:)` (the control endpoint) has added.
struct SimulatorClock: Sendable {
    /// The deterministic "now": 2026-11-21T12:00:00Z, the day after the demo story.
    static let reference = Timestamp(seconds: 1_795_262_400)

    let isFixed: Bool
    /// Where a fixed clock stands before any advance: `reference` unless pinned elsewhere.
    let start: Timestamp
    /// Microseconds added by `advance`.
    private(set) var offset: Int64 = 0
    private let started = ContinuousClock.now

    /// A fixed clock at `pinned` (Unix microseconds) or the reference, or the wall clock.
    init(isFixed: Bool, pinned: Int64? = nil) {
        self.isFixed = isFixed || pinned != nil
        self.start = pinned.map { Timestamp(micros: $0) } ?? Self.reference
    }

    var now: Timestamp {
        let base = isFixed ? start : Timestamp(micros: Int64(Date().timeIntervalSince1970 * 1_000_000))
        return Timestamp(micros: base.micros + offset)
    }

    /// Microseconds of real (monotonic) time since the clock was made, plus the advances: what rate-limit
    /// windows count in, so a fixed clock still lets them roll over, and advancing the clock rolls them too.
    var elapsed: Int64 {
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000 + offset
    }

    /// Microseconds the health limiter alone has waited out (`waitForLimiter`), fixed mode only: never part of `now`.
    private(set) var limiterWait: Int64 = 0

    /// What the health limiter counts its windows in. Wall-clock mode: `elapsed`. Deterministic (fixed) mode:
    /// the simulated clock's advances and the limiter's own waits, never real time, so a replayed script meets the
    /// same windows however fast it runs (docs/simulator-requests.md, "Health limiter").
    var limiterTime: Int64 {
        isFixed ? offset + limiterWait : elapsed
    }

    /// Moves the limiter's time, not `now`, by `micros`: a deterministic check the limiter would refuse waits out
    /// its window there, so the fixed clock stays where it is however many checks came before (tester67 Y8: every
    /// sixth health check moved the printed clock 1 s, and a transcript with health checks failed after four runs).
    mutating func waitForLimiter(byMicroseconds micros: Int64) {
        limiterWait += micros
    }

    /// The last instant the clock reaches: the end of `Timestamp.readableSeconds`, so that no advance, however
    /// often repeated, overflows the microseconds every time is counted in.
    static let end = Timestamp(micros: Timestamp.readableSeconds.upperBound * 1_000_000)

    /// Moves the clock forward by `micros`, or to `end` if that is nearer.
    mutating func advance(byMicroseconds micros: Int64) {
        offset += min(micros, max(Self.end.micros - now.micros, 0))
    }
}
