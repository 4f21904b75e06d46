import KopsTestSupport
import Testing

/// tester61 AJ1: `errors` read one page (100) of a number's failed messages, counted "100+" under a footer saying the newest
/// 2000 failures of each source were read, dated FIRST by the oldest of that page, and the 150 not read came back as Meta's
/// log-search rows of the same two causes: "4 causes of 250+ failures" for 250 failures of 2 causes. The failed messages
/// are followed page by page through the period, as the API logs and deliveries are.
/// Seed: 250 failed sends of 100200300400501 from 05:51 to 10:00 on 2026-11-21, alternately 131047 and 131026 (the tester's
/// `many-failed.seed.json`, moved before the deterministic clock).
@Suite struct AJ1FailedMessagesPagedTests {
    @Test func everyFailedMessageOfThePeriodIsCountedOnce() async throws {
        let runs = try await runDemo(
            ["errors"], number: "100200300400501", seed: TestSeeds.file("aj1-many-failed.seed.json"))
        let out = runs[0].out
        // The footer is a hint, on standard error.
        let all = out + runs[0].err
        #expect(all.contains("2 causes of 250 failures in the last 30d"), "\(all)")
        #expect(!all.contains("250+") && !all.contains("100+") && !all.contains("50+"), "\(all)")
        #expect(!all.contains("a count marked + is at least"), "\(all)")
        let rows = out.split(separator: "\n").filter { $0.contains("message to 14155550171") }
        #expect(rows.count == 2, "\(out)")
        #expect(rows.allSatisfy { $0.hasPrefix("  125  message") }, "\(out)")
        // The first failure (05:51:00Z, 131047) is the FIRST of its row, not the oldest of one page.
        #expect(rows.contains { $0.contains("2026-11-21T05:51:0") && $0.contains("131047") }, "\(out)")
        // No log-search row repeats them.
        #expect(!out.contains("status failed of wamid"), "\(out)")
    }
}
