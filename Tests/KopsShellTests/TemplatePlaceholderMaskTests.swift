@testable import KopsShell
import Testing

/// probe45 P45-3: a copy-code URL's `code=otp{{1}}` is a template placeholder, not a credential: masked, it hid where
/// the code goes. A real value of a credential parameter is still masked.
@Suite struct TemplatePlaceholderMaskTests {
    @Test(arguments: [
        ("https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}", "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}"),
        ("https://example.test/cb?token={{token}}", "https://example.test/cb?token={{token}}"),
        ("https://example.test/cb?code=483920abc", "https://example.test/cb?code=<redacted>"),
        ("https://example.test/cb?token=abc{{1}}def", "https://example.test/cb?token=<redacted>"),
    ])
    func placeholdersStay(url: String, masked: String) {
        #expect(Redactor().redact(url) == masked)
        #expect(Redactor().redact(errorLine: "button: URL \(url)") == "button: URL \(masked)")
    }
}
