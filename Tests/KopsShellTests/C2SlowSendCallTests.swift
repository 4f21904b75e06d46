import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C2: `trace` matched a send's API call by the row's `created_at` within 5 s of the message, so a call answered
/// in 8.8 s (its row stamped 9 s after the message, as a row written after the answer is) was "no send call with this
/// project's keys at that time (sent from the inbox or another project?)", sending on-call to the wrong place. A row's
/// span is its `created_at` less its own `response_time_ms`. Seed: the tester's (mk18.py).
@Suite struct C2SlowSendCallTests {
    static let seed = TestSeeds.file("c2-slow-send-call.seed.json")

    private func trace(_ n: String) async throws -> String {
        try await runDemo(["trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(n)AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501", seed: Self.seed, width: 300)[0].out
    }

    @Test func aCallAnsweredSlowlyIsTheSendsCall() async throws {
        let slow = try await trace("U02")
        #expect(slow.contains("API calls: 1"), "\(slow)")
        #expect(slow.contains(" 8800 "), "\(slow)")
        #expect(!slow.contains("no send call with this project's keys"), "\(slow)")
        let slower = try await trace("U03")
        #expect(slower.contains("API calls: 1"), "\(slower)")
        #expect(slower.contains(" 30500 "), "\(slower)")
    }

    @Test func aQuickCallStillMatchesByItsTime() async throws {
        let quick = try await trace("U01")
        #expect(quick.contains("API calls: 1"), "\(quick)")
        #expect(!quick.contains(" 8800 "), "\(quick)")
    }
}
