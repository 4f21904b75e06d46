import KapsoDiagnostics
import KopsTestSupport
import Testing

/// tester70b G7: when only the number's health says it cannot send (messaging BLOCKED, an access token refused with 190,
/// a failed `token_validity`: Kapso's record says CONNECTED), `trace` and `conversation` said "free-form replies go
/// through" before any health read and "fails now" after one, while `reply` (which reads health itself) refused. They
/// read health as `reply` does (once a session), so every order gives one verdict; a health read that fails is hedged.
@Suite struct G7HealthOnlyBlockerOrderTests: PrintedLines {
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="
    static let conversation = "0a1b2c3d-0000-4000-8000-000000000171"

    @Test(arguments: ["c1-messaging-blocked.seed.json", "d6-access-token.seed.json", "d6-token-validity.seed.json"])
    func g7OneVerdictInEitherOrder(seed: String) async throws {
        let first = try await runDemo(
            ["set on_error continue", "use 100200300400501", "trace \(Self.inbound)", "conversation \(Self.conversation)",
             "reply hi --to +14155550171 --dry-run"],
            number: "100200300400501", seed: TestSeeds.file(seed), width: 3000)
        let after = try await runDemo(
            ["set on_error continue", "use 100200300400501", "reply hi --to +14155550171 --dry-run", "trace \(Self.inbound)",
             "conversation \(Self.conversation)"],
            number: "100200300400501", seed: TestSeeds.file(seed), width: 3000)
        let verdict = Self.line("verdict:", in: first[2].out)
        #expect(verdict.contains("but a reply from this number fails now: "), "\(seed): \(verdict)")
        #expect(!verdict.contains("go through"), "\(seed): \(verdict)")
        #expect(verdict == Self.line("verdict:", in: after[3].out), "\(seed)")
        let window = Self.line("window:", in: first[3].out)
        #expect(window.contains("but a reply from this number fails now: "), "\(seed): \(window)")
        #expect(window == Self.line("window:", in: after[4].out), "\(seed)")
        // `reply` refuses on the same state the verdict names.
        #expect(first[4].status != 0 && after[2].status != 0, "\(seed): \(first[4].err)")
    }

    /// A health read asked for and not read: whether a send goes is said to be unknown, never "go through".
    @Test func g7AnUnreadHealthIsHedged() {
        let replies = SenderState.Replies(id: "100200300400501", name: nil, record: nil, health: nil, unreadBecause: "HTTP 503")
        #expect(!replies.freeFormKnownToGo)
        #expect(
            replies.clause(for: .freeForm) == ", but whether a reply from this number goes through now is not known: health not "
                + "read (HTTP 503): 'health 100200300400501' says whether the number can send")
        let known = SenderState.Replies(id: "100200300400501", name: nil, record: nil, health: nil)
        #expect(known.freeFormKnownToGo && known.clause(for: .freeForm).isEmpty)
    }
}
