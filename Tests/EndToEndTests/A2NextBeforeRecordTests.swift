import Foundation
import KopsTestSupport
import Testing

/// tester68 A2: `messages --limit 2`, `record F`, `next`, `next`, then `kops check F` said "output changed" ("nothing to
/// continue" on replay), and `--update` would write the error into the evidence. A `next` that continued a list made
/// before the recording is kept as recorded and named.
@Suite struct A2NextBeforeRecordTests {
    @Test func nextOfAnEarlierListIsKeptAsRecorded() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "messages --limit 2", "record FILE", "next", "next", "messages --limit 1", "record stop",
        ])
        #expect(!run.transcript.contains("nothing to continue"), "\(run.said)")
        #expect(run.check.status == 0, "\(run.said)")
        let notes = run.check.stderr.split(separator: "\n").filter {
            $0.contains("not replayed: 'next': it continues a list made before the recording")
        }
        #expect(notes.count == 2, "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// A list the recording made itself is continued on replay as before.
    @Test func nextOfARecordedListIsReplayed() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "messages --limit 2", "record FILE", "messages --limit 2",
            "next", "record stop",
        ])
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.check.stderr.contains("not replayed"), "\(run.said)")
    }
}
