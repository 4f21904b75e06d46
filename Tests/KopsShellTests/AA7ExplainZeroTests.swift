import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester56b AA7: `explain` took the first stand-alone 0 of pasted text as Graph's code 0 and answered "auth exception: the
/// access token expired … reconnect the number": a count before the code (`failed 0 of 3: 131026`), the subcode before
/// the code (`error_subcode: 0, code 131000`), a retry count before a status, a success body, an exit status, and the 0
/// inside a terminal sequence a Kapso body held (`ESC]0;`). A Meta code or an HTTP status in the words is the code; a
/// 0 is code 0 only when it is the only number, and then the answer says 0 is also "no error".
@Suite struct AA7ExplainZeroTests {
    /// The code read instead of the 0, and the subcode when one was written.
    @Test(arguments: [
        ("failed 0 of 3: 131026", "131026", nil),
        ("error_subcode: 0, code 131000", "131000", 0),
        ("retries: 0, status 500", "500", nil),
        ("attempt_count: 0, code 131047", "131047", nil),
        ("HTTP 500 after 0 retries", "500", nil),
        ("error 131026, 0 retries left", "131026", nil),
    ] as [(String, String, Int?)])
    func aZeroBesideACodeIsNoCode(text: String, code: String, subcode: Int?) {
        let pasted = PastedError(text)
        #expect(pasted?.code == code, "\(String(describing: pasted))")
        #expect(pasted?.subcode == subcode)
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(!run.out.contains("auth exception"), "\(run.out)")
    }

    /// A delivery row's fields: the retry count is none, `response_status` is the receiver's answer (item 3's reading).
    @Test func aDeliveryRowsCountIsNoCode() {
        let run = OfflineShell.run("explain", "attempt_count: 0, response_status: 500")
        #expect(run.out.contains("HTTP status: 500"), "\(run.out)")
        #expect(!run.out.contains("auth exception"), "\(run.out)")
    }

    /// The 0 of `ESC ] 0 ;` in a Kapso body with a raw control sequence: the body is Kapso's, read as such, and the
    /// sequence never reaches the terminal.
    @Test func aZeroInsideATerminalSequenceIsNoCode() {
        let body = "{\"error\":\"Webhook \u{1B}]0;PWN\u{07} not found\"}"
        #expect(PastedError(body)?.code != "0")
        #expect(PastedError(body)?.kapsoText?.hasPrefix("Webhook ") == true)
        let run = OfflineShell.run("explain", body)
        #expect(!run.out.contains("auth exception"), "\(run.out)\(run.err)")
        #expect(run.out.contains("kapso says:"), "\(run.out)\(run.err)")
        #expect(!(run.out + run.err).contains("\u{1B}]"), "\(run.out)\(run.err)")
    }

    /// An exit status, or a 0 beside other numbers none of which is a code, names no error.
    @Test(arguments: ["exit code 0", "failed 0 of 3"])
    func aZeroAmongOtherWordsIsRefused(text: String) {
        #expect(PastedError(text) == nil)
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .usage, "\(run.out)\(run.err)")
        #expect(!run.out.contains("auth exception"), "\(run.out)")
    }

    /// The only number is 0: code 0, with the caveat that 0 is also "no error".
    @Test(arguments: ["0", "code 0", #"{"code":0,"message":"ok"}"#])
    func aLoneZeroIsCodeZeroHedged(text: String) {
        #expect(PastedError(text)?.code == "0")
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("auth exception"), "\(run.out)")
        #expect(run.out.contains("if not:     0 is also what many tools print for 'no error'"), "\(run.out)")
    }
}
