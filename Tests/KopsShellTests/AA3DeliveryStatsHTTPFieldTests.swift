import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56b AA3: `deliveries stats` counted a delivery whose `response_status` is null under HTTP "unreadable" because
/// its `attempt_count` was unreadable (`1.5`), while the list shows its HTTP as `none`. The HTTP breakdown reads the HTTP
/// field alone. Seed `tester54-delivery-offtype.seed.json` (V23DeliveryOffTypeValuesTests): the 08:00 row.
@Suite struct AA3DeliveryStatsHTTPFieldTests {
    @Test func aNullAnswerIsNoHTTPResponseWhateverTheAttemptCount() async throws {
        let ran = try await runDemo(
            ["deliveries stats", "deliveries"], number: nil, seed: V23DeliveryOffTypeValuesTests.seed, width: 2_000)
        // At a terminal (2,000 columns) the counts have bars beside them (AE2: drawn at any terminal): read without them.
        let stats = ran[0].out.split(separator: "\n").map {
            $0.split(separator: " ").filter { !$0.allSatisfy("█▏▎▍▌▋▊▉".contains) }.joined(separator: " ")
        }
        #expect(stats.contains("no HTTP response 1"), "\(ran[0].out)")
        // Only `response_status: -1` is an unreadable answer.
        #expect(stats.contains("unreadable 1"), "\(ran[0].out)")
        #expect(V23DeliveryOffTypeValuesTests.row(ran[1].out, "2026-11-21T08:00:00Z").dropFirst(3).first == "none", "\(ran[1].out)")
    }
}
