import KapsoClient
import KopsTestSupport
import Testing

@testable import KapsoDiagnostics

/// tester66 W6: a broadcast template whose Kapso status is `suppressed` (the contact stopped marketing messages on the
/// number) was "status 'suppressed' is not one kops knows …, so what it means is unknown". Kapso documents it: "in a
/// broadcast the recipient gets status `suppressed`, which is not a failure and is not charged" (gokapso/agent-skills,
/// skills/integrate-whatsapp/references/webhooks-event-types.md).
@Suite struct W6SuppressedStatusTests {
    @Test func traceNamesTheSuppressedStatus() async throws {
        let run = try await runDemo(
            ["trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBU03AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501",
            seed: TestSeeds.file("tester66-window.seed.json"))[0]
        let verdict = run.out.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(!verdict.contains("not one kops knows"), "\(run.out)")
        #expect(verdict.contains("the contact stopped marketing messages on this number"), "\(run.out)")
        #expect(verdict.contains("not a failure, and not charged"), "\(run.out)")
        #expect(verdict.contains("utility or authentication template"), "\(run.out)")
    }

    @Test func theWordIsKnownAndNoStepOfTheDelivery() {
        #expect(StatusWord("suppressed") == .suppressed)
        #expect(StatusWord("suppressed").rank == nil && !StatusWord("suppressed").reachedDevice)
        #expect(StatusWord.known.contains("suppressed"))
    }
}
