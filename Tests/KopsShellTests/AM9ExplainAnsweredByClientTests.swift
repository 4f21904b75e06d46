import KopsShell
import Testing

/// tester62b AM9: `explain` of a Go timeout said "answered by: the caller's own HTTP client (Node.js, Python, …)" two
/// lines above "client: Go". The examples give way to the client the words name; words that name none keep them.
@Suite struct AM9ExplainAnsweredByClientTests {
    @Test(arguments: [
        ("Post \"https://api.kapso.ai/x\": dial tcp 1.2.3.4:443: i/o timeout", "the caller's own HTTP client (Go), not"),
        ("System.Threading.Tasks.TaskCanceledException: A task was canceled.", "the caller's own HTTP client (.NET), not"),
        ("AxiosError: timeout of 5000ms exceeded", "the caller's own HTTP client (axios), not"),
        ("Error: timeout exceeded", "the caller's own HTTP client (Node.js, Python, Go, …), not"),
    ])
    func answeredByNamesTheClientTheWordsProve(text: String, answered: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.out.contains(answered), "\(ran.out)")
        if !answered.contains("Node.js") { #expect(!ran.out.contains("Node.js"), "\(ran.out)") }
    }
}
