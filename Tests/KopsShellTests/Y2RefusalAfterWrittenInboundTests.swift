import KopsTestSupport
import Testing

/// tester67 Y2 (seed `y2-written-then-refused.seed.json`, tester66 W2's seed with the contacts' 09:00 messages made a
/// text, a button reply and an image): each contact wrote at 2026-11-21T09:00Z and a free-form send to them at
/// 10:30–10:32Z failed with 131047. Session 66's W2 weighed the refusal only when a reaction opened the window; for any
/// other message `conversation` and the message's `trace` still said the window open and "free-form replies go
/// through". Both now say Meta's later refusal beside the window, with its time, as `reply` does.
@Suite struct Y2RefusalAfterWrittenInboundTests {
    static let seed = TestSeeds.file("y2-written-then-refused.seed.json")

    @Test(arguments: [("F", "202"), ("D", "201"), ("G", "203")])
    func aLaterRefusalIsSaidWhateverMessageOpenedTheWindow(_ contact: String, _ conversation: String) async throws {
        let message = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(contact)02AAAAAAAAAAAAAAAAAAAA="
        let runs = try await runDemo(
            ["trace \(message)", "conversation 0a1b2c3d-0000-4000-8000-000000000\(conversation)"],
            number: "100200300400501", seed: Self.seed, width: 400)
        let trace = runs[0].out
        #expect(!trace.contains("free-form replies go through"), "\(trace)")
        let verdict = trace.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(verdict.contains("but Meta refused a free-form send to the contact at 2026-11-21T10:3"), "\(trace)")
        #expect(verdict.contains("with 131047, counting the window closed then"), "\(trace)")
        let window = trace.split(separator: "\n").first { $0.hasPrefix("window:") } ?? ""
        #expect(window.contains("but Meta refused a free-form send"), "\(trace)")
        let line = runs[1].out.split(separator: "\n").first { $0.hasPrefix("window:") } ?? ""
        #expect(line.contains("but Meta refused a free-form send to the contact at 2026-11-21T10:3"), "\(runs[1].out)")
    }
}
