import KapsoDiagnostics
@testable import KopsShell
import Testing

/// probe44 P44-4: first-run setting mistakes named for what they are. A base URL with the quotes of a `.env` line kept
/// was "the scheme '"http://', which is neither https nor http"; an `api_key_command` that printed nothing and exited 0
/// "failed (exit 0) or printed nothing", and one that failed never showed the reason it wrote on standard error.
@Suite struct QuotedBaseURLAndKeyCommandTests {
    @Test(arguments: [
        ("\"http://127.0.0.1:8080\"", "http://127.0.0.1:8080", true),
        ("'https://api.kapso.ai'", "https://api.kapso.ai", true),
        ("\u{201C}https://api.kapso.ai\u{201D}", "https://api.kapso.ai", true),
        ("\"https://api.kapso.ai", "https://api.kapso.ai", false),
        ("https://api.kapso.ai'", "https://api.kapso.ai", false),
        ("\"api.kapso.ai\"", "api.kapso.ai", true),
    ])
    func quotesAreNamedBeforeTheScheme(url: String, unquoted: String, bothEnds: Bool) throws {
        #expect(BaseURLShape.problem(in: url) == .quoted(unquoted: unquoted, bothEnds: bothEnds))
        do {
            try BaseURLSchemeError.check(url, source: "env KAPSO_API_BASE_URL")
            Issue.record("expected an error")
        } catch {
            let message = ErrorReport(error).message
            #expect(message.contains(bothEnds ? " is wrapped in quotes; " : " has a quote at one end; "), "\(message)")
            #expect(message.hasSuffix("nothing was sent; give '\(unquoted)'"), "\(message)")
            #expect(!message.contains("scheme"), "\(message)")
        }
    }

    @Test func aURLWithoutQuotesHasNoQuoteProblem() {
        #expect(BaseURLShape.problem(in: "https://api.kapso.ai") == nil)
        #expect(BaseURLShape.problem(in: "http://127.0.0.1:8080/it's") == nil)
    }

    @Test(arguments: [
        ("echo 'vault: token expired' >&2; exit 3", "the api_key_command of profile 'b' failed (exit 3): vault: token expired; run it by hand to see why"),
        ("true", "the api_key_command of profile 'b' printed nothing on standard output (exit 0); it should print the key on its first line; run it by hand to see why"),
        ("echo; echo '  op: not signed in  ' >&2; echo second >&2", "the api_key_command of profile 'b' printed nothing on standard output (exit 0): op: not signed in; it should print the key on its first line; run it by hand to see why"),
        ("exit 2", "the api_key_command of profile 'b' failed (exit 2); run it by hand to see why"),
        // One word on standard error may be the key on the wrong stream: not shown.
        ("echo kapso_live_ABCDEFGH12345678 >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1) (it wrote one word on standard error, not shown: is the key printed there instead of on standard output?); run it by hand to see why"),
        // probe46 P46-12: a key in a key command's error line, with no prefix or label that marks it, is masked whole.
        ("echo could not read Kx9fQ2mZp7Lw3Rt8Yv1Bn6Hj >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1): could not read <redacted>; run it by hand to see why"),
        ("echo 'token for vault: Kx9fQ2mZp7Lw3Rt8Yv1Bn6Hj' >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1): token for vault: <redacted>; run it by hand to see why"),
        ("echo stale key 9f8e7d6c5b4a39281706f5e4d3c2b1a0 >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1): stale key <redacted>; run it by hand to see why"),
        ("echo \"bad 'QmFzZTY0S2V5aGVyZQ', x=ab12cd34ef56gh78.\" >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1): bad '<redacted>', x=<redacted>.; run it by hand to see why"),
        ("echo 'op: InvalidSignature for team' >&2; exit 1", "the api_key_command of profile 'b' failed (exit 1): op: InvalidSignature for team; run it by hand to see why"),
        // A program's text reaches the terminal as text, never as a control sequence.
        ("printf 'bad \\033[2Jthing\\n' >&2; exit 4", "the api_key_command of profile 'b' failed (exit 4): bad \\x1b[2Jthing; run it by hand to see why"),
    ])
    func aKeyCommandsFailureSaysWhatItWroteOnStandardError(command: String, message: String) {
        do {
            _ = try KeyOrigin.command(command, profile: "b").lookUp(environment: [:], profiles: ["b"], runKeyCommand: KeyCommand.run)
            Issue.record("expected an error")
        } catch {
            #expect(ErrorReport(error).message == message)
        }
    }

    @Test func standardErrorStaysApartFromTheKey() throws {
        let answer = try KeyCommand.run("echo key-123; echo 'warning: cache cold' >&2", timeout: 5, maxOutputBytes: 1024)
        #expect(answer.status == 0 && answer.output == "key-123\n" && answer.errorLine == "warning: cache cold")
    }
}
