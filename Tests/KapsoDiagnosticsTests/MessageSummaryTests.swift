import KapsoClient
import KapsoDiagnostics
import Testing

/// Every message type's summary, from the type object, with the shapes the field really sends.
@Suite struct MessageSummaryTests {
    static func message(_ json: String) throws -> JSONObject {
        try #require(try JSONValue.parse(Array(json.utf8)).object)
    }

    static let cases: [(String, String)] = [
        // probe17 P17-15: numbers written as strings are read; a quantity that is none is said, never read as 1.
        (#"{"type":"order","order":{"catalog_id":"c1","product_items":[{"product_retailer_id":"A","quantity":"3","item_price":"9.99","currency":"USD"}]}}"#,
         "order of 3 items (1 product), 29.97 USD from catalog c1"),
        (#"{"type":"order","order":{"catalog_id":"c1","product_items":[{"product_retailer_id":"A","quantity":"three","item_price":9.99,"currency":"USD"}]}}"#,
         #"order of 1 product, quantity unreadable ("three") from catalog c1"#),
        // A missing title is said missing, never a quoted "?" that reads as the title tapped.
        (#"{"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"b"}}}"#, "chose button ('button_reply' has no 'title') (id b)"),
        (#"{"type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"row_9"}}}"#, "chose list row ('list_reply' has no 'title') (id row_9)"),
        (#"{"type":"button","button":{"payload":"YES_CONFIRM"}}"#, "button ('button' has no 'text') (payload YES_CONFIRM)"),
        (#"{"type":"text","text":{"body":"Hi, is my order ready?"},"kapso":{"content":"other"}}"#, "Hi, is my order ready?"),
        (#"{"type":"text","text":{"body":"line one\n\n  line\ttwo"}}"#, "line one line two"),
        // Controls other than whitespace are kept for the renderer to escape (`\x1b`), not silently dropped.
        (#"{"type":"text","text":{"body":"red \u001b[31mX\u0007 \u009b2J"}}"#, "red \u{1B}[31mX\u{07} \u{9B}2J"),
        (#"{"type":"image","image":{"id":"m1","mime_type":"image/jpeg","caption":"The dent"}}"#, "image (image/jpeg): The dent"),
        (#"{"type":"video","video":{"id":"m1","mime_type":"video/mp4"}}"#, "video (video/mp4)"),
        (#"{"type":"audio","audio":{"id":"m1","mime_type":"audio/ogg; codecs=opus","voice":true},"kapso":{"transcript":{"text":"call me"}}}"#,
         "voice note (audio/ogg; codecs=opus), transcript: call me"),
        (#"{"type":"document","document":{"id":"m1","filename":"invoice-1042.pdf","mime_type":"application/pdf","caption":"Invoice"}}"#,
         "document invoice-1042.pdf (application/pdf): Invoice"),
        (#"{"type":"image","image":{"id":"m1"},"kapso":{"media_data":{"filename":"m1.jpg","content_type":"image/jpeg"}}}"#, "image m1.jpg (image/jpeg)"),
        (#"{"type":"sticker","sticker":{"id":"s","mime_type":"image/webp","animated":true}}"#, "animated sticker"),
        (#"{"type":"sticker","sticker":{"id":"s","animated":false}}"#, "sticker"),
        (#"{"type":"location","location":{"latitude":37.7749,"longitude":-122.4194,"name":"Pickup point","address":"1 Market St, San Francisco, CA"}}"#,
         #"location "Pickup point", 1 Market St, San Francisco, CA (37.7749, -122.4194)"#),
        (#"{"type":"location","location":{"latitude":52,"longitude":13.4}}"#, "location (52, 13.4)"),
        // Coordinates written as strings are read; text that is no coordinate is said, never dropped (probe7 P7-9).
        (#"{"type":"location","location":{"latitude":"37.7749","longitude":"-122.4194","name":"Pickup"}}"#, #"location "Pickup" (37.7749, -122.4194)"#),
        (#"{"type":"location","location":{"latitude":"north","longitude":"-122.4194","name":"Pickup"}}"#,
         #"location "Pickup" (unreadable coordinates: latitude "north", longitude -122.4194)"#),
        (#"{"type":"location","location":{"latitude":95,"name":"Pickup"}}"#, #"location "Pickup" (unreadable coordinates: latitude "95", longitude missing)"#),
        (#"{"type":"contacts","contacts":[{"name":{"first_name":"Contact","formatted_name":"Contact B"},"phones":[{"phone":"+1 415-555-0172"}]}]}"#,
         "shared contact Contact B"),
        (#"{"type":"contacts","contacts":[{"name":{"first_name":"Ana","last_name":"Ruiz"}},{"phones":[{"phone":"+1 415"}]}]}"#,
         "shared 2 contacts: Ana Ruiz, +1 415"),
        (#"{"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"btn_confirm","title":"Confirm"}}}"#,
         #"chose button "Confirm" (id btn_confirm)"#),
        (#"{"type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"row_2","title":"Tomorrow 9-12","description":"Morning slot"}}}"#,
         #"chose list row "Tomorrow 9-12" (Morning slot) (id row_2)"#),
        (#"{"type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"tok\",\"slot\":\"am\"}"}}}"#,
         "flow response 'flow': flow_token=tok, slot=am"),
        (#"{"type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"response_json":"not json"}}}"#,
         "flow response (response_json unreadable)"),
        (#"{"type":"interactive","interactive":{"type":"list","body":{"text":"Pick a slot"}}}"#, "interactive list: Pick a slot"),
        (#"{"type":"button","button":{"payload":"STOP_PROMOS","text":"Stop promotions"}}"#, #"button "Stop promotions" (payload STOP_PROMOS)"#),
        (#"{"type":"template","template":{"name":"order_ready","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"A-1042"},{"type":"currency","currency":{"fallback_value":"$19.00"}}]}]}}"#,
         "template order_ready (en_US): A-1042, $19.00"),
        (#"{"type":"template","template":{"name":"hello"}}"#, "template hello"),
        (#"{"type":"reaction","reaction":{"message_id":"wamid.X","emoji":"👍"}}"#, "reacted 👍 to wamid.X"),
        (#"{"type":"reaction","reaction":{"message_id":"wamid.X"}}"#, "reaction removed from wamid.X"),
        (#"{"type":"reaction","reaction":{"message_id":"wamid.X","emoji":""}}"#, "reaction removed from wamid.X"),
        (#"{"type":"order","order":{"catalog_id":"300400500600701","text":"Please deliver","product_items":[{"product_retailer_id":"SKU-1","quantity":2,"item_price":9.5,"currency":"USD"}]}}"#,
         "order of 2 items (1 product), 19.00 USD from catalog 300400500600701: Please deliver"),
        (#"{"type":"system","system":{"body":"Contact A changed from 1 to 2","wa_id":"14155550173","type":"user_changed_number"}}"#,
         "changed number to 14155550173"),
        (#"{"type":"system","system":{"body":"Security code changed","type":"customer_identity_changed"}}"#,
         "identity changed (the contact's security code changed): Security code changed"),
        (#"{"type":"unsupported","errors":[{"code":131051,"title":"Message type unknown"}]}"#, "unsupported message (131051 Message type unknown)"),
        (#"{"type":"unsupported"}"#, "unsupported message (WhatsApp did not pass its content on)"),
        // probe3 F9: Meta's `unsupported.type` (Unsupported messages webhook reference) says what it was.
        (#"{"type":"unsupported","unsupported":{"type":"edit"},"errors":[{"code":131051,"title":"Message type unknown"}]}"#,
         "unsupported message: an edit of an earlier message (131051 Message type unknown)"),
        (#"{"type":"unsupported","unsupported":{"type":"poll"},"errors":[{"code":131051,"title":"Message type unknown"}]}"#,
         "unsupported message: a poll (131051 Message type unknown)"),
        (#"{"type":"unknown","errors":[{"code":"131051","title":"Message type unknown"}]}"#, "unsupported message (131051 Message type unknown)"),
        (#"{"type":"edit","edit":{"original_message_id":"wamid.O","message":{"type":"text","text":{"body":"fixed"}}}}"#, "edited wamid.O: fixed"),
        (#"{"type":"revoke","revoke":{"original_message_id":"wamid.O"}}"#, "deleted by the contact (revoked): wamid.O"),
        (#"{"type":"ephemeral"}"#, "disappearing (ephemeral) message; its content is not kept"),
        // Bad input: shown as well as can be, never a crash.
        (#"{"type":"hologram","hologram":{}}"#, "unknown type 'hologram'"),
        (#"{"type":"hologram","kapso":{"content":"a hologram"}}"#, "unknown type 'hologram': a hologram"),
        (#"{"type":"text"}"#, "text (no 'text' object)"),
        (#"{"type":"text","text":"hello"}"#, "text ('text' is a string, not an object)"),
        (#"{"type":"text","text":{}}"#, "text ('text' has no 'body' string)"),
        (#"{"type":"text","text":{"body":""}}"#, "(empty text)"),
        // tester47 L14: a body of only white space is no blank cell; an interactive without `type` is no `interactive ?`.
        (#"{"type":"text","text":{"body":"   \n\t "}}"#, "(blank text: 6 spaces, tabs or line breaks)"),
        (#"{"type":"interactive","interactive":{"body":{"text":"Pick one"}}}"#, "interactive (type missing): Pick one"),
        (#"{"type":"interactive","interactive":{}}"#, "interactive (type missing)"),
        (#"{"type":"text","text":{"body":5}}"#, "text ('text' has no 'body' string)"),
        (#"{"type":"location","location":[1,2],"kapso":{"content":"Pin"}}"#, "Pin ('location' is an array, not an object)"),
        (#"{"type":"contacts","contacts":{"name":"x"}}"#, "contacts ('contacts' is an object, not an array)"),
        (#"{"type":42}"#, "message with a 'type' that is a number"),
        (#"{"kapso":{"content":"hi"}}"#, "hi (message with no 'type')"),
        (#"{"type":"text","text":{"body":"a\u001b[31mred"}}"#, "a\u{1B}[31mred"),
    ]

    /// A detail view keeps a body's line breaks (CRLF too, blank lines as one); a row turns them into spaces.
    @Test func lineBreaksAreKeptOnlyWhenAsked() throws {
        let message = try Self.message(#"{"type":"text","text":{"body":"Order A-1\r\nShipped:\n\n\n  today \u001b[2J"}}"#)
        #expect(MessageSummary.text(of: message) == "Order A-1 Shipped: today \u{1B}[2J")
        #expect(MessageSummary.text(of: message, lineBreaks: true) == "Order A-1\nShipped:\n\ntoday \u{1B}[2J")
    }

    @Test(arguments: cases)
    func summarises(_ json: String, _ expected: String) throws {
        #expect(MessageSummary.text(of: try Self.message(json)) == expected)
    }

    @Test func cutsAFiveMegabyteBodyToOneLine() throws {
        let body = String(repeating: "x", count: 5_000_000)
        var message: JSONObject = ["type": "text"]
        message["text"] = ["body": .string(body)]
        let summary = MessageSummary.text(of: message)
        #expect(summary.hasPrefix(String(repeating: "x", count: MessageSummary.maxCharacters) + "… ("))
        #expect(summary.hasSuffix(" more characters)"))
        #expect(summary.contains("\(5_000_000 - MessageSummary.maxCharacters) more"))
    }

    static let contacts: [(String, String?)] = [
        (#"{"type":"text","from":"14155550171","kapso":{"direction":"inbound","phone_number":"14155550171"}}"#, "14155550171"),
        (#"{"type":"text","username":"contact_a","kapso":{"direction":"inbound","phone_number":null,"contact_name":"Contact A"}}"#, "@contact_a"),
        (#"{"type":"text","from_user_id":"US.13491208655302741918","kapso":{"direction":"inbound"}}"#, "US.13491208655302741918"),
        (#"{"type":"text","kapso":{"direction":"inbound","phone_number":null,"contact_name":"Contact A"}}"#, "Contact A"),
        (#"{"type":"text","kapso":{"direction":"outbound"}}"#, nil),
    ]

    @Test(arguments: contacts)
    func namesTheContactEvenWithoutANumber(_ json: String, _ expected: String?) throws {
        #expect(MessageSummary.contact(of: try Self.message(json)) == expected)
    }
}
