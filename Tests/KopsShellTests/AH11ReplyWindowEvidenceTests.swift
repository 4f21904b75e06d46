import KopsTestSupport
import Testing

/// tester60 AH11: `reply`'s window check ignored what the contact's own sends prove, which `trace` reads (pinned now
/// 2026-11-21T12:00Z). Dana (447700900005) last wrote 2026-11-20T07:00Z, but a free-form send to her at 10:00Z (2 h ago)
/// was delivered: `reply` refused "closed … so free-form messages fail with 131047" while `trace` said open when sent.
/// Beatriz (447700900002) wrote at 09:00Z, but Meta refused a free-form send to her at 11:00Z with 131047: `reply` sent
/// without a word. Both now weigh the send as `trace` does (`SendProof`, `ContactWindow.weighing`): a hedge, no refusal.
@Suite struct AH11ReplyWindowEvidenceTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")

    @Test func aDeliveredSendAfterTheWindowClosedIsAHedgeNotARefusal() async throws {
        let run = try await runDemo(["reply --to +447700900005 --dry-run hello"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(!said.contains("closed at 2026-11-21T07:00:00Z (5 h ago), so free-form messages fail"), "\(said)")
        #expect(said.contains("is unknown: kops's reading of the contact's messages says closed since 2026-11-21T07:00:00Z"), "\(said)")
        #expect(said.contains("but a free-form send to the contact at 2026-11-21T10:00:00Z"), "\(said)")
        #expect(said.contains("was delivered, and Meta delivers a free-form message only inside the window"), "\(said)")
        #expect(said.contains("may be open until 2026-11-22T10:00:00Z at the latest"), "\(said)")
        #expect(run.out.contains(#""to": "447700900005""#), "\(run.out)")
    }

    @Test func aSendMetaRefusedSinceTheLastInboundIsSaidBeforeSendingAgain() async throws {
        let run = try await runDemo(["reply --to +447700900002 --dry-run hello"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(said.contains("but Meta refused a free-form send to the contact at 2026-11-21T11:00:00Z"), "\(said)")
        #expect(said.contains("with 131047, counting the window closed then"), "\(said)")
        // trace's own reading of that refusal (MessageVerdict.RefusedInOpenWindow), not a copy of it.
        #expect(said.contains("the contact's last inbound here was 2 h before the send: check that inbound reached this same number"), "\(said)")
    }

    /// A refusal that agrees with kops's reading (the window closed, the last send refused with 131047) still refuses.
    @Test func evidenceThatSaysClosedStillRefuses() async throws {
        let run = try await runDemo(["reply --to +447700900001 --dry-run hello"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status != 0)
        #expect(run.err.contains("the 24-hour window with"), "\(run.err)")
        #expect(run.err.contains("so free-form messages fail with 131047"), "\(run.err)")
    }
}
