import KapsoSimulator
import KopsTestSupport
import Testing

/// tester67 Y9: on the real-world message-shapes seed, `message` of H11 (the unsupported inbound with 131051) ended "the
/// 24-hour window is open for 22 h 11 min more: free-form replies go through", while `trace` of it said "'reply' to this
/// number refuses without --force: the contact changed their number to +14155550173", and `reply` right after `message
/// H11` refused. `message` now reads the contact's move as `trace` does, so its verdict says what `reply` does next.
@Suite struct Y9MessageVerdictNumberChangeTests: PrintedLines {
    static let seed = TestSeeds.file("y9-message-shapes-real-world.seed.json")
    static let h11 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH11AAAAAAAAAAAAAAAAAAAA="

    @Test func messageSaysTheNumberChangeAsTraceDoes() async throws {
        let runs = try await runDemo(["message \(Self.h11)", "trace \(Self.h11)"], number: "100200300400501", seed: Self.seed)
        let message = Self.line("verdict:", in: runs[0].out)
        let trace = Self.line("verdict:", in: runs[1].out)
        #expect(trace.contains("refuses without --force"), "\(trace)")
        #expect(message.contains("'reply' to this number refuses without --force: the contact changed their number to +14155550173"), "\(message)")
        #expect(!message.hasSuffix("free-form replies go through"), "\(message)")
    }
}
