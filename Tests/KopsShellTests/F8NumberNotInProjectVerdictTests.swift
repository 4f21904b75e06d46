import KopsTestSupport
import Testing

/// tester70 F8: a message received on a number no longer in the project (100200300400599, absent from `numbers`):
/// `trace` said "free-form replies go through" while `reply` a line later said a reply from it fails with 404. The
/// verdict says what `reply` says, once the project's numbers list shows the number absent.
@Suite struct F8NumberNotInProjectVerdictTests: PrintedLines {
    static let seed = TestSeeds.file("f8-gone.seed.json")
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBG01AAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: [[String](), ["numbers"], ["reply thanks --message \(inbound) --dry-run"]])
    func f8TheVerdictSaysAReplyFails(before: [String]) async throws {
        let runs = try await runDemo(["set on_error continue"] + before + ["trace \(Self.inbound)"], number: nil, seed: Self.seed, width: 3000)
        let verdict = Self.line("verdict:", in: runs.last?.out ?? "")
        #expect(verdict.contains(
            "but a reply from this number fails now: 100200300400599 is not a number of this project now (removed from it since, "
                + "or deleted or disconnected at Meta), so a reply from it fails with 404"), "\(verdict)")
        #expect(verdict.contains("'reply --to +14155550171'"), "\(verdict)")
        #expect(!verdict.contains("go through"), "\(verdict)")
    }

    /// A number of the project keeps its verdict.
    @Test func f8ANumberOfTheProjectIsNotSaidGone() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "numbers", "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH14AAAAAAAAAAAAAAAAAAAA="], number: nil,
            seed: Self.seed, width: 3000)
        let out = runs.last?.out ?? ""
        #expect(!out.contains("not a number of this project"), "\(out)")
        #expect(Self.line("verdict:", in: out).hasSuffix(": free-form replies go through"), "\(out)")
    }
}
