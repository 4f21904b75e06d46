@testable import KopsShell
import Testing

/// Probe24 P24-17: one reading of a URL's credential parameters, shared by the byte test and the masking.
@Suite struct CredentialParametersTests {
    static let url =
        "https://fn.azurewebsites.example/api/kapso?code=AZFUNCKEY1==&x-api-key=S6&hmac=S7&session=S9&jwt=S10&bearer=S11"
        + "&private_key=S13&X_Api_Key=S15&sessionId=S16&page=2&after=abc"

    @Test func everyCredentialParameterIsMaskedAndTheOthersStay() {
        let masked = Redactor.maskURLCredentials(Self.url)
        #expect(
            masked == "https://fn.azurewebsites.example/api/kapso?code=<redacted>&x-api-key=<redacted>&hmac=<redacted>"
                + "&session=<redacted>&jwt=<redacted>&bearer=<redacted>&private_key=<redacted>&X_Api_Key=<redacted>"
                + "&sessionId=<redacted>&page=2&after=abc")
        #expect(URLCredentialScanTests.scan(Self.url))
    }

    @Test(arguments: ["code", "x-api-key", "X_API_KEY", "jwt", "bearer", "hmac", "private_key", "session", "client_secret", "sig", "pwd"])
    func credentialNames(_ name: String) {
        #expect(CredentialParameters.isCredential(name: name))
        #expect(URLCredentialScanTests.scan("https://h.test/x?\(name)=v"))
    }

    @Test(arguments: ["page", "after", "event", "country_code", "phone_number_id", "limit"])
    func otherNames(_ name: String) {
        #expect(!CredentialParameters.isCredential(name: name))
        #expect(!URLCredentialScanTests.scan("https://h.test/x?\(name)=v"))
    }
}
