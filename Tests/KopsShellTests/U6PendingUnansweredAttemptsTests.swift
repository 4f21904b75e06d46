import KapsoSimulator
import KopsTestSupport
import Testing

/// tester64b U6 (`Seeds/u6-pending-unanswered.seed.json`: 4 deliveries `pending`, `response_status` null, `attempt_count`
/// 4): `deliveries stats` said PENDING AFTER FAILURE 0 and FAILURE RATE 0 % beside its own "no HTTP response 4", and
/// `webhooks check` said "no failure points at the receiver: report … to Kapso support". An attempt that got no answer
/// (a timeout, a refused connection, TLS) is a failed attempt: counted. `webhooks check` no longer says no failure points at
/// the receiver.
@Suite struct U6PendingUnansweredAttemptsTests {
    static let seed = TestSeeds.file("u6-pending-unanswered.seed.json")

    @Test func statsCountThemPendingAfterFailure() async throws {
        let ran = try await runDemo(["deliveries stats", "deliveries stats --output json"], number: "100200300400501", seed: Self.seed, width: 300)
        let row = try #require(ran[0].out.split(separator: "\n").first { $0.contains("hooks.example.test/r") }, "\(ran[0].out)")
        let cells = row.split(separator: " ")
        // TOTAL FAILED PENDING-AFTER-FAILURE FAILURE-RATE: 4 0 4 100 %
        #expect(Array(cells.suffix(5)) == ["4", "0", "4", "100", "%"], "\(row)")
        #expect(ran[1].out.contains(#""pending_after_failed_attempt": 4"#), "\(ran[1].out)")
    }

    @Test func checkDoesNotSayNoFailurePointsAtTheReceiver() async throws {
        let ran = try await runDemo(["webhooks check"], number: "100200300400501", seed: Self.seed, width: 400)
        let said = ran[0].out + ran[0].err
        #expect(!said.contains("no failure points at the receiver"), "\(said)")
        #expect(said.contains("its earlier deliveries failed (their last attempts, named in this check)"), "\(said)")
    }
}
