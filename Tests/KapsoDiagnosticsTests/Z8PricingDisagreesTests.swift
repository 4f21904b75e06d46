import KapsoClient
import KapsoDiagnostics
import Testing

/// tester56 Z8: a status `pricing` that contradicts itself ("billable" with a free type, "not billable" with type
/// regular, "billable" with the free referral_conversion category) was printed as it came, read as a charge. It says
/// the fields disagree; an agreeing one says nothing of it.
@Suite struct Z8PricingDisagreesTests {
    static func text(_ json: String) throws -> String {
        try #require(StatusBilling.Pricing(try JSONValue.parse(Array(json.utf8)))).text
    }

    @Test(arguments: [
        (#"{"billable":true,"pricing_model":"PMP","category":"service","type":"free_customer_service"}"#,
         "the fields disagree: billable, yet type free_customer_service is free"),
        (#"{"billable":false,"pricing_model":"PMP","category":"utility","type":"regular"}"#,
         "the fields disagree: not billable, yet type regular is charged"),
        (#"{"billable":true,"pricing_model":"PMP","category":"referral_conversion"}"#,
         "the fields disagree: billable, yet category referral_conversion is free"),
    ])
    func contradictionsAreSaid(json: String, said: String) throws {
        let text = try Self.text(json)
        #expect(text.contains(said), "\(text)")
    }

    @Test(arguments: [
        #"{"billable":false,"pricing_model":"PMP","category":"service","type":"free_customer_service"}"#,
        #"{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}"#,
    ])
    func agreeingFieldsSayNothing(json: String) throws {
        let text = try Self.text(json)
        #expect(!text.contains("disagree"), "\(text)")
    }
}
