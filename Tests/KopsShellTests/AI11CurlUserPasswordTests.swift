import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AI11: `curl -u admin:Secret …` or `--user u:p` pasted into `explain` or given as an argument was echoed in
/// clear in the terminal's error line and saved in clear in the history file. curl's `user:password` has its password
/// part masked in every sink (the redactor), whatever its length.
@Suite struct AI11CurlUserPasswordTests {
    @Test(arguments: [
        ("curl -u admin:Secret https://api.example.com", "curl -u admin:<redacted> https://api.example.com"),
        ("curl --user u:p https://x", "curl --user u:<redacted> https://x"),
        ("curl --user=admin:Hunter2 https://x", "curl --user=admin:<redacted> https://x"),
        ("curl -uadmin:pw https://x", "curl -uadmin:<redacted> https://x"),
        ("curl -u 'admin:two words' https://x", "curl -u 'admin:<redacted>' https://x"),
        ("explain 'curl -u admin:Secret https://x'", "explain 'curl -u admin:<redacted> https://x'"),
        ("explain 'curl -u admin:Secret'", "explain 'curl -u admin:<redacted>'"),
        ("curl --proxy-user bob:pw -U a:b https://x", "curl --proxy-user bob:<redacted> -U a:<redacted> https://x"),
    ])
    func thePasswordIsMasked(_ text: String, masked: String) {
        let redactor = Redactor()
        #expect(redactor.needsRedaction(text))
        #expect(redactor.redact(text) == masked)
        #expect(redactor.redact(errorLine: text) == masked)
        #expect(redactor.redact(commandLine: text) == masked)
    }

    /// A user without a password, other flags and prose stay.
    @Test(arguments: ["curl -u admin https://x", "sort -u file", "curl --user-agent kops:1 https://x", "--update a:b", "run -u"])
    func otherTextStays(_ text: String) {
        #expect(Redactor().redact(text) == text)
    }

    @Test func theTerminalAndHistoryNeverHoldIt() {
        var gate = HistoryGate()
        #expect(gate.admit("explain 'curl -u admin:Secret https://x'", redactor: Redactor()).save == false)
        let offline = OfflineShell()
        offline.shell.run(line: "explain 'curl -u admin:Secret https://x'")
        offline.shell.run(line: "whois --user admin:Secret")
        let all = offline.output.out + offline.output.err
        #expect(!all.contains("Secret"), "\(all)")
    }
}
