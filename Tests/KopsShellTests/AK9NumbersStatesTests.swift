import KopsTestSupport
import Testing

/// tester62 AK9: `numbers` said nothing of a RESTRICTED, RATE_LIMITED, FLAGGED or UNKNOWN number and advised `use` of
/// the UNKNOWN one, listed first, over the CONNECTED Support Line (`ak9-number-states`: Ops Line UNKNOWN, Alerts Line
/// FLAGGED, Promo Line RATE_LIMITED, Sales Line RESTRICTED, Support Line CONNECTED, listed in that order). Each is
/// named by what its state says of its sends, hedged where it says nothing, and the CONNECTED number is advised.
@Suite struct AK9NumbersStatesTests {
    static func numbers(_ seed: String) async throws -> [String] {
        let run = try await runDemo(["numbers"], number: nil, seed: TestSeeds.file(seed), width: 2_000)[0]
        return (run.out + run.err).split(separator: "\n").map(String.init)
    }

    @Test func eachStateIsNamedAndTheConnectedNumberAdvised() async throws {
        let lines = try await Self.numbers("ak9-number-states.seed.json")
        let text = lines.joined(separator: "\n")
        #expect(lines.contains {
            $0.hasPrefix("may not send: Ops Line (100200300400505) is UNKNOWN (Kapso's record): Meta reports the number's state "
                + "as UNKNOWN; whether it can send is not known from its state: 'health 100200300400505' reads its messaging health")
        }, "\(text)")
        #expect(lines.contains {
            $0.hasPrefix("sends, but: Alerts Line (100200300400504) is FLAGGED (Kapso's record): Meta FLAGGED the number")
                && $0.hasSuffix("; 'health 100200300400504' reads its messaging health")
        }, "\(text)")
        #expect(lines.contains {
            $0.hasPrefix("may not send: Promo Line (100200300400503) is RATE_LIMITED (Kapso's record): ")
                && $0.hasSuffix("whether it can send is not known from its state: 'health 100200300400503' reads its messaging health")
        }, "\(text)")
        #expect(lines.contains {
            $0.hasPrefix("sends replies only: Sales Line (100200300400502) is RESTRICTED (Kapso's record): the number is RESTRICTED")
        }, "\(text)")
        #expect(!text.contains("Support Line (100200300400501) is"), "\(text)")
        #expect(lines.contains("select one with 'use 100200300400501'"), "\(text)")
        #expect(!text.contains("'use 100200300400505'"), "\(text)")
    }

    /// Without a CONNECTED number, the one whose state sends as usual is offered, with its state (the AJ15 seed's
    /// numbers, which send nothing, keep their line: `AJ15NumbersCannotSendTests`).
    @Test func withoutAConnectedNumberTheOneThatSendsIsOfferedWithItsState() async throws {
        let lines = try await Self.numbers("ak9-no-connected.seed.json")
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("select one with"), "\(text)")
        #expect(lines.contains(
            "no number listed here is CONNECTED; 'use 100200300400504' selects Alerts Line, which is FLAGGED (sends, but: see above)"
        ), "\(text)")
    }
}
