import KapsoClient
import KopsTestSupport
import Testing

/// The built `kops` run as a user would (`-c`, piped stdin) against the built `kapso-sim`.
@Suite struct KopsBinaryTests {
    private func kops(_ arguments: [String], stdin: String = "", key: String? = nil, baseURL: String? = nil)
        async throws -> ProcessResult
    {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            return try ProcessRunner.run(
                "kops", arguments,
                environment: [
                    "KAPSO_API_BASE_URL": baseURL ?? simulator.baseURL, "KAPSO_API_KEY": key ?? simulator.apiKey,
                ], stdin: stdin)
        }
    }

    @Test func listsNumbers() async throws {
        let result = try await kops(["-c", "numbers"])
        #expect(result.stdout == """
              ID               NUMBER           NAME          WABA             COEX  STATUS     QUALITY
              100200300400502  +1 415-555-0101  Sales Line    200300400500601  yes   CONNECTED  YELLOW
              100200300400501  +1 415-555-0100  Support Line  200300400500601  no    CONNECTED  GREEN

            """)
        #expect(result.stderr == """
            2 items
            webhook not verified by Meta yet: Sales Line (Meta marks it verified with the first inbound message; 'health 100200300400502' reads whether inbound has come and what to do)
            WABA 200300400500601: Sales Line, Support Line
            COEX: shared with the WhatsApp Business app; history sync applies to those numbers
            select one with 'use 100200300400502'

            """)
        #expect(result.status == 0)
    }

    /// A repeated `-c` runs every value in order, numbered across them (before, only the last ran, silently).
    @Test func repeatedCommandFlagsRunInOrder() async throws {
        let result = try await kops(["-c", "set on_error continue; use 999", "-c", "use 100200300400501", "-c", "state"])
        #expect(result.stderr.hasPrefix("-c:2: error: '999' is too short to be a phone-number id"), "\(result.stderr)")
        #expect(result.stdout.contains("phone_number_id:      100200300400501"), "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// probe5 P5-16: a flag that changes nothing offline may come before an offline verb; a shell command given as a
    /// verb is pointed to -c instead of "unknown subcommand".
    @Test func offlineVerbsTakeLeadingFlagsAndShellCommandsArePointedToDashC() async throws {
        let verify = try await kops(["--no-color", "verify", "--secret", "x", "--signature", String(repeating: "a", count: 64), "--body", "hi"])
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("error: invalid signature:"), "\(verify.stderr)")
        let explain = try await kops(["explain", "131047"])
        #expect(explain.status == 64)
        #expect(explain.stderr.contains("'explain' is a shell command: run it with kops -c 'explain 131047'"), "\(explain.stderr)")
    }

    /// probe20 P20-11: `--output json` before an offline verb is the verb's own (it was refused with a suggestion
    /// that had lost the verb's flags), and its invalid verdict is JSON on standard output, the error on standard error.
    @Test(arguments: [["--output", "json"], ["--output=json"], ["--no-color", "--output", "json"]])
    func offlineVerbsTakeALeadingOutputFlag(flags: [String]) async throws {
        let verify = try await kops(flags + ["verify", "--secret", "x", "--signature", String(repeating: "a", count: 64), "--body", "hi"])
        #expect(verify.status == 1, "\(verify.stderr)")
        let verdict = try JSONValue.parse(verify.stdout)
        #expect(verdict["valid"]?.bool == false, "\(verify.stdout)")
        #expect(verify.stderr.hasPrefix("error: invalid signature:"), "\(verify.stderr)")
    }

    @Test func selectsByDisplayNumberThenReadsHealthBlockingCheckFirst() async throws {
        let result = try await kops(["-c", "use +1 415-555-0101; health"])
        #expect(result.stdout == """
            using 100200300400502 (+1 415-555-0101, Sales Line)
            100200300400502: degraded (checked 2026-11-21T12:00:00Z)

            needs attention: messaging_health
              cause: Meta reports messaging as LIMITED (PHONE_NUMBER: The display name is still waiting for Meta review, so this number stays on its starting limit for business-initiated conversations.)
              fix:   the display name must pass Meta's review: check it in WhatsApp Manager (Phone numbers); the limit lifts once it is approved, and replies inside an open 24-hour window are not limited meanwhile

            CHECK                    RESULT  DETAIL
            phone_number_access      passed  CONNECTED · quality YELLOW · TIER_250
            phone_number_connection  passed  CONNECTED
            token_validity           passed
            messaging_health         failed  LIMITED
            webhook_subscription     passed  subscribed: messages
            webhook_verified         failed  not verified

            webhooks: 2 active; 1 fails now: analytics.acme-demo.test/ingest/whatsapp: failing: all 61 deliveries failed, since 2026-11-14T13:33:10Z; 'webhooks check' says why
            also failing: webhook_verified
              cause: Meta has not marked the webhook verified (Kapso says: Meta has not verified the webhook for this number yet), yet inbound messages reached Kapso, the newest at 2026-11-21T09:30:00Z: verification should have come with the first of them
              fix:   another message will not change it: run 'health' again in 3 min (Kapso caches it); if it stays, ask Kapso support, quoting this check

            """)
        // The other failing checks end the report on standard output (P43-15): standard error names the line alone.
        #expect(
            result.stderr == "-c:2: health: 100200300400502 is degraded (messaging_health, webhook_verified)\n",
            "the line that stopped the script is named (P38-17)")
        #expect(result.status == 1, "a degraded number exits 1, as webhooks check does")
    }

    @Test func listsProjectWebhooksIncludingProjectScopedOnes() async throws {
        let result = try await kops(["-c", "webhooks --scope project"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.first?.hasPrefix("ID                                    SCOPE            KIND   PAYLOAD  ACTIVE  URL") == true)
        #expect(lines.contains { $0.hasPrefix("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70  project          kapso  v2") })
        #expect(lines.contains { $0.hasPrefix("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81  100200300400502  kapso  v1") })
        #expect(result.stderr == "6 items\n")
        #expect(result.status == 0)
    }

    @Test func masksWebhookSecretsInTablesAndJSON() async throws {
        let result = try await kops([
            "-c", "webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d; output json; webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ])
        #expect(result.stdout.contains("secret:    whsec_…23\n"))
        #expect(result.stdout.contains("\"secret_key\": \"whsec_…23\","))
        #expect(result.status == 0)
    }

    @Test(arguments: [
        ("frobnicate", "-c:1: error: unknown command 'frobnicate'; type 'help' for the list\n", Int32(64)),
        ("helth", "-c:1: error: unknown command 'helth'; did you mean 'health'?\n", 64),
        ("use", "-c:1: error: use: missing phone number id or display number; usage: use <phone-number-id | display number | name>\n", 64),
        ("webhooks --bogus", "-c:1: error: webhooks: unknown flag '--bogus'; see 'help webhooks'\n", 64),
        ("use \"unterminated", "-c:1: error: unterminated \" quote starting at column 5; close it or escape it with \\\n", 64),
        ("health", "-c:1: error: no phone number selected; run 'use <phone-number-id>' first ('numbers' lists them)\n", 1),
        ("health 999",
         "-c:1: error: '999' is too short to be a phone-number id or a phone number (list rows are not numbered); pick one: "
            + "health 100200300400502 (Sales Line) or health 100200300400501 (Support Line)\n",
         1),
        ("health 99999",
         "-c:1: error: no phone number in this project matches '99999'; 99999 is not a phone-number id, WABA id, display number or "
            + "contact of this project (searched 2 numbers (ids, WABA ids, display numbers), conversations by contact number, API "
            + "calls of the last 30 days by path); 99999 has no '+' or '00': if it is a national number, add the country code (this "
            + "project's numbers use +1); numbers: 100200300400502 (+1 415-555-0101, Sales Line), 100200300400501 (+1 415-555-0100, "
            + "Support Line)\n",
         1),
        ("webhooks get nope",
         "-c:1: error: webhooks: invalid webhook id 'nope'; expected a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890 (Kapso's webhook ids are UUIDs)\n",
         64),
    ])
    func badInputGetsOneLineAndAStatus(command: String, stderr: String, status: Int32) async throws {
        let result = try await kops(["-c", command])
        #expect(result.stdout == "")
        #expect(result.stderr == stderr)
        #expect(result.status == status)
    }

    @Test func verboseShowsEachExchangeWithTheKeyRedacted() async throws {
        let result = try await kops(["--verbose", "-c", "numbers; numbers"])
        #expect(result.stderr.contains("> X-API-Key: <redacted>\n"))
        #expect(result.stderr.contains("new connection)"))
        #expect(result.stderr.contains("reused connection)"))
        #expect(!result.stderr.contains("e2e_key_0123456789") && !result.stdout.contains("e2e_key_0123456789"))
        #expect(result.status == 0)
    }

    @Test func rejectedKeyExits77() async throws {
        let result = try await kops(["-c", "numbers"], key: "wrong-key")
        #expect(result.stdout == "")
        #expect(result.stderr == "-c:1: error: the key from env KAPSO_API_KEY was rejected by 127.0.0.1 (401); check that it is a current Kapso project API key\n")
        #expect(result.status == 77)
    }

    @Test func unreachableHostExits69() async throws {
        let result = try await kops(["-c", "numbers"], baseURL: "http://127.0.0.1:1")
        #expect(result.stderr == "-c:1: error: cannot connect to 127.0.0.1:1; is the API (or kapso-sim) running and the base URL right?\n")
        #expect(result.status == 69)
    }

    @Test func plainHTTPToARemoteHostIsRefusedWithoutConnecting() async throws {
        let result = try await kops(["--base-url", "http://api.kapso.ai", "-c", "numbers"])
        #expect(result.stderr == "-c:1: error: refusing plain http:// to api.kapso.ai; use https:// (http is allowed only for loopback hosts)\n")
        #expect(result.status == 64)
    }

    @Test func pipedStdinStopsAtTheFirstFailingLineAsAScriptDoes() async throws {
        let result = try await kops([], stdin: "state\nuse 999\nuse 100200300400501\nstate\n")
        #expect(result.stdout.hasPrefix("api:"))
        #expect(!result.stdout.contains("using 100200300400501"), "nothing runs after the failing line")
        #expect(result.stderr.hasPrefix("<stdin>:2: error: '999' is too short to be a phone-number id"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(result.status == 1)
    }

    @Test func pipedStdinWithOnErrorContinueRunsEveryLineWithoutPromptAndExitsWithTheFirstFailure() async throws {
        let result = try await kops(
            [], stdin: "set on_error continue\nfrobnicate\nuse 100200300400501\nstate\nexit\nnumbers\n")
        #expect(result.stdout.hasPrefix("using 100200300400501 (+1 415-555-0100, Support Line)\napi:"))
        #expect(result.stdout.contains("phone_number_id:      100200300400501  (use)\n"))
        #expect(!result.stdout.contains("kops("))
        #expect(!result.stdout.contains("NUMBER"), "nothing runs after exit")
        #expect(result.stderr == "<stdin>:2: error: unknown command 'frobnicate'; type 'help' for the list\n")
        #expect(result.status == 64)
    }

    @Test func withoutAKeyExplainsHowToConnect() async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["-c", "numbers"]) }
        #expect(result.stderr == "-c:1: error: this command needs a Kapso project API key; export KAPSO_API_KEY=..., or 'profile add NAME --base-url URL --key-env VAR'; or try kops --demo\n")
        #expect(result.status == 64)
    }

    /// `--demo` runs on its own simulator: an API or profile typed beside it is refused, not silently dropped (probe16
    /// P16-8), and nothing starts.
    @Test(arguments: [["--base-url", "https://api.kapso.ai"], ["--profile", "acme"]])
    func demoRefusesAnAPIItWouldIgnore(flag: [String]) async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--demo"] + flag + ["-c", "state"]) }
        #expect(result.stderr == "error: --demo runs on the built-in simulator, so \(flag[0]) would not be used; drop one of them\n")
        #expect(result.stdout.isEmpty)
        #expect(result.status == 64)
    }

    @Test func simulatorPrintsItsAddressFirstAndStopsCleanlyOnSIGTERM() async throws {
        let status = try await offPool { () -> Int32 in
            let simulator = try SimulatorProcess()
            #expect(simulator.firstLine.hasPrefix("listening on http://127.0.0.1:"))
            return simulator.stop()
        }
        #expect(status == 0)
    }
}
