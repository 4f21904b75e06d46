import KopsTestSupport
import Testing

/// tester66 W2: contact F wrote at 2026-11-20T04:00Z, reacted 👍 at 2026-11-21T09:00Z, and a free-form send to them at
/// 10:31Z failed with 131047. `trace` of the reaction said "window: opened by this message until … (open now)" and
/// "verdict: received; the 24-hour window is open for 21 h more: free-form replies go through", while `conversation` and
/// `reply` said closed since 04:00 (the refusal shows the reaction opened nothing). One rule reads the window for every
/// command (`ContactWindow.evidence(of:)`). Without the refusal, `trace` hedges the reaction as `conversation` does.
@Suite struct W2ReactionWindowOneRuleTests {
    static let reaction = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBF02AAAAAAAAAAAAAAAAAAAA="

    @Test func aRefusedSendAfterTheReactionClosesTheWindowInTraceToo() async throws {
        let runs = try await runDemo(
            ["trace \(Self.reaction)", "conversation 0a1b2c3d-0000-4000-8000-000000000202", "reply --to +14155550202 --dry-run hello"],
            number: "100200300400501", seed: TestSeeds.file("tester66-window2.seed.json"))
        let trace = runs[0].out
        #expect(!trace.contains("free-form replies go through"), "\(trace)")
        #expect(!trace.contains("(open now)"), "\(trace)")
        let verdict = trace.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(verdict.contains("refused with 131047 after it, so it did not"), "\(trace)")
        #expect(verdict.contains("the contact last wrote at 2026-11-20T04:00:00Z, and that window closed 8 h ago"), "\(trace)")
        let window = trace.split(separator: "\n").first { $0.hasPrefix("window:") } ?? ""
        #expect(window.contains("closed since 2026-11-21T04:00:00Z"), "\(trace)")
        // The other commands already said closed; they still do.
        #expect(runs[1].out.contains("closed since 2026-11-21T04:00:00Z"), "\(runs[1].out)")
        #expect(runs[2].status != 0 && runs[2].err.contains("closed at 2026-11-21T04:00:00Z"), "\(runs[2].err)")
    }

    @Test func aReactionAloneIsHedgedAsConversationHedgesIt() async throws {
        let runs = try await runDemo(
            ["trace \(Self.reaction)", "conversation 0a1b2c3d-0000-4000-8000-000000000202"],
            number: "100200300400501", seed: TestSeeds.file("tester66-reaction-only.seed.json"))
        let trace = runs[0].out
        let verdict = trace.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(verdict.contains("which kops counts as the contact writing (Meta documents nothing either way)"), "\(trace)")
        let window = trace.split(separator: "\n").first { $0.hasPrefix("window:") } ?? ""
        #expect(window.contains("which kops counts as the contact writing (Meta documents nothing either way)"), "\(trace)")
        #expect(runs[1].out.contains("which kops counts as the contact writing (Meta documents nothing either way)"), "\(runs[1].out)")
    }
}
