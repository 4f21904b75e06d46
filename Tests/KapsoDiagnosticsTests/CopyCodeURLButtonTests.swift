import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe45 P45-3: an AUTHENTICATION copy-code template as Graph lists it. Meta: "in your template creation request the
/// button type is designated as OTP, but upon creation the button type will be set to URL"
/// (developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates/copy-code-button-authentication-templates).
/// Read as a dynamic URL button it was "cannot be sent: 132000 … kops cannot send yet", even with the code given.
@Suite struct CopyCodeURLButtonTests {
    static let copyCode: JSONValue = [[
        "type": "URL", "text": "Copy code",
        "url": "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=5&code=otp{{1}}",
    ]]

    @Test func theListedURLButtonIsTheOTPButton() throws {
        let template = try TemplateCheckTests.template(
            category: "AUTHENTICATION", body: "*{{1}}* is your verification code.", buttons: Self.copyCode)
        #expect(template.otpButtonIndex == 0)
        #expect(template.dynamicURLButtons.isEmpty)
        let send = try TemplateCheck.check(template, arguments: [.init(value: "483920")])
        #expect(send.components.last?["type"]?.string == "button")
        #expect(send.components.last?["sub_type"]?.string == "url")
        #expect(send.components.last?["index"]?.string == "0")
        #expect(send.components.last?["parameters"]?[0]?["text"]?.string == "483920")
    }

    /// A URL button to any other site in a UTILITY template is still a dynamic URL button.
    @Test func anotherURLButtonStaysDynamic() throws {
        let template = try TemplateCheckTests.template(
            body: "Track {{1}}", buttons: [["type": "URL", "text": "Track", "url": "https://shop.example.test/t/{{1}}"]])
        #expect(template.otpButtonIndex == nil)
        #expect(template.dynamicURLButtons == [0])
    }
}
