import KopsTestSupport
import Testing

/// tester68b B9: a free-form send written `4155550206` that Meta completed into the contact's own +14155550206 and refused
/// with 131047 is weighed as one written E.164 is (Y2): main said "free-form replies go through".
@Suite struct B9MadeContactRefusalTests: PrintedLines {
    @Test func b9ARefusalOfTheContactsMadeNumberIsWeighed() async throws {
        let runs = try await runDemo(
            ["trace \(WrittenThenRefused.madeContact.inbound)", "conversation \(WrittenThenRefused.madeContact.conversation)"], number: nil,
            seed: WrittenThenRefused.seed, width: 3000)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("free-form replies go through"), "\(verdict)")
        #expect(verdict.contains("but Meta refused a free-form send to the contact at 2026-11-21T10:30:00Z (\(WrittenThenRefused.madeContact.send)) with 131047, counting the window closed then"), "\(verdict)")
        let window = Self.line("window:", in: runs[1].out)
        #expect(window.contains("but Meta refused a free-form send to the contact at 2026-11-21T10:30:00Z"), "\(window)")
    }
}
