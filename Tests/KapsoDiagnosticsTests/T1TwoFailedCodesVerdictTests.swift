import KapsoClient
import KapsoDiagnostics
import Testing

/// tester64 T1: a send with two failed statuses of different codes (131026 at +1 s, then 131047 at +4 s) got a verdict
/// naming 131047 alone ("failed: 131047 (Meta: 24-hour window closed), yet the contact's last inbound …"), while
/// `errors` said "another failed status of the same message gave 131026" on the same message. Which of Meta's two
/// causes holds is not known: the verdict names the other too, in `errors`' words.
@Suite struct T1TwoFailedCodesVerdictTests {
    typealias P37 = Probe37MessageErrorTests

    @Test func theVerdictNamesTheOtherFailedStatusesCode() throws {
        let statuses = P37.status("sent", 0) + ", " + P37.status("failed", 1, P37.failed131026) + ", "
            + P37.status("failed", 4, #", "errors": [{"code": 131047, "title": "Re-engagement message"}]"#)
        let message = try P37.message(status: "failed", statuses: statuses)
        let verdict = MessageVerdict.of(message, windowAtSend: P37.closedWindow, now: P37.sent + 3_600)
        #expect(verdict.text.contains("another failed status of the same message gave 131026"), "\(verdict.text)")
        #expect(verdict.severity == .bad)
    }

    /// One failure reported twice with the same code stays one cause, said once.
    @Test func theSameCodeTwiceIsNotNamedAgain() throws {
        let statuses = P37.status("sent", 0) + ", " + P37.status("failed", 1, P37.failed131026) + ", "
            + P37.status("failed", 4, P37.failed131026)
        let message = try P37.message(status: "failed", statuses: statuses)
        let verdict = MessageVerdict.of(message, windowAtSend: P37.closedWindow, now: P37.sent + 3_600)
        #expect(!verdict.text.contains("another failed status"), "\(verdict.text)")
    }
}
