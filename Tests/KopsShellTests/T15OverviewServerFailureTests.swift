import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53 T15 over loopback (demo simulator): parts of `overview` answered 503 are named as API failures, not as
/// Kapso's rate limit (kapso-api.md §1.5: 429 is the rate limit).
@Suite struct T15OverviewServerFailureTests {
    /// `overview` as a one-line script (its failure line is a script's stop line) with `faults` set first.
    static func overview(faults: String) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let outcome = ScriptRunner(path: "t.kops", source: "overview\n").run(on: shell)
            return (outcome.failedLines == [1], output.out, output.err)
        }
    }

    @Test(arguments: ["503:times=2", "500:times=2"])
    func aServerFailureIsNoRateLimit(_ faults: String) async throws {
        let status = faults.prefix(3)
        let ran = try await Self.overview(faults: faults)
        let all = ran.out + ran.err
        #expect(ran.failed, "\(all)")
        #expect(all.contains("not read (the API failed, \(status): see below)"), "\(all)")
        #expect(all.contains("not read (API failures): phone numbers"), "\(all)")
        #expect(!all.contains("rate-limited") && !all.contains("rate limits"), "\(all)")
    }

    @Test func aRateLimitIsStillOne() async throws {
        let ran = try await Self.overview(faults: "429:retry-after=1:times=4")
        let all = ran.out + ran.err
        #expect(all.contains("rate-limited, 429") || all.contains("rate limits"), "\(all)")
        #expect(!all.contains("API failures"), "\(all)")
    }
}
