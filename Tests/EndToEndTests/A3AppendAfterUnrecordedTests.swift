import Foundation
import KopsTestSupport
import Testing

/// tester68 A3 and tester68b B8. A part appended by the same session after `record stop` keeps the earlier part's list and
/// result on replay: whether commands ran between the parts is not written in the transcript, and taking the list away
/// (A3's first fix) made a `next` that continued the recorded list "not replayed", so a real change in it was hidden (B8).
/// A list made between the parts (A3) shows as a change again, as on main, rather than a change going unseen.
@Suite struct A3AppendAfterUnrecordedTests {
    /// B8: nothing between the parts: the appended `next` continues the recorded list and is compared.
    @Test func nextRightAfterAnAppendContinuesTheRecordedListAndIsChecked() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "record FILE", "messages --limit 2", "record stop",
            "record FILE --append", "next", "record stop",
        ])
        #expect(!run.transcript.contains("nothing to continue"), "\(run.said)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.check.stderr.contains("not replayed"), "\(run.said)")
    }

    /// A3's shape (a list made between the parts): never "output unchanged" over a page the session did not show.
    @Test func aListBetweenThePartsIsNoSilentPass() async throws {
        let run = try await PreRecordSessions.run([
            "set on_error continue", "use 100200300400501", "record FILE", "messages --limit 1", "record stop",
            "messages --limit 2", "record FILE --append", "next", "record stop",
        ])
        #expect(run.check.status != 0 || run.check.stderr.contains("not replayed"), "\(run.said)")
    }
}
