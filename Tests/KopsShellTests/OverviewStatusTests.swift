import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe20 P20-8: `overview` exits as `health` does (`HealthTriage.fails`): 1 when `health` exits 1 for any of its
/// numbers, 0 when for none. It exited 0 with the demo's degraded Sales Line in its table.
@Suite struct OverviewStatusTests {
    static func file(_ name: String) -> SimulatorSeed { TestSeeds.file("\(name).seed.json") }

    /// The seed and the status overview must end with: the demo (Sales Line degraded), one healthy number (scale:3), a
    /// healthy number whose only webhook for its messages is paused (webhook-autopause), and BANNED, app-limited and
    /// not-known numbers (number-states).
    static let cases: [(SimulatorSeed, Int32)] = [
        (.demo, 1), (.scale(3), 0), (file("webhook-autopause"), 1), (file("number-states"), 1),
    ]

    @Test(arguments: cases)
    func overviewFailsExactlyWhenHealthFailsForOneOfItsNumbers(seed: SimulatorSeed, expected: Int32) async throws {
        let listed = try await runDemo(["overview --output json"], number: nil, seed: seed)[0]
        let ids = try JSONValue.parse(listed.out)["phone_numbers"]?.array?.compactMap { $0["id"]?.string } ?? []
        try #require(!ids.isEmpty, "\(listed.err)")
        let runs = try await runDemo(["overview"] + ids.map { "health \($0)" }, number: nil, seed: seed)
        let healths = runs.dropFirst().map(\.status)
        #expect(healths.allSatisfy { $0 == 0 || $0 == 1 }, "\(runs.map(\.err))")
        #expect(runs[0].status == (healths.contains(1) ? 1 : 0), "\(ids) \(healths)")
        #expect(runs[0].status == expected)
        #expect(listed.status == expected, "the same status under --output json")
    }
}
