import KapsoClient
import KopsHTTP
import KopsShell
import Testing

@Suite struct RedactionTests {
    @Test(arguments: [
        ("> Authorization: Bearer EAAGm0PX4ZCps", "> Authorization: <redacted>"),
        ("x-api-key: sk_live_abcdef\nnext", "x-api-key: <redacted>\nnext"),
        ("{\"X-API-Key\": \"sk_live_abc\", \"a\": 1}", "{\"X-API-Key\": \"<redacted>\", \"a\": 1}"),
        ("malformed signature: too short", "malformed signature: too short"),
    ])
    func masksCredentialHeaders(_ text: String, _ expected: String) {
        #expect(Redactor().redact(text) == expected)
    }

    /// The cheap test in front of redaction lets text through unchanged only when no secret can be in it.
    @Test(arguments: [
        ("2026-11-21T12:00:00Z delivered", false), ("key: value", false), ("sk_live_canary_77", true),
        ("xsk_live_canary_77y", true), ("AUTHORIZATION:x", true), ("{\"Proxy-Authorization\":\"x\"}", true),
        // The key cut short by one character is 16 of its characters in a row: masked (probe24 P24-6).
        ("x-api-key :", false), ("sk_live_canary_7", true), ("sk_live_ is the scheme", false),
    ])
    func textWithoutASecretIsLeftAlone(_ text: String, _ masked: Bool) {
        let redactor = Redactor(knownSecrets: [Secret("sk_live_canary_77")])
        #expect((redactor.redact(text) != text) == masked)
    }

    /// A known secret in a URL is masked without ending the URL there: the credentials after it are masked too.
    @Test func aURLsCredentialsAfterAKnownSecretAreMasked() {
        let redactor = Redactor(knownSecrets: [Secret("sk_live_canary_77")])
        #expect(
            redactor.redact("to https://h.test/in/sk_live_canary_77?token=abc&api_key=sk_live_canary_77 now")
                == "to https://h.test/in/<redacted>?token=<redacted>&api_key=<redacted> now")
    }

    @Test func jsonWithoutASecretIsReturnedAsItIsAndSecretFieldsAreMaskedInAnyCase() {
        let plain: JSONValue = ["data": [["id": "1", "text": ["body": "hi: there"], "n": 2, "ok": true]]]
        #expect(Redactor(knownSecrets: [Secret("sk_live_canary_77")]).redact(plain) == plain)
        let secret: JSONValue = [
            "a": [["Secret_Key": "whsec_abcdefgh_1234567"]], "API_\u{212A}EY": "sk_live_kelvin_123456",
            "b": "sk_live_canary_77", "token": 5,
        ]
        #expect(
            Redactor(knownSecrets: [Secret("sk_live_canary_77")]).redact(secret)
                == [
                    "a": [["Secret_Key": "whsec_…67"]], "API_\u{212A}EY": "sk_…56", "b": "<redacted>", "token": 5,
                ])
    }

    @Test func signatureHeadersAreMaskedOnlyWhenAsked() {
        let text = "X-Webhook-Signature: 65f2d6d6\nX-Hub-Signature-256: sha256=ab12"
        #expect(Redactor().redact(text) == text)
        #expect(
            Redactor.maskHeaders(text, signatures: true)
                == "X-Webhook-Signature: <redacted>\nX-Hub-Signature-256: <redacted>")
    }

    @Test(arguments: [
        ("verify --secret whsec_abc123 --signature ff --body x", "verify --secret <redacted> --signature ff --body x"),
        ("webhooks update 1 --secret-key=whsec_abc123", "webhooks update 1 --secret-key=<redacted>"),
        ("set api_key sk_live_1234567", "set api_key <redacted>"),
        ("set hook 3d4e", "set hook 3d4e"),
        // A flag no command takes that shortens or misspells a secret flag: its value is the secret meant.
        ("verify --sec whsec_typo_1 --body x", "verify --sec <redacted> --body x"),
        ("verify --secert=whsec_typo_2 --body x", "verify --secert=<redacted> --body x"),
        ("webhooks create --url https://x.test --pass hunter22", "webhooks create --url https://x.test --pass <redacted>"),
        // Real flags that start like a secret flag (`--to` of `--token`, `--meta` of `--meta-secret`) are not.
        ("reply --to 14155550142 hi", "reply --to 14155550142 hi"), ("verify --meta --body x", "verify --meta --body x"),
        ("set pw hunter22", "set pw <redacted>"), ("set bearer abc.def", "set bearer <redacted>"),
        ("set whsec whsec_1", "set whsec <redacted>"), ("set db_pw x1", "set db_pw <redacted>"),
        // probe7 P7-12: the `--var NAME=VALUE` spelling, which `set` refuses, still hides its value.
        ("set webhook_secret=whsec_live_8f3k", "set webhook_secret=<redacted>"),
        ("set app_secret=6f1e2d3c4b5a6978 more words", "set app_secret=<redacted>"),
        ("set --default api_key=abc", "set --default api_key=<redacted>"), ("set hook=3d4e", "set hook=3d4e"),
    ])
    func masksSecretArgumentsInCommandLines(_ line: String, _ expected: String) {
        #expect(Redactor().redact(commandLine: line) == expected)
    }

    @Test func learnsSecretsFromArgumentsAndResponses() {
        var redactor = Redactor()
        redactor.learn(arguments: ["verify", "--secret", "whsec_learned_1"])
        redactor.learn(from: ["data": [["id": "1", "secret_key": "whsec_from_api_99"]]])
        redactor.learn(from: ["secret_key": "whsec_…99"])
        #expect(redactor.redact("a whsec_learned_1 b whsec_from_api_99") == "a <redacted> b <redacted>")
        #expect(redactor.knownSecrets.count == 2)
    }

    /// A value given as `set NAME=VALUE` is learned like `set NAME VALUE`: echoed later, it is masked.
    @Test func learnsTheValueOfARefusedAssignment() {
        var redactor = Redactor()
        redactor.learn(arguments: ["set", "app_secret=6f1e2d3c4b5a6978"])
        #expect(redactor.redact("got 6f1e2d3c4b5a6978") == "got <redacted>")
    }

    @Test(arguments: [
        ("webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", true),
        ("use 100200300400501", true),
        ("trace wamid.HBgLMTQxNTU1NTAxNDIVAgARGBI5QjhGMEE1", true),
        ("verify --signature 65f2d6d6dd4b6ba40c3b82ea66d425dd95e3669c22ac41449593a7566142f9e4 --body x", true),
        ("verify --secret whsec_abc --body x", false),
        ("webhooks update 1 --secret-key=abc", false),
        ("set api_key abc", false),
        ("set API_KEY abc", false),
        ("echo sk_live_51Habcdefgh", false),
        ("echo Kx9fQ2mZp7LwR4tV8yB3nC6", false),
        (" health", false),
        ("set pw V", false), ("set bearer V", false), ("set whsec V", false), ("set PW_main V", false),
        ("set app_secret=6f1e2d3c4b5a69788796a5b4c3d2e1f0", false), ("set webhook_secret=V", false),
        ("set hook=3d4e", true),
        ("verify --sec VALUE --body x", false), ("verify --sec=VALUE --body x", false), ("set number 100200300400501", true),
        ("reply --to 14155550142 hi", true),
    ])
    func historyPolicy(_ line: String, _ allowed: Bool) {
        #expect(HistoryPolicy.allows(line) == allowed)
    }
}

@Suite struct PIIMaskerTests {
    @Test(arguments: [
        ("+1 415-555-0142", "+1 415 ••• 0142"), ("+14155550142", "+1 415 ••• 0142"),
        ("+44 20 7946 0958", "+44 207 ••• 0958"), ("id 100200300400501", "id 100200300400501"),
        // probe7 P7-9: split after the country calling code, not at ten digits from the end (`+551 198 ••• 4321`).
        ("+5511987654321", "+55 119 ••• 4321"), ("+5491123456789", "+54 911 ••• 6789"),
        ("+5215512345678", "+52 155 ••• 5678"), ("+551187654321", "+55 118 ••• 4321"),
        ("at 2026-11-21T12:00:00Z", "at 2026-11-21T12:00:00Z"), ("a+1 b", "a+1 b"),
        ("  100200300400501  +1 415-555-0100  Support", "  100200300400501  +1 415 ••• 0100  Support"),
    ])
    func masksDisplayNumbers(_ text: String, _ expected: String) {
        #expect(PIIMasker().mask(text) == expected)
    }

    @Test func learnedNamesBodiesAndBareNumbersGetStableAliases() {
        let masker = PIIMasker()
        masker.learn(from: [
            "data": [
                ["from": "14155550142", "contact_name": "Ana Souza", "text": ["body": "where is my order?"]],
                ["from": "14155550199", "profile": ["name": "Bo Li"], "text": ["body": "hello"]],
            ]
        ])
        #expect(
            masker.mask("Ana Souza (14155550142): where is my order?") == "<contact 1> (1415•••0142): <body 1>")
        // A one-word body is masked where it is a message's content, not in other text (probe7 P7-2,
        // BodyFormsMaskTests); names are masked everywhere.
        #expect(masker.mask("Bo Li said hello; Ana Souza") == "<contact 2> said hello; <contact 1>")
    }

    /// A masked number keeps the form it was written in (probe6 P6-14): bare digits stay one run of digits (a JSON
    /// value, a URL, a typed word), no `+` is added where there was none, a `00` prefix stays; masking it again
    /// changes nothing.
    @Test(arguments: [
        (#""to": "14155550142""#, #""to": "1415•••0142""#), ("https://wa.me/14155550142", "https://wa.me/1415•••0142"),
        ("whois 0014155550142", "whois 001415•••0142"), ("00 1 415 555 0142", "00 1 415 ••• 0142"),
        ("1 415 555 0142", "1 415 ••• 0142"), ("+14155550142", "+1 415 ••• 0142"), ("4155550142", "415•••0142"),
        ("(415) 555-0142", "(415) ••• 0142"), ("415-555-0142", "415 ••• 0142"),
        ("/contacts/447700900555", "/contacts/44770•••0555"), ("/contacts/00447700900555", "/contacts/0044770•••0555"),
        ("CONTACT      ID\n14155550142  7", "CONTACT      ID\n1415•••0142  7"),
    ])
    func aMaskedNumberKeepsTheFormItWasWrittenIn(_ text: String, _ expected: String) {
        let masker = PIIMasker()
        masker.learn(from: ["from": "14155550142"])
        #expect(masker.mask(text) == expected)
        #expect(masker.mask(expected) == expected)
    }
}

@Suite struct LineDiffTests {
    /// probe38 P38-15 e: in each hunk the recorded lines come first, then the replay's, as `diff -u` and git print
    /// them, under a header that names '-' first; a hunk of several lines keeps each side together.
    @Test func removedLinesComeBeforeTheLinesThatReplaceThem() {
        #expect(
            LineDiff.lines(expected: "a\nb\nc\nd\ne", actual: "a\nB\nC\nx\nd\ne") == [
                "@@ line 2", "-b", "-c", "+B", "+C", "+x",
            ])
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.lines(expected: "a\nb", actual: "a\nb").isEmpty)
    }

    @Test func showsChangedLinesWithTheirLineNumber() {
        #expect(
            LineDiff.lines(expected: "a\nb\nc\nd", actual: "a\nB\nc\nd\ne") == [
                "@@ line 2", "-b", "+B", "@@ line 5", "+e",
            ])
        #expect(
            LineDiff.lines(expected: "a\nb\nc\nd\ne\nf", actual: "a\nB\nc\nd\nE\nf") == [
                "@@ line 2", "-b", "+B", "@@ line 5", "-e", "+E",
            ])
    }

    /// A long transcript with one changed line: the common ends are set aside, the line is named by number.
    @Test func aLongTextWithOneChangeIsOneHunk() {
        let lines = (1...30_000).map { "line \($0)" }
        var changed = lines
        changed[14_999] = "changed"
        #expect(
            LineDiff.lines(expected: lines.joined(separator: "\n"), actual: changed.joined(separator: "\n"))
                == ["@@ line 15000", "-line 15000", "+changed"])
    }

    /// Past the alignment limit the middle is one replaced block: every expected line, then every actual one.
    @Test func aMiddleTooLargeToAlignIsOneReplacedBlock() {
        let side = 2_001  // 2,001 × 2,001 lines is past 4,000,000 cells
        let old = ["same"] + (0..<side).map { "old \($0)" } + ["end"]
        let new = ["same"] + (0..<side).map { "new \($0)" } + ["end"]
        let diff = LineDiff.lines(expected: old.joined(separator: "\n"), actual: new.joined(separator: "\n"))
        #expect(diff.first == "@@ line 2")
        #expect(diff.count == 1 + 2 * side)
        #expect(diff[1] == "-old 0" && diff[side] == "-old \(side - 1)" && diff[side + 1] == "+new 0" && diff.last == "+new \(side - 1)")
    }
}

@Suite struct PIIAlignmentTests {
    /// Aliases are measured before layout: the masked table is aligned on what the page shows.
    @Test func masksCellsBeforeTheColumnsAreMeasured() {
        let masker = PIIMasker()
        masker.learn(from: ["data": [["from": "14155550142", "text": ["body": "where is my order, please?"]]]])
        let table = Table(
            columns: [Column("CONTACT"), Column("CONTENT"), Column("ID")],
            rows: [[StyledText("14155550142"), StyledText("where is my order, please?"), StyledText("wamid.HBgLMTQx=")]])
        let lines = Renderer().render(masker.mask(CommandResult(blocks: [.table(table)]))).out
        #expect(lines == ["CONTACT      CONTENT   ID", "1415•••0142  <body 1>  <message 1>"])
    }
}
