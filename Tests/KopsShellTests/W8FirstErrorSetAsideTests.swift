import KopsTestSupport
import Testing

/// tester66 W8: a failed status with `errors: [131000 Something went wrong, 131016 Service unavailable]` led with
/// 131016 ("failed: 131016 (service unavailable) (also 131000)") without saying why, although kapso-api.md §7.3 reads a
/// failure from `errors[0].code`. kops keeps the specific code as the cause (probe5 P5-12: Meta's generic 131000 beside a
/// specific code) and now says that 131000 was listed first and why it was set aside.
@Suite struct W8FirstErrorSetAsideTests {
    @Test func theVerdictSaysWhyTheFirstEntryWasSetAside() async throws {
        let run = try await runDemo(
            ["trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBT43AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501",
            seed: TestSeeds.file("tester66-shapes.seed.json"))[0]
        let verdict = run.out.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(verdict.contains("131016"), "\(run.out)")
        #expect(
            verdict.contains("(also 131000, listed first: 131000 is Meta's generic \"something went wrong\", so the specific code "
                + "beside it is read as the cause)"), "\(run.out)")
    }
}
