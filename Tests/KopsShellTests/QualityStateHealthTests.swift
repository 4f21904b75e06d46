import KapsoSimulator
import KopsTestSupport
import Testing

/// tester49 F7, over loopback (`Seeds/tester49-quality.seed.json`: Support Line CONNECTED with quality RED, Sales Line
/// FLAGGED with quality RED; Kapso's `phone_number_access` passed for both). `health` turned the passed check into a failed
/// one (exit 1; `overview`: "2 of 2 numbers not healthy") on the ground that Meta lowers a flagged number's limit after 7
/// days, which Meta's portfolio-level messaging limits (live since 7 Oct 2025) no longer do. The check stays passed, the
/// state is said under it with today's rule, and `overview` names it beside "ok".
@Suite struct QualityStateHealthTests {
    static let seed = TestSeeds.path("tester49-quality.seed.json")

    @Test func aNumberThatSendsAsUsualIsNotFailedButItsStateIsSaid() async throws {
        let runs = try await runDemo(
            ["health 100200300400501", "health 100200300400502", "overview"], number: nil, seed: .file(Self.seed), width: 400)
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.out))")
        #expect(runs[0].out.contains("phone_number_access      passed  CONNECTED · quality RED"), "\(runs[0].out)")
        #expect(runs[0].out.contains("note: quality RED\n  cause: the number's quality rating is RED"), "\(runs[0].out)")
        #expect(runs[1].out.contains("note: number FLAGGED\n  cause: Meta FLAGGED the number (quality RED)"), "\(runs[1].out)")
        #expect(runs[1].out.contains("since 7 Oct 2025 Meta sets messaging limits per business portfolio"), "\(runs[1].out)")
        #expect(!(runs[0].out + runs[1].out).contains("lowered if quality does not improve"), "\(runs[1].out)")
        #expect(runs[2].out.contains("ok; number FLAGGED") && runs[2].out.contains("ok; quality RED"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("not healthy"), "\(runs[2].out)")
    }
}
