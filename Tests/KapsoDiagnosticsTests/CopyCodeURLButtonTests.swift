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

/// probe45 P45-4: a dry run passed an AUTHENTICATION code of 22 characters (`123456 (Acme Demo App)`, the bug in
/// authgear/authgear-server#3356) and a text header value of 66 characters, both of which Meta refuses.
@Suite struct TemplateLengthLimitTests {
    @Test func anAuthenticationCodeOverFifteenCharactersIsRefused() throws {
        let template = try TemplateCheckTests.template(
            category: "AUTHENTICATION", body: "{{1}} is your verification code.", buttons: CopyCodeURLButtonTests.copyCode)
        #expect(throws: TemplateCheck.Problem.codeTooLong(length: 22)) {
            try TemplateCheck.check(template, arguments: [.init(value: "123456 (Acme Demo App)")])
        }
        _ = try TemplateCheck.check(template, arguments: [.init(value: "123456789012345")])
        // Another category's first value is no code.
        let utility = try TemplateCheckTests.template(body: "{{1}} is on its way")
        _ = try TemplateCheck.check(utility, arguments: [.init(value: "123456 (Acme Demo App)")])
        #expect(TemplateCheck.Problem.codeTooLong(length: 22).codeLead == "")
    }

    @Test func aTextHeaderOverSixtyCharactersIsRefused() throws {
        let template = try TemplateCheckTests.template(
            header: ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}"], body: "Hi {{1}}")
        let long = "A-1042-REPLACEMENT-PART-FOR-CUSTOMER-DANA-ORTIZ-WAREHOUSE-7-BAY-12"
        #expect(throws: TemplateCheck.Problem.headerTooLong(length: 6 + long.count)) {
            try TemplateCheck.check(template, arguments: [.init(value: long), .init(value: "Dana")])
        }
        _ = try TemplateCheck.check(template, arguments: [.init(value: "A-1042"), .init(value: "Dana")])
    }
}

/// probe45 P45-12: header media links Meta's servers cannot fetch (the send is accepted, then fails 131053) get a note.
@Suite struct HeaderMediaLinkNoteTests {
    @Test(arguments: [
        ("https://localhost:3000/promo.jpg", "localhost (this machine)"),
        ("https://192.168.1.10/promo.jpg", "a private-network address (192.168.1.10)"),
        ("https://www.dropbox.com/s/abc/promo.jpg?dl=0", "a Dropbox share page"),
        ("https://drive.google.com/file/d/1AbC/view?usp=sharing", "a Google Drive page"),
    ])
    func anUnfetchableLinkGetsANote(link: String, what: String) throws {
        let note = try #require(TemplateCheck.headerMediaNote(link))
        #expect(note.hasPrefix("the header media link is \(what)"), "\(note)")
        #expect(note.contains("131053"))
    }

    @Test(arguments: [
        "https://cdn.example.test/promo.jpg", "https://www.dropbox.com/s/abc/promo.jpg?dl=1",
        "https://dl.dropboxusercontent.com/s/abc/promo.jpg",
    ])
    func aPublicFileLinkGetsNone(link: String) {
        #expect(TemplateCheck.headerMediaNote(link) == nil)
    }
}
