import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C1: `trace` of a received message ended "the 24-hour window is open for 23 h 4 min more: free-form replies go
/// through" on a number that sends nothing, though the session had just read it so (`health`: messaging BLOCKED by 141010;
/// `numbers`: Kapso's record DISCONNECTED) and `reply` one line later refused; a 131047's "send an approved template" stood
/// on a number whose 141006 block refuses exactly that template. Seeds: the tester's (`/work/wt/tester69-inputs`, mk21.py).
@Suite struct C1NumberThatCannotSendTests {
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="
    static let refused = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBY01AAAAAAAAAAAAAAAAAAAA="

    @Test func aBlockedNumbersOpenWindowIsNoReplyThatGoesThrough() async throws {
        let ran = try await runDemo(
            ["health", "trace \(Self.inbound)"], number: "100200300400501", seed: TestSeeds.file("c1-messaging-blocked.seed.json"), width: 400)
        let trace = ran[1].out
        #expect(trace.contains("verdict: received; the 24-hour window is open for 23 h 4 min more, but a reply from this number fails now: "), "\(trace)")
        #expect(trace.contains("says messaging is BLOCKED (BUSINESS: 141010"), "\(trace)")
        #expect(!trace.contains("free-form replies go through"), "\(trace)")
    }

    @Test func aSessionThatReadNoHealthReadsItAsReplyDoes() async throws {
        // Nothing read of the number's state yet: `trace` reads its health as `reply` does (tester70b G7; before, the
        // verdict was the window's alone, "free-form replies go through").
        let ran = try await runDemo(["trace \(Self.inbound)"], number: "100200300400501", seed: TestSeeds.file("c1-messaging-blocked.seed.json"), width: 400)
        #expect(ran[0].out.contains("more, but a reply from this number fails now: "), "\(ran[0].out)")
        #expect(!ran[0].out.contains("free-form replies go through"), "\(ran[0].out)")
    }

    @Test func aDisconnectedRecordIsSaidInTheVerdict() async throws {
        let ran = try await runDemo(
            ["numbers", "trace \(Self.inbound)"], number: "100200300400501", seed: TestSeeds.file("c1-disconnected.seed.json"), width: 400)
        let trace = ran[1].out
        // Kapso's record, and the health `trace` reads (tester70b G7), which confirms it: certain.
        #expect(trace.contains("more, but a reply from this number fails now: "), "\(trace)")
        #expect(trace.contains("DISCONNECTED"), "\(trace)")
        #expect(!trace.contains("free-form replies go through"), "\(trace)")
    }

    @Test func aTemplateAdviceOnA141006BlockSaysTheTemplateFails() async throws {
        let ran = try await runDemo(
            ["health", "trace \(Self.refused)"], number: "100200300400501", seed: TestSeeds.file("c1-payment-141006.seed.json"), width: 400)
        let trace = ran[1].out
        #expect(trace.contains("send an approved template with 'reply --template NAME'; but a template from this number may fail: "), "\(trace)")
        #expect(trace.contains("141006"), "\(trace)")
    }
}
