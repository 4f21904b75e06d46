import KapsoDiagnostics
import Testing

/// Probe24 P24-13: a Meta access token pasted where an id goes is named as one, never as a click id, and the line
/// holds no character of it.
@Suite struct IDShapeCredentialTests {
    @Test func aMetaAccessTokenIsNamedWithoutBeingPrinted() throws {
        let token = "EAAGm0PX4ZCpsBAKZCZBkZCz8ZAZBqQ7xZCQ9ZBZA4ZCpLd0ZDaBcDeFgHiJkLmN"
        let line = try #require(IDShape.describe(token))
        #expect(line.hasPrefix("this is a Meta access token (EAA…), a secret, not an id"))
        #expect(!line.contains("click id"))
        #expect(!line.contains("EAAG"))
    }

    @Test func aWebhookSecretIsNamed() {
        #expect(IDShape.describe("whsec_Zq81mXk2P0aa7Hq")?.hasPrefix("this is a webhook signing secret (whsec_…)") == true)
    }

    @Test func aClickIDIsStillOne() {
        let clid = "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"
        #expect(IDShape.describe(clid)?.contains("click id") == true)
    }
}
