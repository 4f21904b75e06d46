import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ12: a transcript recorded against an API whose clock is not pinned (a real API, a simulator on its own
/// clock) failed `kops check` seconds later on `(33 s ago)` → `(37 s ago)` alone, in hunks of whole 300-character lines.
/// A hunk whose lines differ only by ages moved as the clock moved since the recording is no change, named in the
/// summary; an age that moved the other way, or further than the clock, and any other word, is still a change.
@Suite struct AJ12MovedAgesTranscriptTests {
    static let lines = ["use 100200300400502", "webhooks check", "conversations"]

    /// The transcript of `lines` recorded with kops's clock at `now`, and its check with the clock at `later`.
    static func recordThenCheck(now: Int64, later: Int64, edit: @escaping @Sendable (String) -> String = { $0 })
        async throws -> (transcript: String, outcome: TranscriptChecker.Outcome)
    {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            shell.context.now = { now }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            // The header's `recorded:` is the wall clock's; the recording's clock here is `now`, so the header says it.
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            let recorded = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(now)))
            let text = recorder.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- recorded: ") ? "- recorded: \(recorded)" : String(line)
            }.joined(separator: "\n")
            let transcript = edit(text)
            let checking = try fixture.shell(phoneNumberID: Demo.support).shell
            checking.context.now = { later }
            return (transcript, try TranscriptChecker(expected: transcript, path: "t.md").replay(on: checking))
        }
    }

    /// Thirty days after the demo seed's clock: every window is closed and every age is in days and hours, so three
    /// hours later each one reads differently and nothing else does (a clock near the data's made the test depend on
    /// whether ten minutes crossed an hour).
    static let recordedAt = SimulatorFixture.deterministicNow + 30 * 86_400
    static let threeHours: Int64 = 3 * 3_600

    @Test func agesMovedWithTheClockAreNoChange() async throws {
        let now = Self.recordedAt
        let (transcript, outcome) = try await Self.recordThenCheck(now: now, later: now + Self.threeHours)
        #expect(transcript.contains(" ago"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(!outcome.movedAges.isEmpty)
        #expect(outcome.movedAgesNote.hasPrefix("; only ages in '"), "\(outcome.movedAgesNote)")
        #expect(outcome.movedAgesNote.contains("moved, as the clock did since the recording"), "\(outcome.movedAgesNote)")
    }

    /// The clock behind the recording's: the ages shrank, which no later reading does.
    @Test func agesMovedBackIsAChange() async throws {
        let now = Self.recordedAt
        let (_, outcome) = try await Self.recordThenCheck(now: now, later: now - Self.threeHours)
        #expect(!outcome.diff.isEmpty)
        #expect(outcome.movedAges.isEmpty)
    }

    /// An age edited to a few seconds cannot come from three hours of clock: a change.
    @Test func anAgeMovedFurtherThanTheClockIsAChange() async throws {
        let now = Self.recordedAt
        let (transcript, outcome) = try await Self.recordThenCheck(now: now, later: now + Self.threeHours) { text in
            guard let range = text.range(of: #"\(\d+ d( \d+ h)? ago\)"#, options: .regularExpression) else { return text }
            return text.replacingCharacters(in: range, with: "(3 s ago)")
        }
        #expect(transcript.contains("(3 s ago)"), "\(transcript)")
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("(3 s ago)") }, "\(outcome.diff.joined(separator: "\n"))")
    }

    @Test func phrasesAreReadAsSpans() {
        func moved(_ old: String, _ new: String, _ elapsed: Int64) -> Bool {
            ElapsedPhrases(Substring(old)).movedTo(ElapsedPhrases(Substring(new)), within: elapsed)
        }
        #expect(moved("delivered (33 s ago), ok", "delivered (37 s ago), ok", 10))
        #expect(!moved("delivered (33 s ago), ok", "delivered (37 s ago), ok", 2))
        #expect(!moved("delivered (33 s ago), ok", "delivered (37 s ago); ok", 10))
        #expect(moved("since X (21 h 48 min ago)", "since X (21 h 49 min ago)", 60))
        #expect(moved("the last at Y (1 d 19 h ago)", "the last at Y (1 d 20 h ago)", 120))
        #expect(moved("closed 14 d 5 h ago", "closed 14 d 7 h ago", 7_200))
        #expect(!moved("closed 14 d 5 h ago", "closed 14 d 7 h ago", 60))
        #expect(!moved("closed 14 d 7 h ago", "closed 14 d 5 h ago", 7_200))
        #expect(moved("window open (3 h left)", "window open (2 h 59 min left)", 120))
        #expect(!moved("window open (2 h 59 min left)", "window open (3 h left)", 120))
        #expect(!moved("no age here", "no age here", 10))
        #expect(!moved("3 errors ago", "4 errors ago", 10))
        #expect(!moved("5 s agony", "6 s agony", 10))
    }
}
