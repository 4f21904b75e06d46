import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTerminal
import KopsTestSupport
import Testing

/// A session with recognisable fake secrets: none of them reaches the terminal, a transcript or history.
@Suite struct CanaryTests {
    static let apiKey = "kops_canary_APIKEY_7f3a9c"
    static let webhookSecret = "whsec_canary_SECRET_42b"
    /// A secret of hex digits only: no token shape gives it away, only the variable name does.
    static let hexSecret = "6f1e2d3c4b5a69788796a5b4c3d2e1f0"
    /// The demo seed's secret of webhook 0a1b2c3d-…, learned from the API's answer.
    static let seededSecret = "whsec_demo_123"

    struct Evidence: Sendable {
        var terminal: String
        var transcript: String
        var history: String
    }

    private func session(_ lines: [String], wiring: @escaping @Sendable (Shell) -> Void = { _ in }) async throws -> Evidence {
        try await offPool {
            let fixture = try SimulatorFixture(apiKey: CanaryTests.apiKey)
            let (shell, output) = try fixture.shell()
            wiring(shell)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kops-canary-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let transcript = folder.appendingPathComponent("t.md").path
            let history = folder.appendingPathComponent("history").path
            var kept: [String] = []
            for line in ["record \(transcript)"] + lines + ["record stop"] {
                if HistoryPolicy.allows(line) { kept.append(line) }
                shell.run(line: line)
            }
            try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: history))
            return Evidence(
                terminal: output.combined, transcript: try String(contentsOfFile: transcript, encoding: .utf8),
                history: try String(contentsOfFile: history, encoding: .utf8))
        }
    }

    @Test func secretsAppearNowhereAndMaskedFormsDo() async throws {
        let signature = WebhookSignature.hmacSHA256Hex(
            key: Array(CanaryTests.webhookSecret.utf8), message: Array("{}".utf8))
        let evidence = try await session([
            "verify --secret \(CanaryTests.webhookSecret) --signature \(signature) --body '{}'",
            "verify --secret=\(CanaryTests.webhookSecret) --signature \(signature) --body '{}' --meta",
            "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "output json",
            "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "set api_key \(CanaryTests.apiKey)",
            // probe7 P7-12: refused, but the line is recorded; the hex value is no token shape the history test knows.
            "set app_secret=\(CanaryTests.hexSecret)",
            "set",
            "explain \(CanaryTests.webhookSecret)",
            "payload sample whatsapp.message.received",
        ])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            for canary in [CanaryTests.apiKey, CanaryTests.webhookSecret, CanaryTests.seededSecret, CanaryTests.hexSecret] {
                #expect(!Data(text.utf8).contains(Data(canary.utf8)), "\(canary) leaked into the \(name)")
            }
        }
        #expect(evidence.transcript.contains("verify --secret <redacted> --signature"))
        #expect(evidence.transcript.contains("--secret=<redacted>"))
        #expect(evidence.transcript.contains("set api_key <redacted>"))
        #expect(evidence.transcript.contains("set app_secret=<redacted>"))
        #expect(evidence.transcript.contains("\"secret_key\": \"whsec_…23\""))
        #expect(evidence.transcript.contains("\"X-Webhook-Signature\": \"<redacted>\""))
        #expect(evidence.terminal.contains("secret:    whsec_…23"))
        #expect(evidence.history.contains("webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"))
        #expect(!evidence.history.contains("verify"))
    }

    /// A webhook secret a person made up (`mysecret_1234`: Kapso generates none for phone-number webhooks) keeps no
    /// prefix in its masked form (probe11 P11-10: `mysecret_…34` showed 11 of its 13 characters): in the table, the
    /// expanded and JSON views and the transcript only `…34` is left of it.
    @Test func aHandMadeSecretShowsOnlyItsLastTwoCharacters() async throws {
        let id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        let evidence = try await session([
            "use 100200300400501",
            "webhooks update \(id) --secret-key mysecret_1234",
            "webhooks get \(id)", "webhooks",
            "output expanded", "webhooks get \(id)", "webhooks",
            "output json", "webhooks get \(id)", "webhooks",
            "output table",
        ])
        for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript)] {
            for body in ["mysecret", "secret_12"] {
                #expect(!text.contains(body), "\(body) of the secret reached the \(name)")
            }
        }
        #expect(evidence.terminal.contains("secret:    …34\n"))
        #expect(evidence.terminal.contains("\"secret_key\": \"…34\""))
        #expect(evidence.transcript.contains("\"secret_key\": \"…34\""))
        #expect(evidence.transcript.contains("secret:    …34\n"))
    }

    /// Secrets typed in lines kops refuses or does not know as secret-bearing (probe8 P8-1): shell-style assignments
    /// typed into the wrong window, `export`, a `profile` line it refuses, a token-shaped value under an innocent
    /// name. Recognised by their shape (the history rule's token prefixes) or their secret-looking NAME.
    @Test func secretsTypedInRefusedOrShellStyleLinesAppearNowhere() async throws {
        let typed = [
            "KAPSO_API_KEY=kapso_live_canaryTYPED01": "kapso_live_canaryTYPED01",
            "export WEBHOOK_SECRET=whsec_canary_EXPORT_02": "whsec_canary_EXPORT_02",
            "export APP_SECRET=\(CanaryTests.hexSecret)": CanaryTests.hexSecret,
            "set x whsec_canary_SETX_03": "whsec_canary_SETX_03",
            "set z EAAGcanaryMETATOKEN04zzzz": "EAAGcanaryMETATOKEN04zzzz",
            "profile set api_key kapso_live_canaryPROF05": "kapso_live_canaryPROF05",
        ]
        let evidence = try await session(Array(typed.keys).sorted())
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            for canary in typed.values {
                #expect(!Data(text.utf8).contains(Data(canary.utf8)), "\(canary) leaked into the \(name)")
            }
        }
        #expect(evidence.transcript.contains("KAPSO_API_KEY=<redacted>"), "\(evidence.transcript)")
        #expect(evidence.transcript.contains("set x <redacted>"))
    }

    /// A webhook's custom headers may carry its receiver's credentials (probe finding F12): a Cookie and a
    /// password-like header are masked in the recorded command line, the output, JSON and history.
    @Test func customHeaderValuesAppearNowhere() async throws {
        let headers = #"{"Cookie": "session=CANARY19cookie", "X-Hook-Pass": "CANARY18pass"}"#
        let evidence = try await session([
            "use 100200300400501",
            "webhooks create --url https://x.test/h4 --events whatsapp.message.received --headers '\(headers)'",
            "webhooks", "webhooks get", "output json", "webhooks", "output table",
            "webhooks create --url https://x.test/h5 --events whatsapp.message.received --headers {Cookie:CANARY17crumb,X-Env:prod}",
        ])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            for canary in ["CANARY19cookie", "CANARY18pass", "CANARY17crumb"] {
                #expect(!text.contains(canary), "\(canary) leaked into the \(name)")
            }
        }
        #expect(evidence.transcript.contains(#"--headers '{"Cookie":"<redacted>","X-Hook-Pass":"<redacted>"}'"#))
        #expect(evidence.transcript.contains(#""X-Hook-Pass": "<redacted>""#))
        // The error line still says what was wrong after the masked value.
        #expect(evidence.terminal.contains("; expected a JSON object of strings"))
    }

    /// Credentials inside a webhook's URL (probe finding F30): the userinfo password and credential-named query
    /// values are masked in output, JSON, `webhooks check`, the recorded command line and history.
    @Test func urlCredentialsAppearNowhere() async throws {
        let url = "https://user:URLPASS1x@hooks.acme.test/kapso?token=URLTOKEN2x&api_key=URLKEY3x&env=prod"
        let evidence = try await session([
            "use 100200300400501",
            "webhooks create --url '\(url)' --events whatsapp.message.received",
            "webhooks", "webhooks get", "webhooks check", "output json", "webhooks get", "output table",
        ])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            for canary in ["URLPASS1x", "URLTOKEN2x", "URLKEY3x"] {
                #expect(!text.contains(canary), "\(canary) leaked into the \(name)")
            }
        }
        #expect(evidence.transcript.contains("https://user:<redacted>@hooks.acme.test/kapso?token=<redacted>&api_key=<redacted>&env=prod"))
    }

    @Test(arguments: [
        ("https://u:p4ss@h.test/x", "https://u:<redacted>@h.test/x"),
        ("see https://tok3n@h.test/x?a=1 now", "see https://<redacted>@h.test/x?a=1 now"),
        ("\"url\": \"https://h.test/k?Token=abc&x=1#f\"", "\"url\": \"https://h.test/k?Token=<redacted>&x=1#f\""),
        ("https://h.test/path@v2?hook_secret=s", "https://h.test/path@v2?hook_secret=<redacted>"),
        ("https://hooks.acme-demo.test/kapso", "https://hooks.acme-demo.test/kapso"),
    ])
    func urlCredentialsAreMaskedInText(text: String, expected: String) {
        #expect(Redactor().redact(text) == expected)
    }

    static let tabSecret = "whsec_canary_TAB_9d1e"

    /// The same secret after a tab, in quotes, as `--flag=value`, and in `set` of secret-looking names:
    /// the lexer's words are what the filters read, so none of these forms slips through.
    @Test(arguments: [
        "verify\t--secret\t\(tabSecret) --signature 00 --body '{}'",
        "verify --secret \"\(tabSecret)\" --signature 00 --body '{}'",
        "verify '--secret=\(tabSecret)' --signature 00 --body '{}'",
        "verify --secret=\"\(tabSecret)\"\t--signature 00 --body '{}'",
        "verify --body '{}' --signature 00 --secret\u{0B}\(tabSecret)",
        "set\thook_secret\t\(tabSecret)",
        "set --default WEBHOOK_TOKEN \(tabSecret)",
        "set db_password 'x \(tabSecret)'",
        "set mykey \"\(tabSecret)\"; set",
    ])
    func everyWhitespaceQuoteAndEqualsFormIsMasked(line: String) async throws {
        let evidence = try await session([line, "set", "state"])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            #expect(!text.contains(CanaryTests.tabSecret), "\(CanaryTests.tabSecret) leaked into the \(name): \(text)")
        }
        #expect(evidence.transcript.contains("<redacted>"))
        #expect(evidence.history.hasPrefix("set\nstate\n"), "the history sink records ordinary lines")
    }

    /// A value set under an innocent name and only later used as a secret (probe14 P14-4): the `set` line was
    /// written to the transcript before kops knew; it is redacted there once the value is used with `--secret`, and
    /// the executable is told, to drop it from the history file.
    @Test func aValueLearnedAsASecretLaterIsRedactedWhereItWasRecorded() async throws {
        let canary = "app_secret_canary_LATER_0123456789"
        let told = Told()
        let evidence = try await session([
            "set ms \(canary)",
            "state",
            "verify --meta --secret ${ms} --signature sha256=\(String(repeating: "0", count: 64)) --body '{}'",
            "set",
        ]) { shell in shell.context.secretsLearned = { learned in told.value += learned } }
        #expect(!evidence.transcript.contains(canary), "\(evidence.transcript)")
        #expect(!evidence.transcript.contains("canary_LATER"))
        #expect(evidence.transcript.contains("set ms <redacted>"), "\(evidence.transcript)")
        #expect(told.value.contains(canary))
    }

    /// The history file drops the lines that hold a value learned as a secret after they were appended.
    @Test func theHistoryFileForgetsLinesOfASecretLearnedLater() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = HistoryFile(path: folder.appendingPathComponent("history").path)
        _ = history.load()
        for line in ["numbers", "set ms app_secret_canary_HIST_0123", "state", "set ms2 app_secret_canary_HIST_0123x"] {
            history.append(line)
        }
        history.forget(["app_secret_canary_HIST_0123"])
        #expect(history.load() == ["numbers", "state"])
        history.forget(["not there at all"])
        #expect(history.load() == ["numbers", "state"])
    }

    @Test func theHistoryFileNeverGetsASecretLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = HistoryFile(path: folder.appendingPathComponent("history").path)
        _ = history.load()
        for line in ["verify\t--secret\t\(CanaryTests.tabSecret)", "set\tapi_token \(CanaryTests.tabSecret)", "numbers", "\tnumbers"]
        where HistoryPolicy.allows(line) {
            history.append(line)
        }
        #expect(history.load() == ["numbers"])
    }

    @Test func aShortSecretValueIsNeverListed() {
        let offline = OfflineShell()
        offline.shell.run(line: "set api_key abc")
        offline.shell.run(line: "set region eu")
        offline.shell.run(line: "set")
        #expect(offline.output.out == "api_key: <redacted>\nregion:  eu\n")
    }

    @Test func aKeyTooShortToBeASecretMasksNoOrdinaryWords() {
        var redactor = Redactor()
        redactor.knownSecrets.append(Secret("k"))
        redactor.knownSecrets.append(Secret("sk_test_long_enough"))
        #expect(redactor.redact("check the key sk_test_long_enough") == "check the key <redacted>")
    }
}

/// What `secretsLearned` was told, written on the shell's thread and read after it ended.
private final class Told: @unchecked Sendable {
    var value: [String] = []
}
