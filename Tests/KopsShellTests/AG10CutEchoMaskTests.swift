import KopsShell
import Testing

/// tester59b AG10: `explain`'s "no Meta or Kapso error code in '…'" echoed the pasted line cut to its start and end; the
/// cut dropped the `Bearer`/`X-Webhook-Secret:` before a token, and the sink's masking then left its last 12 characters.
@Suite struct AG10CutEchoMaskTests {
    @Test(arguments: [
        ("exit status 3 Bearer abcdef0123456789abcdefXYZ", "789abcdefXYZ"),
        ("Process exited with code 1; X-Webhook-Secret: q9xT7pL2mN4vB8kZq9xT7pL2", "q9xT7pL2"),
    ])
    func aCutEchoShowsNoTokenTail(_ text: String, tail: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.err.contains("no Meta or Kapso error code in '"), "\(ran.err)")
        #expect(!ran.err.contains(tail), "\(ran.err)")
    }
}
