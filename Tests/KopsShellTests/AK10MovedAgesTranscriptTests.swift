import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester62 AK10: `kops check` passed hunks whose ages moved with the clock (AJ12), but still failed on `webhooks check`'s
/// `no new attempt for 21 h 35 min or more` and on `health`'s `(checked 2026-12-06T18:00:00Z)`, the instant of a live
/// check a replay runs anew. Both are read as ages: moved forward by no more than the time since the recording (an
/// instant Kapso served from its 3-min cache a little more) is no change; moved back, or further, is a change.
@Suite struct AK10MovedAgesTranscriptTests {
    static let lines = ["use 100200300400501", "health", "webhooks check"]
    static let recordedAt = SimulatorFixture.deterministicNow + 30 * 86_400
    static let threeHours: Int64 = 3 * 3_600

    /// `lines` recorded with kops's clock at `recordedAt` (the header saying so), the transcript edited by `edit`, then
    /// checked with the clock three hours later.
    static func recordThenCheck(edit: @escaping @Sendable (String) -> String = { $0 }) async throws
        -> (transcript: String, outcome: TranscriptChecker.Outcome)
    {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            shell.context.now = { recordedAt }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            let recorded = KapsoTime.iso(recordedAt)
            let text = recorder.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- recorded: ") ? "- recorded: \(recorded)" : String(line)
            }.joined(separator: "\n")
            let transcript = edit(text)
            let checking = try fixture.shell(phoneNumberID: Demo.support).shell
            checking.context.now = { recordedAt + threeHours }
            return (transcript, try TranscriptChecker(expected: transcript, path: "t.md").replay(on: checking))
        }
    }

    /// The recorded health check's instant set `seconds` from the one the simulator gives (its fixed clock).
    static func checkedMoved(by seconds: Int64) -> @Sendable (String) -> String {
        { text in
            let checked = "(checked \(KapsoTime.iso(SimulatorFixture.deterministicNow)))"
            return text.replacingOccurrences(
                of: checked, with: "(checked \(KapsoTime.iso(SimulatorFixture.deterministicNow + seconds)))")
        }
    }

    @Test func aQuietTimeOrMoreMovedWithTheClockIsNoChange() async throws {
        let (transcript, outcome) = try await Self.recordThenCheck()
        #expect(transcript.contains(" or more (the oldest created at"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.movedAges.contains { $0.contains("(in 'webhooks check')") }, "\(outcome.movedAges)")
    }

    /// Recorded an hour before the replay's check ran (a check three hours after the recording reads a new one).
    @Test func aCheckedInstantMovedWithTheClockIsNoChange() async throws {
        let (transcript, outcome) = try await Self.recordThenCheck(edit: Self.checkedMoved(by: -3_600))
        #expect(transcript.contains("(checked \(KapsoTime.iso(SimulatorFixture.deterministicNow - 3_600)))"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.movedAges.contains { $0.contains("(in 'health')") }, "\(outcome.movedAges)")
    }

    @Test func aCheckedInstantMovedBackIsAChange() async throws {
        let (_, outcome) = try await Self.recordThenCheck(edit: Self.checkedMoved(by: 3_600))
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("(checked ") }, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// Four hours cannot come from three hours of clock and a 3-min cache.
    @Test func aCheckedInstantMovedFurtherThanTheClockIsAChange() async throws {
        let (_, outcome) = try await Self.recordThenCheck(edit: Self.checkedMoved(by: -4 * 3_600))
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("(checked ") }, "\(outcome.diff.joined(separator: "\n"))")
    }

    @Test func phrasesAreReadAsSpans() {
        func moved(_ old: String, _ new: String, _ elapsed: Int64, recorded: Int64? = nil) -> Bool {
            ElapsedPhrases(Substring(old)).movedTo(ElapsedPhrases(Substring(new)), within: elapsed, recorded: recorded)
        }
        let quiet = "1 delivery still pending with no new attempt for %@ or more (the oldest created at X, 2 attempts): stuck"
        func stuck(_ age: String) -> String { quiet.replacingOccurrences(of: "%@", with: age) }
        #expect(moved(stuck("21 h 35 min"), stuck("21 h 38 min"), 240))
        #expect(!moved(stuck("21 h 35 min"), stuck("21 h 38 min"), 60))
        #expect(!moved(stuck("21 h 38 min"), stuck("21 h 35 min"), 240))
        // `or more` only after `for`, and only as the age's own words.
        #expect(!moved("waited 3 h or more", "waited 4 h or more", 7_200))
        #expect(!moved("for 3 h or moreover", "for 4 h or moreover", 7_200))
        #expect(!moved("for 3 h ago", "for 4 h or more", 7_200))
        let health = "100200300400501: healthy (checked %@)"
        func checked(_ iso: String) -> String { health.replacingOccurrences(of: "%@", with: iso) }
        #expect(moved(checked("2026-12-06T18:00:00Z"), checked("2026-12-06T18:05:00Z"), 300))
        #expect(moved(checked("2026-12-06T18:00:00.250000Z"), checked("2026-12-06T18:04:59.999999Z"), 300))
        #expect(!moved(checked("2026-12-06T18:00:00Z"), checked("2026-12-06T18:05:01Z"), 300))
        #expect(!moved(checked("2026-12-06T18:05:00Z"), checked("2026-12-06T18:00:00Z"), 300))
        // Cached 2 min before a recording made at 18:02: the replay at 18:07 reads a check made then.
        let recorded = KapsoTime.seconds(iso: "2026-12-06T18:02:00Z")
        #expect(moved(checked("2026-12-06T18:00:00Z"), checked("2026-12-06T18:07:00Z"), 300, recorded: recorded))
        #expect(!moved(checked("2026-12-06T18:00:00Z"), checked("2026-12-06T18:07:00Z"), 300))
        // An instant after another word is data, not a check's time.
        #expect(!moved("created 2026-12-06T18:00:00Z", "created 2026-12-06T18:05:00Z", 300))
        #expect(!moved(checked("2026-12-06T18:00:00Z"), "100200300400501: degraded (checked 2026-12-06T18:05:00Z)", 300))
    }
}
