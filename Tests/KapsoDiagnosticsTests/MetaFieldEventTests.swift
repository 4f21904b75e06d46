import KapsoClient
import KapsoDiagnostics
import Testing

/// probe32 P32-3: `listen` printed a template rejection, an account violation, a messaging-limit downgrade and a
/// marketing opt-out as bare field names ("meta: account_update; signature ok"). The line now says what happened, read
/// from the value as Meta's webhook reference shapes it (the probe's bodies).
@Suite struct MetaFieldEventTests {
    /// A Meta envelope with one change of `field`.
    private static func body(field: String, value: String) -> [UInt8] {
        Array(#"{"object":"whatsapp_business_account","entry":[{"id":"200300400500601","changes":[{"field":"\#(field)","value":\#(value)}]}]}"#.utf8)
    }

    @Test(arguments: [
        ("message_template_status_update",
         #"{"event":"REJECTED","message_template_id":780100200300408,"message_template_name":"holiday_hours","message_template_language":"en_US","reason":"INVALID_FORMAT"}"#,
         "template holiday_hours (en_US) REJECTED, reason INVALID_FORMAT: it cannot be sent until a corrected version is approved"),
        ("message_template_status_update",
         #"{"event":"APPROVED","message_template_name":"order_update","message_template_language":"es","reason":"NONE"}"#,
         "template order_update (es) APPROVED: it can be sent"),
        ("account_update",
         #"{"phone_number":"14155550100","event":"ACCOUNT_VIOLATION","violation_info":{"violation_type":"SCAM"}}"#,
         "account ACCOUNT_VIOLATION, violation SCAM: Meta acted on the WhatsApp Business Account; WhatsApp Manager shows what it restricts"),
        ("account_update",
         #"{"event":"ACCOUNT_RESTRICTION","restriction_info":[{"restriction_type":"RESTRICTED_BIZ_INITIATED_MESSAGING","expiration":"2026-12-10T13:59:20+0000"}]}"#,
         "account ACCOUNT_RESTRICTION, RESTRICTED_BIZ_INITIATED_MESSAGING until 2026-12-10T13:59:20+0000: Meta acted on the WhatsApp Business Account; WhatsApp Manager shows what it restricts"),
        ("phone_number_quality_update",
         #"{"display_phone_number":"14155550100","event":"DOWNGRADE","current_limit":"TIER_250","old_limit":"TIER_1K"}"#,
         "DOWNGRADE: messaging limit lowered from TIER_1K to TIER_250"),
        ("phone_number_quality_update", #"{"display_phone_number":"14155550100","event":"FLAGGED","current_limit":"TIER_1K"}"#,
         "FLAGGED, limit TIER_1K"),
        ("user_preferences",
         #"{"messaging_product":"whatsapp","metadata":{"display_phone_number":"14155550100","phone_number_id":"100200300400501"},"user_preferences":[{"wa_id":"14155550181","detail":"User requested to stop marketing messages","category":"marketing_messages","value":"stop","timestamp":1764728516}]}"#,
         "contact 14155550181 stopped marketing messages: marketing templates to them fail (131050); utility and authentication still go"),
        ("user_preferences", #"{"user_preferences":[{"wa_id":"14155550181","category":"marketing_messages","value":"resume"}]}"#,
         "contact 14155550181 resumed marketing messages"),
        ("smb_message_echoes",
         #"{"messaging_product":"whatsapp","metadata":{"display_phone_number":"14155550100","phone_number_id":"100200300400501"},"message_echoes":[{"from":"14155550100","to":"14155550181","id":"wamid.X03","timestamp":"1764728516","type":"text","text":{"body":"sent from the app"}}]}"#,
         "sent from the WhatsApp Business app: msg wamid.X03 text to 14155550181"),
    ])
    func aFieldsEventIsSaidOnTheLine(field: String, value: String, said: String) {
        let reading = ReceivedDelivery(headers: [], body: Self.body(field: field, value: value), secret: nil, metaSecret: nil)
        #expect(reading.kind == "meta")
        #expect(reading.event == "meta: " + field)
        #expect(reading.itemsText == said)
    }

    /// A field this does not read, or a value without its event, stays as it was: the field name alone.
    @Test(arguments: [("smb_app_state_sync", #"{"state":"x"}"#), ("account_update", #"{"phone_number":"1"}"#)])
    func aFieldWithoutAnEventAddsNothing(field: String, value: String) {
        let reading = ReceivedDelivery(headers: [], body: Self.body(field: field, value: value), secret: nil, metaSecret: nil)
        #expect(reading.itemsText == "")
        #expect(MetaFieldEvent.summary(field: "messages", value: try? JSONValue.parse(Array(value.utf8))) == nil)
    }
}
