import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52: `errors` sorted its entries by the ISO text of their times, so `…:05.900Z` came after `…:05Z` and
/// `12:30:00+02:00` (10:30Z) before 11:20Z. Seed `tester52-errors-order.seed.json`: API calls 1 (11:00:05Z), 2 (11:00:05.900Z),
/// 3 (12:30:00+02:00) and 4 (11:20:00Z); newest first is 4, 2, 1, 3.
@Suite struct ErrorsTimeOrderTests {
    @Test func entriesAreNewestFirstByTheInstant() async throws {
        let ran = try await runDemo(
            ["errors --flat --source api"], number: nil, seed: TestSeeds.file("tester52-errors-order.seed.json"), width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        let order = ran[0].out.split(separator: "\n").compactMap { line in
            line.range(of: "Invalid parameter ").map { String(line[$0.upperBound...].prefix(1)) }
        }
        #expect(order == ["4", "2", "1", "3"], "\(ran[0].out)")
    }
}
