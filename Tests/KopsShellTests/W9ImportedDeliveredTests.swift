import KopsTestSupport
import Testing

/// tester66 W9: an outbound message with `kapso.origin: history_sync`, Kapso status `delivered` and no statuses was
/// "delivered, not read yet". The status came with the import and an imported copy gets no read receipt, so whether it
/// was read is not known (kapso-api.md §7.3: `history_sync` = imported history).
@Suite struct W9ImportedDeliveredTests {
    @Test func importedDeliveredHistoryDoesNotClaimNotReadYet() async throws {
        let run = try await runDemo(
            ["trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBU02AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501",
            seed: TestSeeds.file("tester66-window.seed.json"))[0]
        let verdict = run.out.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(!verdict.contains("not read yet"), "\(run.out)")
        #expect(verdict.contains("imported history (kapso.origin history_sync)"), "\(run.out)")
        #expect(verdict.contains("whether it was read is not known"), "\(run.out)")
    }
}
