import Foundation
import KopsTestSupport
import Testing

/// tester68 A4: `health`, `messages --limit 2`, `record F`, `assert …`, `capture .data[0].id as first`, then `kops check F`
/// said "output changed" ("no result to check yet" on replay), and `--update` would write that into the evidence. A line
/// that reads a result made before the recording is kept as recorded and named, as `history` is.
@Suite struct A4PreRecordResultTests {
    @Test func assertAndCaptureOfAnEarlierResultAreKeptAsRecorded() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400502", "health", "messages --limit 2", "record FILE",
            "assert .kops.status == degraded", "capture .data[0].id as first", "explain ${first}", "messages --limit 1", "record stop",
        ])
        #expect(run.transcript.contains("first = "), "\(run.said)")
        #expect(run.check.status == 0, "\(run.said)")
        #expect(!run.check.stdout.contains("no result to check yet"), "\(run.said)")
        let notes = run.check.stderr.split(separator: "\n").filter { $0.contains("not replayed:") }
        #expect(notes.contains { $0.contains("'assert .kops.status == degraded': it reads a result from before the recording; its recorded output is kept") }, "\(run.said)")
        #expect(notes.contains { $0.contains("'capture .data[0].id as first': it reads a result from before the recording") }, "\(run.said)")
        #expect(notes.contains { $0.contains("'explain ") && $0.contains("uses ${first}") }, "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// A result the recording made itself is read on replay as before.
    @Test func aCaptureOfARecordedResultIsReplayed() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400502", "messages --limit 2", "record FILE", "messages --limit 2",
            "capture .data[0].id as first", "record stop",
        ])
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.check.stderr.contains("not replayed"), "\(run.said)")
    }
}
