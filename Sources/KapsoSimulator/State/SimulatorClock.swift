internal import Foundation

/// Where the simulator's "now" comes from: a fixed instant in deterministic mode, the wall clock otherwise.
struct SimulatorClock: Sendable {
    /// The deterministic "now": 2026-11-21T12:00:00Z, the day after the demo story.
    static let reference = Timestamp(seconds: 1_795_262_400)

    let isFixed: Bool

    var now: Timestamp {
        isFixed ? Self.reference : Timestamp(micros: Int64(Date().timeIntervalSince1970 * 1_000_000))
    }
}
