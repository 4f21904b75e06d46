import KopsShell
import KopsTestSupport
import Testing

/// tester70b G4: `profile add p2 … --key-env test_key_0123456789` is refused as "looks like a key" and kept out of the
/// history file (D5), but `history` still listed the line in clear, while a value the older rule refuses (`sk_live_…`)
/// showed as `<redacted>`. The value is `<redacted>` in the session's history too, as in every other sink.
@Suite struct G4HistoryRefusedKeyTests {
    @Test func g4HistoryShowsTheRefusedKeyEnvRedacted() async throws {
        let key = "kx_key_0123456789"
        let output = try await withSimulator { fixture -> String in
            let (shell, output) = try fixture.shell()
            shell.context.session.variables["on_error"] = "continue"
            let reader = ScriptedLineReader([
                "profile add p2 --base-url http://127.0.0.1:18901 --key-env \(key)",
                "profile add p3 --base-url http://127.0.0.1:18901 --key-env=\(key)",
                "history",
            ])
            _ = shell.loop(reader: reader)
            return output.combined
        }
        #expect(!output.contains(key), "\(output)")
        #expect(output.contains("1  profile add p2 --base-url http://127.0.0.1:18901 --key-env <redacted>"), "\(output)")
        #expect(output.contains("2  profile add p3 --base-url http://127.0.0.1:18901 --key-env=<redacted>"), "\(output)")
    }

    /// An ordinary variable name stays in clear (`ACME_KAPSO_KEY`), as the history file keeps it.
    @Test(arguments: ["ACME_KAPSO_KEY", "acme_key_2024", "acme_kapso_key_prod"])
    func g4AVariableNameStaysInClear(name: String) {
        let line = "profile add p2 --base-url https://api.kapso.ai --key-env \(name)"
        #expect(Redactor().redact(commandLine: line) == line)
    }
}
