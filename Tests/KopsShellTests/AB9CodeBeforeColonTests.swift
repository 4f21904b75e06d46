import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester57 AB9: `explain 'Error 131047: Re-engagement message'` (a code followed by a colon, as Meta's dashboards and logs
/// print it) was refused as "expected a code such as 131047". The colon is punctuation; the code is read.
@Suite struct AB9CodeBeforeColonTests {
    @Test(arguments: [("Error 131047: Re-engagement message", "131047"), ("131026: Message undeliverable", "131026")])
    func aCodeBeforeAColonIsRead(text: String, code: String) {
        #expect(PastedError(text)?.code == code)
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("code:       \(code)"), "\(run.out)")
    }

    /// tester57b AC2: with AB9's reading, `HTTP 400: 131047 …` explained HTTP 400 alone and `HTTP 200: 131047` Graph code
    /// 200 ("permission"), a wrong answer stated as fact: a code without a colon after it still comes first.
    @Test(arguments: [
        ("HTTP 400: 131047 Re-engagement message", "131047"), ("429: 130429 Rate limit hit", "130429"),
        ("status 500: 131000 Something went wrong", "131000"), ("HTTP 200: 131047", "131047"),
    ])
    func aStatusBeforeAColonLeavesTheGraphCodeAfterIt(text: String, code: String) {
        #expect(PastedError(text)?.code == code)
        let run = OfflineShell.run("explain", text)
        #expect(run.out.contains("code:       \(code)"), "\(run.out)")
        #expect(!run.out.contains("code:       200"), "\(run.out)")
    }
}
