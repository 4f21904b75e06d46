import KopsTestSupport
import Testing

/// tester53b U11: `deliveries --webhook WRONG-ID --follow` printed "stopped after 0 polls: 0 new deliveries" above the one
/// line that mattered (a follow that never started), and `deliveries --status delivered --status failed` kept the last
/// status without a word.
@Suite struct U11DeliveriesWrongIDTests {
    @Test func aFollowThatNeverStartedPrintsNoClosingLine() async throws {
        let id = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b93"
        let ran = try await runDemo(["deliveries --webhook \(id) --follow --max-polls 1 --interval 1"])[0]
        #expect(ran.status == 1, "\(ran.out)\(ran.err)")
        #expect(!ran.out.contains("stopped after") && !ran.err.contains("stopped after"), "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("--webhook: \(id) is not"), "\(ran.err)")
    }

    @Test(arguments: [
        ("deliveries --status delivered --status failed", "--status delivered with --status failed", "status"),
        ("deliveries stats --event whatsapp.message.sent --event whatsapp.message.read", "--event whatsapp.message.sent with --event whatsapp.message.read", "event"),
    ])
    func twoDifferentValuesOfOneFilterAreRefused(line: String, value: String, counted: String) async throws {
        let ran = try await runDemo([line])[0]
        #expect(ran.status == 64, "\(ran.out)\(ran.err)")
        #expect(ran.out.isEmpty, "\(ran.out)")
        #expect(ran.err.hasPrefix("error: deliveries: invalid combination '\(value.prefix(16))"), "\(ran.err)")
        #expect(ran.err.contains("'; expected one --\(counted): Kapso's filter takes one value"), "\(ran.err)")
    }

    @Test func theSameValueTwiceIsOneFilter() async throws {
        let ran = try await runDemo(["deliveries --status failed --status failed --period 30d --limit 1"])[0]
        #expect(ran.status == 0, "\(ran.out)\(ran.err)")
    }
}
