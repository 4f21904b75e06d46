import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester49 F3 on its seed (`Tests/Seeds/tester49-retry.seed.json`: one kapso webhook whose 40 deliveries of 5 days were
/// each delivered with 200 after 2 or 3 attempts, 10 or 50 s after creation): `webhooks check` said "0 errors,
/// 0 warnings, 0 info" and `deliveries stats` "0 %" with no word of the retries.
@Suite struct RetriedDeliveriesShellTests {
    @Test func checkWarnsAndStatsCountTheRetries() async throws {
        let runs = try await runDemo(
            ["webhooks check", "deliveries stats --period 7d", "output json", "deliveries stats --period 7d"],
            number: "100200300400501", seed: TestSeeds.file("tester49-retry.seed.json"), width: 2_000)
        #expect(runs[0].out.contains("0 errors, 1 warning"), "\(runs[0].out)")
        #expect(runs[0].out.contains("40 of 40 deliveries delivered in the last 7d needed a retry (2–3 attempts"), "\(runs[0].out)")
        #expect(runs[0].out.contains("X-Idempotency-Key"), "\(runs[0].out)")
        let table = runs[1].out
        #expect(table.contains("RETRIED"), "\(table)")
        #expect(table.range(of: #"hooks\.example\.com/slow\s+40\s+0\s+0\s+40\s+0 %"#, options: .regularExpression) != nil, "\(table)")
        #expect((runs[1].out + runs[1].err).contains("RETRIED: delivered, but after more than one attempt"), "\(runs[1].err)")
        #expect(runs[3].out.contains(#""delivered_after_retry": 40"#), "\(runs[3].out)")
    }
}
