import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// Meta's limited-time offer templates: the `LIMITED_TIME_OFFER` component is read (text, `has_expiration`), and a send
/// is refused before its copy-code or URL button is, naming the offer.
@Suite struct LimitedTimeOfferTests {
    static func template(hasExpiration: JSONValue) -> MessageTemplate {
        Probe28TemplateTests.template([
            ["type": "LIMITED_TIME_OFFER", "limited_time_offer": ["text": "Expiring offer!", "has_expiration": hasExpiration]],
            ["type": "BODY", "text": "Use code {{1}}"],
            ["type": "BUTTONS", "buttons": [["type": "COPY_CODE", "example": "CARIBE25"]]],
        ])
    }

    @Test(arguments: [(JSONValue.bool(true), true), (.bool(false), false), (.string("true"), true)])
    func theOfferIsReadAndRefused(value: JSONValue, expires: Bool) {
        let template = Self.template(hasExpiration: value)
        #expect(template.limitedTimeOffer == .init(text: "Expiring offer!", hasExpiration: expires))
        let problem = Probe28TemplateTests.problem(template, ["CARIBE25"])
        #expect(problem == .limitedTimeOffer(.init(text: "Expiring offer!", hasExpiration: expires)))
        #expect(problem?.isUnbuilt == true && problem?.code == "132000")
        #expect(problem?.statement.contains("expiration_time_ms") == expires, "\(problem?.statement ?? "")")
        #expect(problem?.fix.contains("expiration_time_ms") == true)
    }

    @Test func otherTemplatesHaveNoOffer() {
        let plain = Probe28TemplateTests.template([["type": "BODY", "text": "Hi"]])
        #expect(plain.limitedTimeOffer == nil && Probe28TemplateTests.problem(plain) == nil)
    }
}
