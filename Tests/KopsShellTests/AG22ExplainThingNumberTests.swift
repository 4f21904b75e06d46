import KapsoDiagnostics
import KopsShell
import Testing

/// tester59b AG22: the number of one of the caller's things was read as a Graph code and explained with confidence:
/// `order #100 failed` → "invalid parameter", `ticket #4` → "app rate limit", `invoice #190` → "access token expired", a
/// glog line's thread id → "API unknown". `#N` is Meta's code only as `(#N)`, opening the text or after a word that
/// introduces a code.
@Suite struct AG22ExplainThingNumberTests {
    @Test(arguments: [
        ("order #100 failed", "order's number"), ("ticket #4 send failed", "ticket's number"),
        ("invoice #190 not delivered", "invoice's number"), ("issue #368 still open", "issue's number"),
        ("Order #1042: message failed", "order's number"), ("File \"send.py\", line 42, in send", "line's number"),
        ("E1206 10:32:11.123456 1 sender.go:88] send failed", "thread id"),
    ])
    func aThingsNumberIsNoCode(_ text: String, said: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .usage, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("no Meta or Kapso error code") && ran.err.contains(said), "\(ran.err)")
        #expect(!ran.out.contains("name:"), "\(ran.out)")
    }

    /// Meta's own `(#N)` and a code beside a thing's number are still read.
    @Test(arguments: [
        ("(#100) Invalid parameter", "100"), ("#131047", "131047"), ("error #100", "100"), ("Error: #4 rate limited", "4"),
        ("order #100 failed: (#131047) Re-engagement message", "131047"), ("ticket #4: error 131026", "131026"),
        ("I1206 10:32:11.123456   12 sender.go:88] error 131047", "131047"), ("message failed #131026", "131026"),
    ])
    func metasCodeIsStillRead(_ text: String, code: String) {
        #expect(PastedError(text)?.code == code, "\(String(describing: PastedError(text)))")
        #expect(OfflineShell.run("explain", text).status == .ok)
    }
}
