import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct HealthLimitTests {
    private let health = "\(platform)/whatsapp/phone_numbers/100200300400501/health"

    @Test func limiter_AllowsFivePerSecond() {
        var limiter = HealthLimiter()
        let decisions = (0..<6).map { _ in limiter.admit(at: 2_300_000) }
        #expect(decisions.prefix(5).allSatisfy { $0.allowed })
        #expect(decisions.map(\.secondRemaining) == [4, 3, 2, 1, 0, 0])
        #expect(decisions[5] == HealthLimiter.Decision(allowed: false, secondRemaining: 0, minuteRemaining: 55, retryAfter: 1))
        #expect(limiter.admit(at: 3_000_000).allowed)
    }

    @Test func limiter_AllowsSixtyPerMinute_ThenSaysWhenTheMinuteEnds() {
        var limiter = HealthLimiter()
        for second in 0..<12 {
            for _ in 0..<5 { #expect(limiter.admit(at: Int64(second) * 1_000_000).allowed) }
        }
        let refused = limiter.admit(at: 12_500_000)
        #expect(!refused.allowed)
        #expect(refused.minuteRemaining == 0)
        #expect(refused.retryAfter == 48)
        #expect(limiter.admit(at: 60_000_000).allowed)
    }

    @Test func decisionHeaders_NameEveryLimit() {
        var limiter = HealthLimiter()
        let names = limiter.admit(at: 0).headers.map(\.name)
        #expect(names == [
            "X-Health-RateLimit-Second-Limit", "X-Health-RateLimit-Second-Remaining", "X-Health-RateLimit-Minute-Limit",
            "X-Health-RateLimit-Minute-Remaining",
        ])
    }

    /// Five checks per round, the clock advanced 2 s between rounds (so no two rounds share a second window
    /// even when real time ticks over mid-round), use up the minute.
    @Test func endpoint_Answers429WithContractBodyAndRetryAfter_AfterSixtyChecks() async throws {
        let (allowed, refused, afterMinute) = try await withSimulator(deterministic: false) { simulator in
            try await requests(to: simulator) { client in
                var allowed: [LoopbackClient.Response] = []
                for round in 0..<12 {
                    for _ in 0..<5 { allowed.append(try client.request("GET", health)) }
                    if round < 11 { _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 2}"#) }
                }
                let refused = try client.request("GET", health)
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 60}"#)
                return (allowed, refused, try client.request("GET", health))
            }
        }
        #expect(allowed.allSatisfy { $0.status == 200 })
        #expect(allowed.last?.header("x-health-ratelimit-minute-remaining") == "0")
        #expect(refused.status == 429)
        try expectShape(of: refused.json, like: "platform_error.429.json")
        #expect(refused.json["error"] == "Rate limit exceeded")
        #expect(Int(refused.header("retry-after") ?? "") ?? 0 >= 1)
        #expect(refused.header("x-health-ratelimit-minute-remaining") == "0")
        #expect(refused.header("x-health-ratelimit-second-limit") == "5")
        #expect(afterMinute.status == 200)
    }

    /// Back-to-back checks are refused soon, however slow the machine: no run of 200 fits under both 5/s and
    /// 60/min. (The exact counts are the limiter tests' above, with explicit times.)
    @Test func endpoint_RefusesABurst() async throws {
        let refused = try await withSimulator(deterministic: false) { simulator in
            try await requests(to: simulator) { client -> LoopbackClient.Response? in
                for _ in 0..<200 {
                    let response = try client.request("GET", health)
                    if response.status == 429 { return response }
                }
                return nil
            }
        }
        let response = try #require(refused)
        #expect(Int(response.header("retry-after") ?? "") ?? 0 >= 1)
        #expect(response.header("x-health-ratelimit-second-remaining") == "0"
            || response.header("x-health-ratelimit-minute-remaining") == "0")
    }

    /// Deterministic mode counts windows on the simulated clock and the limiter's own waits, never real time: a
    /// check past the limit waits out its window on the limiter's time (a client honouring Retry-After), so a replay
    /// never meets a 429 and always sees the same times, however fast it runs; the clock itself stays (tester67 Y8).
    @Test func deterministic_WaitsOutTheWindowOnTheLimitersTime() async throws {
        let (statuses, dates, clock) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                var statuses: [Int] = []
                var dates: [String] = []
                for _ in 0..<12 {
                    let response = try client.request("GET", health)
                    statuses.append(response.status)
                    dates.append(response.header("date") ?? "")
                }
                return (statuses, dates, try client.request("GET", "/__sim/clock").json["data"]?["now"])
            }
        }
        #expect(statuses == Array(repeating: 200, count: 12))
        // Checks 6 and 11 each wait out one second window, on the limiter's time only.
        #expect(dates.allSatisfy { $0 == "Sat, 21 Nov 2026 12:00:00 GMT" })
        #expect(clock == "2026-11-21T12:00:00Z")
    }

    @Test func deterministic_MinuteLimitWaitsWithoutMovingTheClock() async throws {
        let dates = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                try (0..<61).map { _ in try client.request("GET", health) }.map { ($0.status, $0.header("date") ?? "") }
            }
        }
        #expect(dates.allSatisfy { $0.0 == 200 })
        // 60 checks fill 12 one-second windows (11 waits); the 61st waits for the minute to end: none moves the clock.
        #expect(dates.allSatisfy { $0.1 == "Sat, 21 Nov 2026 12:00:00 GMT" })
    }

    @Test func result_IsCachedForThreeMinutesPerNumber() async throws {
        let timestamps = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> [JSONValue?] in
                var timestamps = [try client.request("GET", health).json["timestamp"]]
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 179}"#)
                timestamps.append(try client.request("GET", health).json["timestamp"])
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 1}"#)
                timestamps.append(try client.request("GET", health).json["timestamp"])
                return timestamps
            }
        }
        #expect(timestamps == ["2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z", "2026-11-21T12:03:00Z"])
    }
}
