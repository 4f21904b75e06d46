import KapsoClient
import KapsoDiagnostics
import Testing

/// tester54 V19: a template message priced `category: service` (a utility template in an open customer service window)
/// was glossed "category service (not a template: a reply in the customer service window)", contradicting the record's
/// `type: template`. The gloss is about the price now.
@Suite struct V19ServicePricedTemplateTests {
    @Test func serviceIsAPriceNotAMessageKind() throws {
        let pricing = try #require(StatusBilling.Pricing(try JSONValue.parse(Array(#"{"billable":false,"pricing_model":"PMP","category":"service"}"#.utf8))))
        #expect(!pricing.text.contains("not a template"), "\(pricing.text)")
        #expect(pricing.text == "not billable; category service (priced as a service message, inside the customer service window); PMP (per-message pricing)")
    }
}
