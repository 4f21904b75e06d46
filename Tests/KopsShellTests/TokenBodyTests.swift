@testable import KopsShell
import Testing

/// probe36 P36-7: a word that only starts like a credential prefix (`kapso_`, `sk_`, `npm_`, `hf_`, `rk_`, `ghs_`,
/// `kops_`, `glpat-`, `pypi-`, `shpat_`, `EAA`, in any case) was a secret in every sink: `no template named
/// '<redacted>'`, transcript lines `kops check` would not replay, lines kept out of history. A prefix needs a token's
/// body after it (`TokenShapes.hasTokenBody`: a digit, or case changes inside its words); words joined by `_` or `-`
/// are a name. Tokens with a body are masked as before.
@Suite struct TokenBodyTests {
    @Test(arguments: [
        "kapso_welcome_message", "sk_order_reminder", "npm_install_failed", "Kapso_Support_Line", "hf_inference_timeout",
        "rk_delivery_update", "ghs_ticket_closed", "kops_demo_tour", "glpat-rotation-done", "pypi-release-notes",
        "shpat_orders_sync", "EAAlert", "Asia/Kolkata", "Asia_Pacific_Support", "AKIA_policy_review",
    ])
    func aNameThatStartsLikeAPrefixStaysReadable(word: String) {
        for line in ["logs search \(word)", "template \(word)", "error: no template named '\(word)' on WABA 200300400500601"] {
            #expect(Redactor().redact(line) == line)
            #expect(Redactor().redact(errorLine: line) == line)
            #expect(Redactor().redact(commandLine: line) == line)
            #expect(HistoryPolicy.allows(line), "\(line)")
            var redactor = Redactor()
            redactor.learn(secretsTypedIn: line)
            #expect(redactor.knownSecrets.isEmpty, "\(line)")
        }
    }

    /// A token's body: digits, or letters whose case changes inside a word; also after a label, however short.
    @Test(arguments: [
        "kapso_live_abcdef1234567890ABCDEF", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "ghs_AbCdEfGhIjKlMnOpQrStUvWx",
        "npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "whsec_demo_12345",
        "EAAGm0PX4ZCpsBAKZCZBvlNtuhlZCkZD",
    ])
    func aTokenWithItsBodyIsStillMasked(token: String) {
        #expect(Redactor().redact(errorLine: "refused \(token) here") == "refused <redacted> here")
        #expect(!HistoryPolicy.allows("logs search \(token)"))
        var redactor = Redactor()
        redactor.learn(secretsTypedIn: "logs search \(token)")
        #expect(redactor.knownSecrets.map(\.revealed) == [token])
    }

    @Test func aLabelledShortTokenIsStillMasked() {
        #expect(Redactor().redact(errorLine: "access_token=EAAGm0PX4Z rejected") == "access_token=<redacted> rejected")
        #expect(Redactor().redact(errorLine: "token:sk_live_1 rejected") == "token:<redacted> rejected")
    }
}
