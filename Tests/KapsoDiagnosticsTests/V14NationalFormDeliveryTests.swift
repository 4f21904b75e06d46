import KapsoClient
import KapsoDiagnostics
import Testing

/// tester54 V14: a delivery row naming the contact `14155550171` in national form (`4155550171`) was read as another
/// contact's, so `trace` found no delivery of the message and said "Kapso skipped this one: report … to Kapso support".
@Suite struct V14NationalFormDeliveryTests {
    static func delivery(naming contact: String) throws -> WebhookDelivery {
        try WebhookDelivery(json: [
            "id": "d14", "event": "whatsapp.message.received", "status": "delivered", "attempt_count": 1, "response_status": 200,
            "created_at": "2026-11-21T10:40:01Z", "webhook_id": "w14", "webhook_url": "https://hooks.example.test/kapso",
            "conversation_phone_number": .string(contact),
        ])
    }

    @Test(arguments: ["4155550171", "(415) 555-0171", "415-555-0171", "+1 (415) 555-0171", "14155550171"])
    func aRowNamingTheContactInAnyFormConcernsIt(row: String) throws {
        #expect(try Self.delivery(naming: row).mayConcern(contact: "14155550171"))
    }

    /// Other contacts stay other: another number, a `+` before national digits (another country's number), a short tail.
    @Test(arguments: ["4155550172", "+4155550171", "5550171", "24155550171"])
    func anotherNumberDoesNotConcernIt(row: String) throws {
        #expect(try !Self.delivery(naming: row).mayConcern(contact: "14155550171"))
    }

    @Test func aTrunkZeroIsANationalForm() {
        #expect(ContactNumber.isNationalForm("0612345678", of: "31612345678"))
        #expect(!ContactNumber.isNationalForm("0612345679", of: "31612345678"))
    }
}
