import KopsTestSupport
import Testing

/// tester61 AJ15: `numbers` said nothing of a DISCONNECTED or a BANNED number (only a webhook-verification hint) and
/// advised `use` of the disconnected one. Each number whose state sends nothing is named with its cause, and when none
/// can send, `use` is offered for reading, not as a sender (`aj15-numbers-cannot-send`: Sales Line DISCONNECTED,
/// Support Line BANNED).
@Suite struct AJ15NumbersCannotSendTests {
    @Test func eachNumberThatCannotSendIsNamed() async throws {
        let run = try await runDemo(
            ["numbers"], number: nil, seed: TestSeeds.file("aj15-numbers-cannot-send.seed.json"), width: 2_000)[0]
        let lines = (run.out + run.err).split(separator: "\n").map(String.init)
        #expect(lines.contains {
            $0.hasPrefix("cannot send: Sales Line (100200300400502) is DISCONNECTED (Kapso's record): the number is disconnected "
                + "from the WhatsApp Cloud API; 'health 100200300400502' says what to do")
        }, "\(run.out)\(run.err)")
        #expect(lines.contains {
            $0.hasPrefix("cannot send: Support Line (100200300400501) is BANNED (Kapso's record): the number is BANNED from WhatsApp")
        }, "\(run.out)\(run.err)")
        #expect(!(run.out + run.err).contains("select one with"), "\(run.out)\(run.err)")
        #expect(lines.contains {
            $0.hasPrefix("no number listed here can send by its state; 'use 100200300400502' still reads its messages and history")
        }, "\(run.out)\(run.err)")
    }

    /// A CONNECTED number beside a DISCONNECTED one: the disconnected one is named, the connected one advised.
    @Test func aConnectedNumberIsStillAdvised() async throws {
        let run = try await runDemo(
            ["numbers"], number: nil, seed: TestSeeds.file("probe42-shared-display.seed.json"), width: 2_000)[0]
        #expect((run.out + run.err).contains("cannot send: Support Line (old) (100200300400502) is DISCONNECTED"), "\(run.out)\(run.err)")
        #expect((run.out + run.err).contains("select one with 'use 100200300400501'"), "\(run.out)\(run.err)")
    }
}
