import Foundation
import KopsTestSupport
import Testing

/// tester70b G9: a transcript whose first `next` continued a list made before the recording (its page kept as recorded),
/// checked without its restore file (shared alone: the restore file is private), failed on unchanged data with no word
/// why, and `check --update` then wrote the kept page's message and contact under a second alias and called the result
/// unchanged. Without the value hashes the page's aliases cannot be matched: the check says the difference may be only
/// that, and `--update` refuses to rewrite.
@Suite struct G9KeptPageWithoutRestoreTests {
    @Test func theCheckSaysWhyAndUpdateRefuses() async throws {
        let run = try await PreRecordSessions.run(B7D4KeptPageAliasTests.session, withoutRestore: true)
        #expect(run.check.status == 1, "\(run.said)")
        #expect(run.check.stderr.contains("t.md.restore is missing"), "\(run.said)")
        #expect(run.check.stderr.contains("the list page kept as recorded at line"), "\(run.said)")
        #expect(run.check.stderr.contains("the difference may be only that"), "\(run.said)")
        #expect(run.update.status == 1 && run.update.stderr.contains("not rewritten"), "\(run.said)")
        // Nothing the user recorded is overwritten.
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    /// With its restore file the same session checks clean and no such line is said.
    @Test func withItsRestoreFileNothingIsSaid() async throws {
        let run = try await PreRecordSessions.run(B7D4KeptPageAliasTests.session)
        #expect(run.check.status == 0 && !run.check.stderr.contains("is missing"), "\(run.said)")
    }
}
