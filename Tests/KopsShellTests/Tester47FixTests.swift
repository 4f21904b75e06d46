import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// Tester47's findings over loopback on the demo simulator (or the seed named): each view says what it read, with
/// nothing dropped silently.
@Suite struct Tester47FixTests: PrintedLines {
    /// F13: `numbers` sends the reader to `health NUMBER` for the webhook_verified reading; `health` gives it whichever
    /// check leads (on the demo, messaging_health leads and Sales Line has inbound messages on record).
    @Test func healthExplainsEveryFailingCheckNotOnlyTheLeadingOne() async throws {
        let runs = try await runDemo(["numbers", "health 100200300400502"], number: nil)
        #expect((runs[0].out + runs[0].err).contains("'health 100200300400502' reads whether inbound has come and what to do"), "\(runs[0].err)")
        let health = runs[1].out
        #expect(Self.line("needs attention:", in: health) == "needs attention: messaging_health", "\(health)")
        let lines = health.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let also = try #require(lines.firstIndex(of: "also failing: webhook_verified"), "\(health)")
        #expect(lines[also + 1].hasPrefix("  cause: Meta has not marked the webhook verified") && lines[also + 1].contains("yet inbound messages reached Kapso"), "\(health)")
        #expect(lines[also + 2].hasPrefix("  fix:   another message will not change it"), "\(health)")
    }
}
