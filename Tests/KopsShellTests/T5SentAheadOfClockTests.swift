import KopsTestSupport
import Testing

/// tester71 T5: an outbound message stamped 2 h ahead of the API's clock got the verdict "sent 2 h ago, no delivery report
/// yet" (a warning that makes an operator resend) while its own `sent:` line said its time was unreadable: the age's sign
/// was dropped. Such a message is now "sent at an unknown time (stamped 2 h ahead of the API's clock …)".
/// Seed `t5-sent-ahead-of-clock.seed.json` (tester71's k71-time2): F05 stamped 14:00Z, F07 12:10Z; the clock 12:00Z.
@Suite struct T5SentAheadOfClockTests {
    static let seed = TestSeeds.file("t5-sent-ahead-of-clock.seed.json")

    @Test(arguments: [("F05", "2 h"), ("F07", "10 min")])
    func aSendStampedAheadHasNoAge(message: String, ahead: String) async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(message)AAAAAAAAAAAAAAAAAAAA="
        let ran = try await runDemo(["trace \(wamid)"], number: "100200300400501", seed: Self.seed, width: 300)[0]
        #expect(ran.out.contains("verdict: sent at an unknown time (stamped \(ahead) ahead of the API's clock"), "\(ran.out)\(ran.err)")
        #expect(!ran.out.contains("verdict: sent \(ahead) ago"), "\(ran.out)")
    }
}
