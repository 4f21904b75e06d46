import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52 K16: a failed send of imported history (`kapso.origin: history_sync`) got live advice in `trace`'s timeline
/// (`fix: send an approved template`) and in `errors` ("check the number…", "send an approved template"), under a verdict
/// that says there is nothing to retry. Seed `tester52-k16-imported.seed.json`: N01 failed 131047, N02 failed 131026.
@Suite struct K16ImportedFailureAdviceTests {
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    @Test func everyReaderSaysThereIsNothingToRetry() async throws {
        let ran = try await runDemo(
            ["trace \(Self.wamid("N01"))", "trace \(Self.wamid("N02"))", "errors --flat", "errors"], number: "100200300400501",
            seed: TestSeeds.file("tester52-k16-imported.seed.json"), width: 2_000)
        #expect(ran.map(\.status) == [0, 0, 0, 0], "\(ran.map(\.err))")
        for run in ran.prefix(2) {
            #expect(run.out.contains("  fix:     nothing to retry from here: imported history"), "\(run.out)")
            #expect(!run.out.contains("send an approved template"), "\(run.out)")
            #expect(!run.out.contains("check the number is correct"), "\(run.out)")
        }
        for run in ran.suffix(2) {
            #expect(run.out.components(separatedBy: "nothing to retry from here: imported history").count == 3, "\(run.out)")
            #expect(!run.out.contains("send an approved template"), "\(run.out)")
        }
    }
}
