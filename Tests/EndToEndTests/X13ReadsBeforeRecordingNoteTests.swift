import Foundation
import KopsTestSupport
import Testing

/// tester66b X13 (the note only): on a fixed-clock simulator a teammate's reads made with the same key before the
/// recording, which the recording's `logs` page showed, were taken for earlier runs of the transcript, and the check's
/// note said they came "since the recording", which is false. On a clock behind the recording's the note now says the log
/// cannot tell them from reads made before the recording. (The rows are still left out: the check does not yet know
/// which rows the recording showed.)
@Suite struct X13ReadsBeforeRecordingNoteTests {
    @Test func theNoteDoesNotSayTheReadsCameSinceTheRecording() async throws {
        let run = try await FreshStateChecks.run(
            script: "use 100200300400501\nmessages --limit 5\nlogs --limit 15\n", checks: 1,
            before: { simulator in
                try FreshStateChecks.curlGET(simulator, "/platform/v1/whatsapp/conversations", times: 1)
            })
        let check = try #require(run.checks.first)
        #expect(check.stderr.contains("successful read"), "\(check.stdout)\(check.stderr)")
        #expect(!check.stderr.contains("since the recording, to paths"), "\(check.stderr)")
        #expect(check.stderr.contains("cannot tell them from reads made before the recording"), "\(check.stderr)")
    }
}
