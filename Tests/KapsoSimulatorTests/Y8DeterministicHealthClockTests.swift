import Foundation
import Testing
@testable import KapsoSimulator

/// tester67 Y8: on a `--deterministic` simulator every sixth `health` check moved the fixed clock 1 s (the limiter
/// waited out its window on the clock itself), so a transcript with a health check and a window age checked clean four
/// times and then failed on `open, 22 h left` → `open, 21 h 59 min left`, with nothing called
/// `/__sim/clock/advance`.
@Suite struct Y8DeterministicHealthClockTests {
    private let health = "\(platform)/whatsapp/phone_numbers/100200300400501/health"

    /// The tester's loop: health then the clock, eight times. The clock stays at its fixed instant and every check is answered.
    @Test func healthChecks_LeaveTheFixedClockWhereItIs() async throws {
        let (statuses, offsets) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                var statuses: [Int] = []
                var offsets: [JSONValue?] = []  // the clock's `now` after each check
                for _ in 0..<8 {
                    statuses.append(try client.request("GET", health).status)
                    offsets.append(try client.request("GET", "/__sim/clock").json["data"]?["now"])
                }
                return (statuses, offsets)
            }
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(offsets.allSatisfy { $0 == "2026-11-21T12:00:00Z" }, "\(offsets)")
    }

    /// The clock still moves when advanced, and the limiter's waits before do not add to the advance.
    @Test func advance_AfterManyChecks_MovesTheClockByTheAdvanceOnly() async throws {
        let now = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                for _ in 0..<61 { _ = try client.request("GET", health) }
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 10}"#)
                return try client.request("GET", "/__sim/clock").json["data"]?["now"]
            }
        }
        #expect(now == "2026-11-21T12:00:10Z")
    }
}
