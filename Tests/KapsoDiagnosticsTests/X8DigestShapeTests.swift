import KapsoDiagnostics
import Testing

/// tester55 X8: `whois` of 64 lower-case hex digits (a Kapso delivery's `X-Webhook-Signature`, a meta-kind delivery's
/// `X-Idempotency-Key`; kapso-api.md §10.1) said it had "the shape of a Click-to-WhatsApp click id"; `sha256=` and the
/// digits (Meta's `X-Hub-Signature-256`) got only "cannot read … as an id". Both are named, with what checks them.
@Suite struct X8DigestShapeTests {
    static let hex = "3dea07b12725b53ccb895b0a2c9aa4871ac2ff14cdb2aa574493ce08e0b859f4"

    @Test func sixtyFourHexDigitsAreASHA256() {
        let said = IDShape.describe(Self.hex) ?? ""
        #expect(said.contains("has the shape of a SHA-256 (64 hex digits), not an id"), "\(said)")
        #expect(said.contains("X-Webhook-Signature") && said.contains("X-Idempotency-Key"), "\(said)")
        #expect(!said.contains("ctwa_clid"), "\(said)")
    }

    @Test func metasSignatureValueIsNamed() {
        let said = IDShape.describe("sha256=" + Self.hex) ?? ""
        #expect(said.contains("is an X-Hub-Signature-256 value"), "\(said)")
        #expect(said.contains("'verify --meta'"), "\(said)")
    }

    /// A click id is still one: mixed case and URL-safe, not 64 hex digits.
    @Test func aClickIDStillReadsAsOne() {
        let said = IDShape.describe("ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a") ?? ""
        #expect(said.contains("ctwa_clid"), "\(said)")
    }
}
