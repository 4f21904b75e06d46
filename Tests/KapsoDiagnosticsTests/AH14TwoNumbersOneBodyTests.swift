import KapsoDiagnostics
import Testing

/// tester61 AH14: `listen` given a Meta payload with two `entry` items (two numbers' changes in one POST) named only the
/// first number, so the second number's message read as the first one's. Every number is named, each item under its own.
@Suite struct AH14TwoNumbersOneBodyTests {
    static func change(_ number: String, _ value: String) -> String {
        #"{"id":"WABA","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"1555","phone_number_id":""#
            + number + #""},"# + value + "}}]}"
    }

    static let body = #"{"object":"whatsapp_business_account","entry":["#
        + change("100200300400501", #""messages":[{"from":"14155550101","id":"wamid.A","type":"text","text":{"body":"hi"}}]"#) + ","
        + change("100200300400502", #""statuses":[{"id":"wamid.B","status":"delivered","recipient_id":"14155550102"}]"#) + "]}"

    @Test func eachNumberIsNamedWithItsOwnItems() {
        let reading = ReceivedDelivery(
            headers: [(name: "Content-Type", value: "application/json")], body: Array(Self.body.utf8), secret: nil, metaSecret: nil)
        #expect(reading.phoneNumberIDs == ["100200300400501", "100200300400502"])
        #expect(reading.items.map(\.phoneNumberID) == ["100200300400501", "100200300400502"])
        #expect(
            reading.itemsText == "number 100200300400501: msg wamid.A text; number 100200300400502: msg wamid.B delivered",
            "\(reading.itemsText)")
    }

    /// Two changes of one number stay one number's line.
    @Test func twoChangesOfOneNumberStayOneNumbers() {
        let body = #"{"object":"whatsapp_business_account","entry":["#
            + Self.change("100200300400501", #""messages":[{"id":"wamid.A","type":"text"}]"#) + ","
            + Self.change("100200300400501", #""statuses":[{"id":"wamid.B","status":"read"}]"#) + "]}"
        let reading = ReceivedDelivery(headers: [], body: Array(body.utf8), secret: nil, metaSecret: nil)
        #expect(reading.phoneNumberIDs == ["100200300400501"])
        #expect(reading.itemsText == "msg wamid.A text, msg wamid.B read", "\(reading.itemsText)")
    }
}
