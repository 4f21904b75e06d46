import Foundation
import KopsTestSupport
import Testing

/// tester66b X4 (`Seeds/x4-mixed-ahead.seed.json`, the simulator's clock 2026-11-21T12:00Z): deliveries failed 500 at
/// 2026-12-06T18:52:18Z (15 d ahead), delivered 11:00, failed 503 10:00, delivered 2026-11-25T09:00 (3 d 21 h ahead),
/// delivered 11:30. `webhooks check` said "failing since 2026-12-06T18:52:18Z: the newest 1 failed (HTTP 500) …; the last
/// delivered at 2026-11-25T09:00:00Z", ordering by stamps its own note called unknown, and the last time bare. Now the
/// reading rests on the in-clock rows (the newest, 11:30, delivered) and the ahead ones are named, each time marked.
@Suite struct X4WebhooksCheckMixedAheadTests {
    static func check(_ seed: String) async throws -> String {
        let ran = try await runDemo(["webhooks check"], number: "100200300400501", seed: TestSeeds.file(seed), width: 2000)
        return ran[0].out + ran[0].err
    }

    @Test func theReadingRestsOnInClockDeliveriesAndNamesTheAheadOnes() async throws {
        let text = try await Self.check("x4-mixed-ahead.seed.json")
        let line = try #require(text.split(separator: "\n").first { $0.contains("stamped ahead of the API's clock") }, "\(text)")
        #expect(!text.contains("failing since 2026-12-06T18:52:18Z"), "\(line)")
        #expect(!line.contains("the newest 1 failed"), "\(line)")
        #expect(line.contains("1 of 3 deliveries failed in the last 7d"), "\(line)")
        #expect(line.contains("all 2 since were delivered, the newest at 2026-11-21T11:30:00Z"), "\(line)")
        #expect(line.contains("2 more are stamped ahead of the API's clock (2026-11-21T12:00:00Z)"), "\(line)")
        #expect(line.contains("this reading rests on the 3 stamped within it: 1 failed (HTTP 500), 1 delivered"), "\(line)")
        // Every ahead time is marked.
        for ahead in ["2026-12-06T18:52:18Z", "2026-11-25T09:00:00Z"] {
            let bare = text.components(separatedBy: ahead).dropFirst().filter { !$0.hasPrefix(" (") || !$0.contains("ahead of the API's clock") }
            #expect(bare.isEmpty, "\(ahead) bare in \(line)")
            #expect(text.components(separatedBy: ahead).dropFirst().allSatisfy { $0.hasPrefix(" (") }, "\(line)")
        }
    }

    @Test func failuresOnlyAmongAheadRowsAreNamedNotJudged() async throws {
        let text = try await Self.check("x4-ahead-failure-only.seed.json")
        let line = try #require(text.split(separator: "\n").first { $0.contains("stamped within the API's clock") }, "\(text)")
        #expect(line.contains("the 3 deliveries stamped within the API's clock were all delivered, the newest at 2026-11-21T11:30:00Z"), "\(line)")
        #expect(line.contains("1 failed (HTTP 500)"), "\(line)")
        #expect(!text.contains("failing since"), "\(text)")
    }
}
