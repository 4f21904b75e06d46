import Foundation
@testable import KopsShell
import Testing

/// tester53 T3: `kops check` of a `trace` whose conversation look-up got a 503 on replay reported a change, and `--update`
/// wrote `conversation: … (not loaded: the API failed (503) …)` over the recorded evidence. A replayed block with a
/// section the API did not answer (and the recording did not have) is kept as recorded (`TranscriptChecker.keptUnanswered`).
@Suite struct T3UnansweredLookupCheckTests {
    static let recorded = """
        ```kops
        kops> trace <message 1>
        conversation: e5a6c7d8-0000 (active)
        verdict: failed: 131047, the 24-hour window closed 2 h before the send
        ```
        """

    @Test(arguments: [
        "conversation: e5a6c7d8-0000 (not loaded: the API failed (503): Service Unavailable (simulated fault); retry, and check Kapso's status if it persists)",
        "window:       unknown: the API failed (502): Bad Gateway; retry, and check Kapso's status if it persists",
        "API calls: not loaded: rate limited (429): slow down; retry in 1 s",
        "Meta's webhooks: not loaded: request to 127.0.0.1 timed out after 10 s; try again or raise --timeout",
    ])
    func aSectionTheAPIDidNotAnswerIsFound(_ row: String) {
        let replayed = Self.recorded.replacingOccurrences(of: "conversation: e5a6c7d8-0000 (active)", with: row)
        #expect(TranscriptChecker.unansweredPart(replayed: replayed, recorded: Self.recorded) == row.trimmingCharacters(in: .whitespaces))
    }

    /// What the recording had already, and an answer that is one (a 404), are differences to show, not gaps.
    @Test func recordedFailuresAndAnswersAreNotGaps() {
        let failed = Self.recorded.replacingOccurrences(
            of: "(active)", with: "(not loaded: the API failed (503): Service Unavailable; retry, and check Kapso's status if it persists)")
        #expect(TranscriptChecker.unansweredPart(replayed: failed, recorded: failed) == nil)
        let notFound = Self.recorded.replacingOccurrences(
            of: "(active)", with: "(not loaded: conversation e5a6c7d8-0000 was not found; 'conversations' lists recent ones)")
        #expect(TranscriptChecker.unansweredPart(replayed: notFound, recorded: Self.recorded) == nil)
    }
}
