import KapsoClient
import KapsoDiagnostics
@testable import KopsShell
import Testing

/// probe46 P46-14: the `templates` list's PARAMS said `none` for a coupon code template and `1 positional` for a template
/// with a dynamic URL button, and `template NAME`'s `parameters:` left the URL button out, while the send line of the same
/// view said both need a value at every send (132000). PARAMS and `parameters:` now name every value a send gives.
@Suite struct TemplateParamsColumnTests {
    static func template(_ json: String) throws -> MessageTemplate {
        MessageTemplate(json: try #require(try JSONValue.parse(Array(json.utf8)).object))
    }

    static let coupon = #"""
        {"id": "780100200300904", "name": "promo_coupon", "language": "en_US", "status": "APPROVED", "category": "MARKETING",
         "parameter_format": "POSITIONAL", "components": [{"type": "BODY", "text": "Use this code at checkout."},
         {"type": "BUTTONS", "buttons": [{"type": "COPY_CODE", "example": "SAVE10"}]}]}
        """#
    static let trackURL = #"""
        {"id": "780100200300902", "name": "track_url", "language": "en_US", "status": "APPROVED", "category": "UTILITY",
         "parameter_format": "POSITIONAL", "components": [{"type": "BODY", "text": "Your order {{1}} has shipped."},
         {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Track", "url": "https://track.example.com/{{1}}"},
         {"type": "URL", "text": "Help", "url": "https://example.com/help"}]}]}
        """#
    static let plain = #"""
        {"id": "780100200300905", "name": "hello", "language": "en_US", "status": "APPROVED", "category": "UTILITY",
         "components": [{"type": "BODY", "text": "Hello."}]}
        """#

    @Test func paramsNamesEveryValueASendGives() throws {
        #expect(TemplateLookup.parameterSummary(try Self.template(Self.coupon)) == "coupon code")
        #expect(TemplateLookup.parameterSummary(try Self.template(Self.trackURL)) == "1 positional + URL button")
        #expect(TemplateLookup.parameterSummary(try Self.template(Self.plain)) == "none")
    }

    @Test func theDetailListsTheURLButtonsVariable() throws {
        #expect(TemplateCommand.parameters(try Self.template(Self.trackURL)) == "body {{1}}, button 0 URL {{1}} (the URL's end)")
        #expect(TemplateCommand.parameters(try Self.template(Self.coupon)) == "button 0 coupon code")
    }
}
