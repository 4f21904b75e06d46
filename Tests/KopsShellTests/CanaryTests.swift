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
        /// The restore file beside the transcript ("" when none was written).
        var restore: String
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
            // The gate the terminal's reader keeps its file with, given the shell's redactor as the shell gives it
            // (probe24 P24-3: a known secret typed again reached the file).
            var gate = HistoryGate()
            for line in ["record \(transcript)"] + lines + ["record stop"] {
                if gate.admit(line, redactor: shell.redactor).save { kept.append(line) }
                shell.run(line: line)
            }
            try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: history))
            return Evidence(
                terminal: output.combined, transcript: try String(contentsOfFile: transcript, encoding: .utf8),
                history: try String(contentsOfFile: history, encoding: .utf8),
                restore: (try? String(contentsOfFile: transcript + ".restore", encoding: .utf8)) ?? "")
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
            // probe24 P24-3: known secrets typed again, whole or in part, in lines of no secret shape.
            "logs search \(CanaryTests.apiKey)",
            "whois \(CanaryTests.apiKey)",
            "reply --to +14155550142 --dry-run 'is it \(CanaryTests.hexSecret)?'",
            "logs search \(CanaryTests.apiKey.dropLast(4))",
        ])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
            ("restore file", evidence.restore),
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
        // The error line says what was wrong and how to type it, and shows no value.
        #expect(evidence.terminal.contains("error: webhooks: --headers is not JSON (its value is not shown: it may hold secrets); quote the JSON: --headers '{\"X-Env\":\"prod\"}'\n"))
    }

    /// JSON typed unquoted in the shell (its lexer takes the double quotes away) under a header name that is no
    /// credential header (probe18 P18-6): the error showed the value in clear and the transcript kept it, while the
    /// recorded command line was redacted. Neither the error, the transcript nor history holds it now.
    @Test(arguments: [
        #"--headers {"X-Api-Token":"CANARY15hdr"}"#,
        #"--headers '{"X-Api-Token": ["CANARY15hdr"]}'"#,
        #"--headers '["CANARY15hdr"]'"#,
        #"--headers=X-Api-Token:CANARY15hdr"#,
    ])
    func aHeadersValueKopsRefusesAppearsNowhere(flag: String) async throws {
        let evidence = try await session([
            "use 100200300400501",
            "webhooks create --url https://x.test/h6 --events whatsapp.message.received \(flag)",
        ])
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
        ] {
            #expect(!text.contains("CANARY15hdr"), "the header value leaked into the \(name): \(text)")
        }
        #expect(evidence.terminal.contains("error: webhooks: --headers "), "\(evidence.terminal)")
    }

    /// The secret kops generates for `webhooks create` (no --secret-key) is known to the redactor before the request
    /// is sent (probe18 P18-17): an API error that echoes the request body shows it masked, on the terminal and in
    /// the transcript, as it does a --secret-key the user typed.
    @Test func aGeneratedSecretEchoedByAnAPIErrorAppearsNowhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-canary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        for status in [422, 500] {
            let transport = RequestEchoTransport(status: status)
            let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret(CanaryTests.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            shell.run(line: "record \(transcript) --force")
            shell.run(line: "webhooks create --url https://x.test/h7 --events whatsapp.message.received")
            shell.run(line: "record stop")
            #expect(transport.bodies.count == 1, "\(output.combined)")
            let sent = try #require(transport.bodies.first)
            let secret = try #require(sent.split(separator: "\"").first { $0.hasPrefix("whsec_") })
            let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
            #expect(output.err.contains("Validation failed for"), "\(output.err)")
            for (name, text) in [("terminal", output.combined), ("transcript", recorded)] {
                #expect(!text.contains(secret), "the generated secret leaked into the \(name) after a \(status): \(text)")
                #expect(!text.contains(CanaryTests.apiKey))
            }
        }
    }

    /// A secret given with `kops --var NAME=VALUE` is registered like one typed with `set` (probe18 P18-15): `set`
    /// lists it as `<redacted>`, under an innocent name (by its shape) or a secret-looking name (by the name).
    @Test(arguments: [("K", "whsec_canary_VAR_16ab"), ("hook_secret", "6f1e2d3c4b5a6978canary")])
    func aVariableSetLikeVarIsRedactedLikeOneSetBySet(name: String, value: String) {
        let offline = OfflineShell()
        offline.shell.context.setVariable(name, to: value)
        offline.shell.run(line: "set")
        offline.shell.run(line: "explain ${\(name)}")
        #expect(!offline.output.combined.contains(value), "\(offline.output.combined)")
        #expect(offline.output.out.contains("\(name): <redacted>"), "\(offline.output.out)")
    }

    /// A secret read from the environment (`verify --secret-env HOOK`, probe24 P24-11) is as secret as one typed: echoed
    /// later (here by `explain`), it is masked on the terminal and in the transcript, and the line stays out of history;
    /// the variable's name is shown. A hex secret has no token shape: only `--secret-env` can teach it.
    @Test func aSecretReadFromTheEnvironmentAppearsNowhere() async throws {
        let signature = WebhookSignature.hmacSHA256Hex(key: Array(CanaryTests.hexSecret.utf8), message: Array("{}".utf8))
        let evidence = try await session(
            [
                "verify --secret-env HOOK --signature \(signature) --body '{}'",
                "explain \(CanaryTests.hexSecret)",
            ],
            wiring: { $0.context.environment = ["HOOK": CanaryTests.hexSecret] })
        #expect(evidence.terminal.contains("valid: X-Webhook-Signature matches"), "\(evidence.terminal)")
        for (name, text) in [("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history)] {
            #expect(!text.contains(CanaryTests.hexSecret), "the secret leaked into the \(name)")
        }
        #expect(evidence.history.contains("--secret-env HOOK"), "\(evidence.history)")
    }

    /// An environment variable's NAME is no secret (probe18 P18-9): after `profile add … --key-env KAPSO_API_KEY`,
    /// `state` and `help configuration` still name the variable; its value (the key) stays masked.
    @Test func anEnvironmentVariableNameIsNotLearnedAsASecret() {
        let offline = OfflineShell()
        offline.shell.run(line: "profile add b --base-url https://api.kapso.ai --key-env KAPSO_API_KEY")
        offline.shell.run(line: "help configuration")
        #expect(!offline.shell.redactor.knownSecrets.contains { $0.revealed == "KAPSO_API_KEY" })
        #expect(!offline.output.combined.contains("<redacted>"), "\(offline.output.combined)")
        #expect(offline.output.out.contains("KAPSO_API_KEY"))
        #expect(HistoryPolicy.allows("profile add b --base-url https://api.kapso.ai --key-env EAGLE_KAPSO_KEY2"))
        // Token-shaped words under the same prefixes are still secrets.
        for token in ["kapso_live_canary01", "KAPSO_7F3A9C2D1E0B8A6F", "EAAGcanaryMETATOKEN04zzzz", "sk_test_SECRET123"] {
            #expect(!HistoryPolicy.allows("set x \(token)"), "\(token)")
        }
    }

    /// Credentials inside a webhook's URL (probe finding F30): the userinfo password and credential-named query
    /// values are masked in output, JSON, `webhooks check`, the recorded command line and history.
    @Test func urlCredentialsAppearNowhere() async throws {
        // probe24 P24-17: Azure Functions' `code`, `x-api-key`, `jwt`, `hmac`, `private_key`, `session` too.
        let url = "https://user:URLPASS1x@hooks.acme.test/kapso?token=URLTOKEN2x&api_key=URLKEY3x&code=URLCODE4x"
            + "&x-api-key=URLXKEY5x&jwt=URLJWT6x&hmac=URLHMAC7x&private_key=URLPRIV8x&session=URLSESS9x&env=prod"
        let evidence = try await session([
            "use 100200300400501",
            "webhooks create --url '\(url)' --events whatsapp.message.received",
            "webhooks", "webhooks get", "webhooks check", "output json", "webhooks get", "output table",
            // A masked line (a phone number) goes to the restore file: its URL's credentials do not (probe24 P24-1).
            "reply --to +14155550142 --dry-run 'see \(url)'",
            "logs search URLCODE4x",
        ])
        #expect(evidence.restore.contains("+14155550142"), "the restore file was written")
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
            ("restore file", evidence.restore),
        ] {
            for canary in ["URLPASS1x", "URLTOKEN2x", "URLKEY3x", "URLCODE4x", "URLXKEY5x", "URLJWT6x", "URLHMAC7x", "URLPRIV8x", "URLSESS9x"] {
                #expect(!text.contains(canary), "\(canary) leaked into the \(name)")
            }
        }
        #expect(
            evidence.transcript.contains(
                "https://user:<redacted>@hooks.acme.test/kapso?token=<redacted>&api_key=<redacted>&code=<redacted>"
                    + "&x-api-key=<redacted>&jwt=<redacted>&hmac=<redacted>&private_key=<redacted>&session=<redacted>&env=prod"))
    }

    /// Probe25 P25-13: a URL's password and a credential parameter's value (`?code=`, with no secret-named
    /// parameter before it to give it away) are secrets of the session once typed or answered in a URL: typed again
    /// alone (`logs search VALUE`, a reply body) they are redacted in every sink, as a `--secret-key` value is.
    @Test func aURLsCredentialTypedAgainAloneAppearsNowhere() async throws {
        let evidence = try await session([
            "use 100200300400501",
            "webhooks create --url 'https://fn.example.test/api/kapso?code=AZFUNCKEY1' --events whatsapp.message.received",
            "webhooks create --url 'https://u:BasicPassw0rd@rx.example.test/h' --events whatsapp.message.received",
            "logs search AZFUNCKEY1",
            "logs search BasicPassw0rd",
            "reply --to +14155550142 --dry-run 'try AZFUNCKEY1 and BasicPassw0rd'",
        ])
        #expect(evidence.restore.contains("+14155550142"), "the restore file was written")
        for (name, text) in [
            ("terminal", evidence.terminal), ("transcript", evidence.transcript), ("history", evidence.history),
            ("restore file", evidence.restore),
        ] {
            for canary in ["AZFUNCKEY1", "BasicPassw0rd"] {
                #expect(!text.contains(canary), "\(canary) leaked into the \(name): \(text)")
            }
        }
        #expect(evidence.transcript.contains("logs search <redacted>"))
    }

    /// The same credentials learned from an API's answer (a webhook listed that this session did not create), as
    /// written in the URL and percent-decoded.
    @Test func aURLsCredentialInAnAnswerIsLearned() throws {
        var redactor = Redactor()
        let json = try JSONValue.parse(Array(#"{"data":[{"id":"w1","url":"https://u:Pass%2Fw0rd9@h.test/k?code=FUNCKEY%2B77&env=prod"}]}"#.utf8))
        redactor.learn(from: json)
        #expect(redactor.redact("search FUNCKEY%2B77, FUNCKEY+77 and Pass/w0rd9") == "search <redacted>, <redacted> and <redacted>")
        #expect(redactor.redact("env prod") == "env prod")
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
        // The `record` line before it is kept too: a temporary path with a UUID in it holds no secret (probe22 P22-7).
        #expect(evidence.history.hasPrefix("record ") && evidence.history.contains("\nset\nstate\n"), "the history sink records ordinary lines")
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

/// Answers every request with `status` and an error that quotes the API key it was sent, cut short by `cut`.
private final class KeyEchoTransport: HTTPTransport {
    let status: Int
    let cut: @Sendable (String) -> String
    var observer: (@Sendable (HTTPExchange) -> Void)?

    init(status: Int, cut: @escaping @Sendable (String) -> String) {
        self.status = status
        self.cut = cut
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let key = request.headers.compactMap { header -> String? in
            guard header.name.lowercased() == "x-api-key" else { return nil }
            switch header.value {
            case .text(let text): return text
            case .secret(let secret): return secret.revealed
            }
        }.first ?? ""
        let message = JSONValue.string("Invalid API key \(cut(key))").serialized()
        return HTTPResponse(
            status: status, headers: [(name: "Content-Type", value: "application/json")],
            body: Array("{\"error\": \(message)}".utf8))
    }
}

extension CanaryTests {
    /// probe24 P24-6: an API error that echoes the key cut short (all but its last 4 characters), upper-cased or in
    /// base64 reaches neither the terminal nor the transcript: no 8 characters of the key in a row.
    @Test(arguments: [422, 404])
    func aKeyEchoedCutShortAppearsNowhere(status: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-canary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md").path
        let cuts: [@Sendable (String) -> String] = [
            { String($0.dropLast(4)) }, { $0.uppercased() }, { Data($0.utf8).base64EncodedString() }, { "'" + $0.prefix(16) + "…'" },
        ]
        for cut in cuts {
            let transport = KeyEchoTransport(status: status, cut: cut)
            let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret(CanaryTests.apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            shell.run(line: "record \(transcript) --force")
            shell.run(line: "numbers")
            shell.run(line: "use 100200300400501")
            shell.run(line: "record stop")
            let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
            #expect(output.err.contains("Invalid API key"), "\(output.err)")
            let key = Array(CanaryTests.apiKey)
            for (name, text) in [("terminal", output.combined), ("transcript", recorded)] {
                let folded = text.lowercased()
                for start in 0...(key.count - 8) {
                    let piece = String(key[start..<(start + 8)]).lowercased()
                    #expect(!folded.contains(piece), "8 characters of the key reached the \(name): \(text)")
                }
                #expect(!text.contains(Data(CanaryTests.apiKey.utf8).base64EncodedString().prefix(12)))
            }
        }
    }
}

/// Answers every request with `status` and an error that quotes the request body (as some validation errors do).
private final class RequestEchoTransport: HTTPTransport {
    let status: Int
    var bodies: [String] = []
    var observer: (@Sendable (HTTPExchange) -> Void)?

    init(status: Int) { self.status = status }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let body = String(decoding: request.body ?? [], as: UTF8.self)
        bodies.append(body)
        let message = JSONValue.string("Validation failed for \(body)").serialized()
        return HTTPResponse(
            status: status, headers: [(name: "Content-Type", value: "application/json")],
            body: Array("{\"error\": \(message)}".utf8))
    }
}

/// What `secretsLearned` was told, written on the shell's thread and read after it ended.
private final class Told: @unchecked Sendable {
    var value: [String] = []
}
