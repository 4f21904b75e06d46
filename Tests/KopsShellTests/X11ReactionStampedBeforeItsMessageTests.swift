import KopsTestSupport
import Testing

/// tester66b X11 (`Seeds/x11-reaction-before.seed.json`): a 👍 stamped 2026-11-21T10:02:00Z reacts to a send made at
/// 10:31. The send's trace says "one of the two times is wrong", but the reaction's own trace stated "received:
/// 2026-11-21T10:02:00Z", "window: opened by this message until 2026-11-22T10:02:00Z (open now)" and a verdict flat. Now
/// the reaction's trace names the later send beside its time, and its window and verdict are hedged the same way.
@Suite struct X11ReactionStampedBeforeItsMessageTests {
    static let reaction = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBF02AAAAAAAAAAAAAAAAAAAA="
    static let send = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBF03AAAAAAAAAAAAAAAAAAAA="

    static func field(_ name: String, in text: String) -> Substring? {
        text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
    }

    @Test func theReactionsTraceHedgesItsTimeAndWindow() async throws {
        let ran = try await runDemo(["trace \(Self.reaction)"], number: nil, seed: TestSeeds.file("x11-reaction-before.seed.json"), width: 3000)
        let text = ran[0].out + ran[0].err
        let stamped = "stamped 29 min before the message it reacts to (\(Self.send), sent 2026-11-21T10:31:00Z): one of the two times is wrong"
        let received = try #require(Self.field("received", in: text), "\(text)")
        #expect(received.contains("2026-11-21T10:02:00Z (" + stamped + ")"), "\(received)")
        let window = try #require(Self.field("window", in: text), "\(text)")
        #expect(window.contains("opened by this message until 2026-11-22T10:02:00Z"), "\(window)")
        #expect(window.contains("this reaction is " + stamped + ": if its own time is the wrong one, it came later"), "\(window)")
        let verdict = try #require(Self.field("verdict", in: text), "\(text)")
        #expect(verdict.contains("this reaction is " + stamped), "\(verdict)")
    }

    @Test func theSendsTraceStillSaysIt() async throws {
        let ran = try await runDemo(["trace \(Self.send)"], number: nil, seed: TestSeeds.file("x11-reaction-before.seed.json"), width: 3000)
        #expect((ran[0].out + ran[0].err).contains("29 min before this message was sent: one of the two times is wrong"), "\(ran[0].out)")
    }
}
