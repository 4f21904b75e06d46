import KapsoClient
import KapsoDiagnostics
import Testing

/// The one shape check of a key (probe9 P9-3): what is certain from the text is refused before a request, named;
/// what only looks like another credential is named when the API answers 401; the value never reaches the words.
@Suite struct APIKeyShapeTests {
    static let key = "kapso_test_ABCDEFGH12345"

    @Test(arguments: [
        (key + "\r", APIKeyShape.Problem.controlCharacter(0x0D, .end)),
        (key + "\r\nX-Injected: yes", .controlCharacter(0x0D, .inside)),
        (key + "\n", .controlCharacter(0x0A, .end)),
        ("\t" + key, .controlCharacter(0x09, .start)),
        ("\u{1B}]0;x\u{07}" + key, .controlCharacter(0x1B, .start)),
        (key + "\u{00A0}", .nonASCII(0xA0, .end)),
        (key + "\u{200B}", .nonASCII(0x200B, .end)),
        ("\u{FEFF}" + key, .nonASCII(0xFEFF, .start)),
        ("\"" + key + "\"", .quoted),
        ("'" + key + "'", .quoted),
        // probe22 P22-6: one quote left at one end (a .env line, a shell quote closed in the wrong place).
        (key + "'", .strayQuote("'", .end)),
        ("'" + key, .strayQuote("'", .start)),
        ("\"" + key, .strayQuote("\"", .start)),
        (key + "`", .strayQuote("`", .end)),
        ("Bearer " + key, .bearerPrefix),
        ("bearer " + key, .bearerPrefix),
        ("X-API-Key: " + key, .headerLine),
        ("KAPSO_API_KEY=" + key, .assignment(name: "KAPSO_API_KEY")),
        ("export KAPSO_API_KEY=" + key, .assignment(name: "KAPSO_API_KEY")),
        ("KAPSO_API_KEY=\"" + key + "\"", .assignment(name: "KAPSO_API_KEY")),
        (key + " extra", .words(2)),
        ("/home/me/.kapso-key", .path),
        ("/usr/bin:/bin", .path),
        ("op://vault/kapso/key", .colon),
        (String(repeating: "a", count: 513), .tooLong(513)),
    ])
    func aValueThatCannotBeAKeyIsRefusedWithItsReason(value: String, problem: APIKeyShape.Problem) {
        #expect(APIKeyShape.problem(in: value) == problem)
        // The words name the problem, never the value or a piece of it.
        #expect(!problem.what.contains("ABCDEFGH") && !problem.fix.contains("ABCDEFGH"))
    }

    /// A key with blanks around it is one word: its reason says so, not "holds spaces (1 words)" (probe18 P18-16).
    @Test(arguments: [" " + key + " ", key + " ", " " + key])
    func aKeyWithBlanksAroundItSaysSo(value: String) throws {
        let problem = try #require(APIKeyShape.problem(in: value))
        #expect(problem.what == "starts or ends with a space")
        #expect(problem.fix == "a key is one word with no blanks around it; remove the spaces")
        #expect(APIKeyShape.problem(in: Self.key + " extra")?.what == "holds spaces (2 words)")
    }

    /// Keys the simulator and real projects use, base64 padding included, go through: no length minimum, and no prefix
    /// but Kapso's own webhook-secret prefix and a Meta token's `EAA` from 20 characters (a shorter `EAA…` may be a key).
    @Test(arguments: [
        key, "K", "demo-key", "test_key_0123456789", "aGVsbG8gd29ybGQgaGVsbG8=", "abc==", "EAAGm0PX4ZCpsBA", "eaagm0px4zcpsbakzbqwertyuiop",
        "whsec", String(repeating: "a", count: 512),
    ])
    func aPlausibleKeyIsSent(value: String) {
        #expect(APIKeyShape.problem(in: value) == nil)
    }

    /// tester54 V21: a webhook secret given as the key was sent to the API host and named only after its 401.
    @Test func aWebhookSecretIsNoKey() {
        #expect(APIKeyShape.problem(in: "whsec_p9_0009") == .webhookSecret)
    }

    @Test(arguments: [
        ("EAAGm0PX4ZCpsBAKZBqwertyuiop", APIKeyShape.Kind.metaAccessToken), ("whsec_p9_0009", .webhookSecret),
        (key, nil), ("EAA", nil), ("demo-key", nil),
    ] as [(String, APIKeyShape.Kind?)])
    func anotherCredentialIsNamedByItsPrefix(value: String, kind: APIKeyShape.Kind?) {
        #expect(APIKeyShape.kind(of: value) == kind)
    }

    @Test func aTrailingCarriageReturnIsNamedWithTheCRLFStory() throws {
        let problem = try #require(APIKeyShape.problem(in: Self.key + "\r"))
        #expect(problem.what == "ends with a carriage return (U+000D)")
        #expect(problem.fix.contains("Windows line ends") && problem.fix.contains("nothing was sent"))
    }
}
