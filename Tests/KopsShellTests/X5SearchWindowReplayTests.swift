import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester66b X5: `logs search`'s header names its default window, `10 events from <now - 24 h> to <now>`, the API's now
/// when it ran. On a running clock a check in another second than the recording failed on that line alone. The bounds are
/// read as the instants a replay makes anew: moved forward by no more than the time since the recording is no change;
/// moved back, or further, is a change.
@Suite struct X5SearchWindowReplayTests {
    static let recordedAt = SimulatorFixture.deterministicNow + 30 * 86_400
    static let threeHours: Int64 = 3 * 3_600

    /// `logs search messages --limit 10` recorded (the header saying `recordedAt`), its window bounds moved by `seconds`
    /// in the transcript, then checked three hours later (the simulator's fixed clock answering the same window).
    static func recordThenCheck(boundsMovedBy seconds: Int64) async throws -> (transcript: String, outcome: TranscriptChecker.Outcome) {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            shell.context.now = { recordedAt }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "logs search messages --limit 10")
            let (since, until) = (SimulatorFixture.deterministicNow - 86_400, SimulatorFixture.deterministicNow)
            let window = "from \(KapsoTime.iso(since)) to \(KapsoTime.iso(until))"
            let moved = "from \(KapsoTime.iso(since + seconds)) to \(KapsoTime.iso(until + seconds))"
            let transcript = recorder.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- recorded: ") ? "- recorded: \(KapsoTime.iso(recordedAt))" : String(line)
            }.joined(separator: "\n").replacingOccurrences(of: window, with: moved)
            let checking = try fixture.shell(phoneNumberID: Demo.support).shell
            checking.context.now = { recordedAt + threeHours }
            return (transcript, try TranscriptChecker(expected: transcript, path: "t.md").replay(on: checking))
        }
    }

    /// Recorded a second before the replay's search ran: its now was a second earlier.
    @Test func windowBoundsMovedWithTheClockAreNoChange() async throws {
        let (transcript, outcome) = try await Self.recordThenCheck(boundsMovedBy: -1)
        let until = KapsoTime.iso(SimulatorFixture.deterministicNow - 1)
        #expect(transcript.contains(" events from ") && transcript.contains("to \(until)"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.movedAges.contains { $0.contains("(in 'logs search messages --limit 10')") }, "\(outcome.movedAges)")
    }

    @Test(arguments: [3_600, -4 * 3_600] as [Int64])
    func windowBoundsMovedBackOrFurtherAreAChange(seconds: Int64) async throws {
        let (_, outcome) = try await Self.recordThenCheck(boundsMovedBy: seconds)
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains(" events from ") }, "\(outcome.diff.joined(separator: "\n"))")
    }

    @Test func onlyAFromToPairIsAWindow() {
        func moved(_ old: String, _ new: String) -> Bool {
            ElapsedPhrases(Substring(old)).movedTo(ElapsedPhrases(Substring(new)), within: 60)
        }
        #expect(moved("3 events from 2026-12-06T09:17:35Z to 2026-12-07T09:17:35Z", "3 events from 2026-12-06T09:17:36Z to 2026-12-07T09:17:36Z"))
        #expect(!moved("3 events from 2026-12-06T09:17:35Z to 2026-12-07T09:17:35Z", "4 events from 2026-12-06T09:17:36Z to 2026-12-07T09:17:36Z"))
        #expect(!moved("sent from 2026-12-06T09:17:35Z", "sent from 2026-12-06T09:17:36Z"))
    }
}
