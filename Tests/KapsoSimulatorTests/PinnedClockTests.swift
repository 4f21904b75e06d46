import Foundation
import KapsoSimulator
import Testing

/// The clock modes `kops --demo` and `kops check` use so a demo session replays at the same instants.
@Suite struct PinnedClockTests {
    @Test func aPinnedClockHoldsTheSameSeedAndMovesOnlyWhenAdvanced() async throws {
        var options = SimulatorOptions(apiKey: "k", seed: .demo)
        options.sequentialIDs = true
        let live = try KapsoSimulator(options: options)
        options.pinnedClock = live.seededAt
        let pinned = try KapsoSimulator(options: options)
        try await Task.sleep(for: .milliseconds(50))
        let first = await pinned.now()
        await pinned.advanceClock(to: first + 2_500_000)
        #expect(first == live.seededAt, "a pinned clock starts where the recorded simulator seeded its data")
        #expect(pinned.seededAt == live.seededAt)
        #expect(await pinned.now() == live.seededAt + 2_500_000)
    }
}
