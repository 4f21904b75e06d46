import KopsTestSupport
import Testing

/// tester68b B5: a 131047 refusal WhatsApp also reported delivered is in doubt, and so is the window it would close: main
/// said flatly that Meta refused it, "counting the window closed then".
@Suite struct B5DeliveredRefusalTests: PrintedLines {
    @Test func b5ARefusalAlsoDeliveredLeavesTheWindowUncertain() async throws {
        let runs = try await runDemo(
            ["trace \(WrittenThenRefused.deliveredAfterRefusal.inbound)", "conversation \(WrittenThenRefused.deliveredAfterRefusal.conversation)"],
            number: nil, seed: WrittenThenRefused.seed, width: 3000)
        for line in [Self.line("verdict:", in: runs[0].out), Self.line("window:", in: runs[1].out)] {
            #expect(!line.contains("counting the window closed then"), "\(line)")
            #expect(line.contains("both failed with 131047 and delivered at 2026-11-21T10:30:30Z"), "\(line)")
            #expect(line.contains("whether the window had closed then is not certain"), "\(line)")
            #expect(!line.contains("free-form replies go through"), "\(line)")
        }
    }
}
