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
}
