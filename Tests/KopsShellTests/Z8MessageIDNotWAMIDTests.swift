import KopsTestSupport
import Testing

/// tester56 Z8 (residual): a message Kapso lists whose id is no WAMID (a UUID-shaped id; the tester's `uuidmsg` seed):
/// `trace ID` and `message ID` said "invalid message id …; expected a WAMID starting with 'wamid.'" of what `messages`
/// printed. The id is asked for before any refusal; a UUID that is no message keeps its wrong-kind answer.
@Suite struct Z8MessageIDNotWAMIDTests {
    static let seed = TestSeeds.file("tester56-uuidmsg.seed.json")
    static let id = "9f8e7d6c-5b4a-4321-8fed-cba987654321"

    @Test(arguments: ["message", "trace"])
    func aListedMessageWithAUUIDIsShown(_ command: String) async throws {
        let run = try await runDemo(["\(command) \(Self.id)"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(Self.id), "\(run.out)")
        #expect(!run.err.contains("expected a WAMID"), "\(run.err)")
    }
}
