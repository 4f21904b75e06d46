import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56 Z4: a send to +14155550171 whose statuses name 14155550173, the number the contact moved to
/// (`user_changed_number` in the same conversation): the verdict says no "sent 0 s after sending" and names the move.
@Suite struct Z4OtherRecipientVerdictTests: PrintedLines {
    static let seed = TestSeeds.file("tester56-q.seed.json")
    static let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ05AAAAAAAAAAAAAAAAAAAA="

    @Test func theVerdictNamesTheMoveAndNoEmptyDelay() async throws {
        let runs = try await runDemo(["trace \(Self.id)"], number: "100200300400501", seed: Self.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("0 s after sending"), "\(verdict)")
        #expect(verdict.contains("not the message's recipient 14155550171"), "\(verdict)")
        #expect(verdict.contains("14155550173 is the number this contact moved to (user_changed_number"), "\(verdict)")
    }
}
