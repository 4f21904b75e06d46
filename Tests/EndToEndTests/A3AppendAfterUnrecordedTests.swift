import Foundation
import KopsTestSupport
import Testing

/// tester68 A3: `record F`, `messages --limit 2`, `record stop`, `deliveries --limit 2` (not recorded), `record F --append`,
/// `next`: the session's `next` followed the unrecorded list ("nothing to continue"), the replay continued the recorded
/// `messages` list, said "output changed", and `--update` would write a page the session never showed. An appended part
/// starts with no list and no result on replay; a line that read one from before it is kept as recorded and named.
@Suite struct A3AppendAfterUnrecordedTests {
    @Test func nextAfterAnAppendDoesNotContinueTheRecordedList() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "record FILE", "messages --limit 2", "record stop",
            "deliveries --limit 2", "record FILE --append", "next", "messages --limit 1", "record stop",
        ])
        #expect(run.transcript.contains("nothing to continue"), "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// The session's `next` continued a list made between the parts: kept as recorded, named, not the recorded list's page.
    @Test func nextOfAListBetweenThePartsIsKeptAsRecorded() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "record FILE", "messages --limit 1", "record stop",
            "messages --limit 2", "record FILE --append", "next", "assert .data | length == 2", "record stop",
        ])
        #expect(run.check.status == 0, "\(run.said)")
        #expect(run.check.stderr.contains(
            "not replayed: 'next': it continues a list made before this part of the recording ('record --append')"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }
}
