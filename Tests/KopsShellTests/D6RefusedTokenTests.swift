import KopsTestSupport
import Testing

/// tester69b D6: a refused Meta access token (a failed `token_validity`, or an access failure with Graph code 190 in
/// `details`) was not weighed: `trace` said "free-form replies go through" and `reply` warned nothing (or "may fail"),
/// while `health` said "its Meta access token was refused".
@Suite struct D6RefusedTokenTests: PrintedLines {
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: ["d6-token-validity.seed.json", "d6-access-token.seed.json"])
    func d6ARefusedTokenIsAReplyThatFails(_ seed: String) async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace \(Self.inbound)", "reply hi --to +14155550171 --dry-run"],
            number: "100200300400501", seed: TestSeeds.file(seed), width: 3000)
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(verdict.contains("more, but a reply from this number fails now: Support Line's health"), "\(verdict)")
        #expect(verdict.contains("access token"), "\(verdict)")
        #expect(!verdict.contains("free-form replies go through"), "\(verdict)")
        // `reply` refuses, as it does any number that sends nothing.
        #expect(runs[4].status != 0 && runs[4].err.contains("not sent: Support Line's health"), "\(runs[4].out)\(runs[4].err)")
    }
}
