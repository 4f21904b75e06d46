import KapsoDiagnostics
import KopsHTTP
import Testing

/// probe42 P42-3: the one reader of "is this a form kops prints in place of what it hides", behind every input that
/// takes a secret, a key, a URL or a header value.
@Suite struct MaskedInputTests {
    /// Every masked form `SecretMask.text` prints is read as one, shown whole (it holds nothing of a secret).
    @Test(arguments: [
        "whsec_demo_123", "whsec_0123456789abcdef0123456789abcdef", "mysecret_1234", "abc123", "kapso_live_ABCDEFGH12345",
        "EAAGm0PX4ZCpsBAKZBqwertyuiop", "Bearer EAAGm0PX4ZCpsBAKZBqwertyuiop", "sk_test_offline_0123",
    ])
    func everyFormSecretMaskPrintsIsReadAsAMask(secret: String) throws {
        let shown = SecretMask.text(secret)
        let masked = try #require(MaskedInput.read(shown), "\(shown)")
        #expect(masked.shown == shown && masked.mark == "…" && !masked.isPlaceholder)
    }

    @Test(arguments: [
        ("<redacted>", "<redacted>", "<redacted>" as String?, false),
        ("https://hook.eu1.make.com/<redacted>", "<redacted>", nil, false),
        ("{\"X-Acme-Env\":\"<redacted>\"}", "<redacted>", nil, false),
        ("whsec_realpart…23", "…", nil, false),
        ("1415•••0142", "•••", nil, false),
        ("ab•cd", "•", nil, false),
        ("whsec_...", "...", "whsec_...", true),
        ("...", "...", "...", true),
    ])
    func aMarkIsFoundAndOnlyAWholeMaskIsShown(value: String, mark: String, shown: String?, placeholder: Bool) throws {
        let masked = try #require(MaskedInput.read(value))
        #expect(masked.mark == mark && masked.shown == shown && masked.isPlaceholder == placeholder)
        // The words show the value only when it is all mask.
        if shown == nil { #expect(!masked.what("the secret").contains(value)) }
    }

    /// Real secrets, keys and URLs, ASCII dots inside included, are no mask.
    @Test(arguments: [
        "whsec_demo_123", "s3cr3t-value", "kapso_test_ABCDEFGH12345", "https://hooks.acme-demo.test/kapso/whatsapp",
        "{\"X-Env\":\"prod\"}", "a...b", "whsec_a...b_real", "redacted", "<redacted", "",
    ])
    func aRealValueIsNoMask(value: String) {
        #expect(MaskedInput.read(value) == nil)
    }

    @Test func theWordsSayWhatTheValueIs() throws {
        #expect(try #require(MaskedInput.read("whsec_…23")).what("the secret") == "is 'whsec_…23', the masked form kops prints, not the secret")
        #expect(try #require(MaskedInput.read("whsec_...")).what("the secret") == "is 'whsec_...', the placeholder of kops's help, not the secret")
        #expect(
            try #require(MaskedInput.read("https://h.test/<redacted>")).what("the URL")
                == "holds '<redacted>', which kops prints in place of a value it hides: it is a copy of kops's output, not the URL")
    }

    /// An API key from the environment, a profile's variable or command: `…34` was called "not plain ASCII (copied
    /// from a web page or a chat?)", `<redacted>` was sent.
    @Test(arguments: ["…34", "kapso_…ab", "<redacted>", "sk_…"])
    func aMaskedKeyIsRefusedAsAMask(value: String) throws {
        let problem = try #require(APIKeyShape.problem(in: value))
        guard case .masked = problem else {
            Issue.record("\(value): \(problem)")
            return
        }
        #expect(problem.what == "is '\(value)', the masked form kops prints, not the key")
        #expect(problem.fix == "kops never prints a key in full, so nothing was sent; give the key itself (Kapso dashboard, API keys)")
    }
}
