import KapsoClient
import KapsoDiagnostics
import Testing

/// Probe5 P5-3: Brazil's ninth digit and Mexico's mobile 1 give one contact two numbers (the `wa_id` Meta reports and
/// the number the business sends to); `ContactNumber` links them, and nothing else.
@Suite struct ContactNumberTests {
    typealias Match = ContactNumber.Match

    @Test(arguments: [
        ("5511987654321", "5511987654321", Match.sameDigits),
        ("+55 11 98765-4321", "5511987654321", .sameDigits),
        ("5511987654321", "551187654321", .brazilNinthDigit),
        ("551187654321", "+55 (11) 98765-4321", .brazilNinthDigit),
        ("5592981723241", "559281723241", .brazilNinthDigit),
        ("5215512345678", "525512345678", .mexicoMobileOne),
        ("+52 55 1234 5678", "5215512345678", .mexicoMobileOne),
        // Probe6 P6-3: Argentina's wa_id keeps the mobile 9; people write it without, or with the national 15.
        ("5491123456789", "541123456789", .argentinaMobileNine),
        ("+54 9 11 2345-6789", "+54 11 2345 6789", .argentinaMobileNine),
        ("5491123456789", "+54 11 15 2345-6789", .argentinaMobileNine),
        ("54111523456789", "541123456789", .argentinaMobileNine),
        ("5493511234567", "+54 351 15 123-4567", .argentinaMobileNine),
        ("5492966123456", "54 2966 15 12-3456", .argentinaMobileNine),
    ])
    func linksTheTwoFormsOfOneNumber(a: String, b: String, match: Match) {
        #expect(ContactNumber.match(a, b) == match)
        #expect(ContactNumber.match(b, a) == match)
        #expect(ContactNumber.same(a, b))
    }

    @Test(arguments: [
        // A Brazilian landline (2-5) got no ninth digit: 55 11 2345-6789 is not 55 11 92345-6789.
        ("5511923456789", "551123456789"),
        // Another digit than 9, another area code, another country, a prefix only.
        ("5511887654321", "551187654321"), ("5511987654321", "552187654321"), ("14155550142", "1415555014"),
        ("5491123456789", "541123456788"), ("5215512345678", "525512345679"),
        // Argentina: no 15 where an area code ends, another subscriber after the 15, a 9 before no area code.
        ("54112323456789", "5491123456789"), ("54111523456788", "5491123456789"), ("549912345678", "5412345678"),
        // A business-scoped user id is no number; nil is nobody.
        ("BR.81726354091827364512", "81726354091827364512"),
    ])
    func linksNothingElse(a: String, b: String) {
        #expect(ContactNumber.match(a, b) == nil)
        #expect(!ContactNumber.same(a, b))
    }

    @Test func sameTextAndNil() {
        #expect(ContactNumber.same("BR.81726354091827364512", "BR.81726354091827364512"))
        #expect(!ContactNumber.same(nil, "5511987654321"))
        #expect(!ContactNumber.same(nil, nil))
    }

    @Test func theSearchKeyIsSharedByBothForms() {
        #expect(ContactNumber.searchKey("5511987654321") == "87654321")
        #expect(ContactNumber.searchKey("551187654321") == "87654321")
        #expect(ContactNumber.searchKey("5215512345678") == ContactNumber.searchKey("525512345678"))
        // Argentina: Kapso's partial match of the key finds every form (the 15 form's key is in the others).
        for form in ["5491123456789", "541123456789", "54111523456789", "5493511234567", "54351151234567"] {
            let key = ContactNumber.searchKey(form)
            #expect(key != form && ["5491123456789", "5493511234567"].contains { $0.hasSuffix(key) }, "\(form)")
        }
        // Other numbers are searched by their own digits, as before.
        #expect(ContactNumber.searchKey("14155550142") == "14155550142")
    }

    @Test func whatsAppIDForms() {
        #expect(ContactNumber.whatsAppIDForm("5511987654321") == "551187654321")
        #expect(ContactNumber.whatsAppIDForm("551187654321") == "551187654321")
        #expect(ContactNumber.whatsAppIDForm("525512345678") == "5215512345678")
        #expect(ContactNumber.whatsAppIDForm("541123456789") == "5491123456789")
        #expect(ContactNumber.whatsAppIDForm("5491123456789") == "5491123456789")
        #expect(ContactNumber.whatsAppIDForm("54111523456789") == "5491123456789")
        #expect(ContactNumber.whatsAppIDForm("14155550142") == nil)
    }

    static func message(_ id: String, from contact: String, conversation: String, at time: Int) throws -> Message {
        try Message(json: [
            "id": .string(id), "timestamp": .string(String(time)), "type": "text", "from": .string(contact),
            "kapso": [
                "direction": "inbound", "status": "received", "phone_number": .string(contact), "phone_number_id": "100200300400501",
                "whatsapp_conversation_id": .string(conversation),
            ],
        ])
    }

    static func conversation(_ id: String, contact: String) throws -> Conversation {
        try Conversation(json: [
            "id": .string(id), "phone_number": .string(contact), "status": "active", "phone_number_id": "100200300400501",
            "kapso": ["last_inbound_at": .null],
        ])
    }

    /// The window of João's dialled number is opened by his message from his WhatsApp ID, and a message of his
    /// conversation counts whatever number it carries.
    @Test func theWindowReadsTheOtherFormAndTheConversationsMessages() throws {
        let at = 1_795_262_400
        let brazil = try Self.message("wamid.A", from: "551187654321", conversation: "c-br", at: at - 7200)
        let window = ContactWindow(
            phoneNumberID: "100200300400501", contact: "5511987654321", conversations: [], inbound: [brazil], at: Int64(at))
        #expect(window.lastInbound == Int64(at - 7200))
        let odd = try Self.message("wamid.B", from: "15550000000", conversation: "c-mx", at: at - 3600)
        let byConversation = ContactWindow(
            phoneNumberID: "100200300400501", contact: "525512345678",
            conversations: [try Self.conversation("c-mx", contact: "5215512345678")], inbound: [odd], at: Int64(at))
        #expect(byConversation.lastInbound == Int64(at - 3600))
        let stranger = ContactWindow(
            phoneNumberID: "100200300400501", contact: "525512345678", conversations: [], inbound: [odd], at: Int64(at))
        #expect(stranger.lastInbound == nil)
    }
}
