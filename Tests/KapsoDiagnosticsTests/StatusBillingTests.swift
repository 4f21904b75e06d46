import KapsoClient
import KapsoDiagnostics
import Testing

/// A status's pricing, Meta conversation and callback data read as a support engineer needs them (probe9 P9-22: "why
/// were we charged?", "which order was this?"), on the shapes Meta's status webhook reference gives.
@Suite struct StatusBillingTests {
    static func billing(_ statuses: String) throws -> StatusBilling {
        StatusBilling(statuses: try JSONValue.parse(Array(statuses.utf8)))
    }

    static func pricing(_ object: String) throws -> StatusBilling.Pricing? {
        StatusBilling.Pricing(try JSONValue.parse(Array(object.utf8)))
    }

    @Test(arguments: [
        (#"{"billable":false,"pricing_model":"PMP","category":"service","type":"free_customer_service"}"#,
         "not billable; category service (priced as a service message, inside the customer service window); type free_customer_service "
            + "(free: in an open customer service window); PMP (per-message pricing)"),
        (#"{"billable":true,"pricing_model":"PMP","category":"marketing","type":"regular"}"#,
         "billable; category marketing (charged as a marketing message); type regular (charged at the category's rate); PMP (per-message pricing)"),
        (#"{"billable":true,"pricing_model":"CBP","category":"utility"}"#,
         "billable; category utility (charged as a utility message); CBP (conversation-based pricing, Meta's model before July 2025)"),
        (#"{"pricing_model":"PMP","category":"authentication_international","type":"regular"}"#,
         "category authentication_international (charged as an authentication message at the international rate); type regular (charged at "
            + "the category's rate); PMP (per-message pricing)"),
        (#"{"billable":false,"pricing_model":"CBP","category":"referral_conversion"}"#,
         "not billable; category referral_conversion (a free entry point conversation: the contact came from a Click to WhatsApp "
            + "ad or a Page button); CBP (conversation-based pricing, Meta's model before July 2025)"),
        (#"{"pricing_model":"PMP","category":"marketing_lite","type":"free_entry_point"}"#,
         "category marketing_lite (charged as a marketing message sent through Marketing Messages Lite); type free_entry_point (free: in a "
            + "free entry point window, 72 hours after an ad or Page button); PMP (per-message pricing)"),
        // A value Meta adds later is shown as given, with no meaning made up.
        (#"{"pricing_model":"XYZ","category":"loyalty","type":"promo"}"#, "category loyalty; type promo; XYZ"),
    ])
    func pricingReadsEachFieldWithItsMeaning(object: String, text: String) throws {
        #expect(try #require(try Self.pricing(object)).text == text)
    }

    /// tester50 F7: a utility template in an open customer service window is free (`billable: false`, type
    /// `free_customer_service`), yet its category read "charged as a utility message". The category is the rate that would
    /// apply: "counted as …, free here" when Meta marked it not billable.
    @Test(arguments: ["utility", "marketing", "authentication"])
    func aPricingMarkedNotBillableIsNeverCharged(category: String) throws {
        let pricing = try #require(
            try Self.pricing(#"{"billable":false,"pricing_model":"PMP","category":"\#(category)","type":"free_customer_service"}"#))
        #expect(!pricing.text.contains("charged as"), "\(pricing.text)")
        #expect(pricing.text.hasPrefix("not billable; category \(category) (counted as a"), "\(pricing.text)")
        #expect(pricing.text.contains(" message, free here); type free_customer_service (free: in an open customer service window)"))
    }

    @Test func anEmptyOrForeignPricingIsNone() throws {
        #expect(try Self.pricing("{}") == nil)
        #expect(try Self.pricing("null") == nil)
        #expect(try Self.pricing(#"{"currency":"USD"}"#) == nil)
        #expect(try Self.pricing(#"{"category":null,"billable":null}"#) == nil)
    }

    /// probe12 P12-7: `{"billable":"yes","category":null,"pricing_model":7}` printed `pricing: 7`, a number read as the
    /// model and the rest dropped without a word. A field of the wrong type makes the object malformed, said so.
    @Test(arguments: [
        (#"{"billable":"yes","category":null,"pricing_model":7}"#,
         "malformed (billable is text, not true or false; pricing_model is a number, not a name), so kops reads nothing from it"),
        (#"{"billable":true,"category":["marketing"],"type":"regular"}"#,
         "malformed (category is a list, not a name), so kops reads nothing from it"),
        (#"{"billable":1,"pricing_model":"PMP"}"#, "malformed (billable is a number, not true or false), so kops reads nothing from it"),
        (#""PMP""#, "malformed (not an object but text), so kops reads nothing from it"),
        (#"7"#, "malformed (not an object but a number), so kops reads nothing from it"),
    ])
    func aMalformedPricingIsNamedAndNotRead(object: String, text: String) throws {
        let pricing = try #require(try Self.pricing(object))
        #expect(pricing.text == text)
        #expect(pricing.billable == nil && pricing.model == nil && pricing.category == nil && pricing.type == nil)
    }

    /// probe12 P12-7: Meta charges a delivered message; `billable` on a failed status, or on a message that failed
    /// before any delivery, is no charge, and statuses that disagree are said to.
    @Test func billableIsNoChargeOnAFailedStatusNorForAnUndeliveredMessage() throws {
        let failedOnly = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","pricing":{"billable":false,"pricing_model":"PMP","category":"service","type":"free_entry_point"}},"#
                + #"{"status":"delivered","timestamp":"1795262401","pricing":{"billable":true,"pricing_model":"CBP","category":"authentication"}},"#
                + #"{"status":"failed","timestamp":"1795262403","pricing":{"billable":true,"pricing_model":"PMP","category":"marketing"}}]"#)
        #expect(failedOnly.lines.map(\.label) == ["pricing", "pricing", "pricing", "pricing"])
        #expect(failedOnly.lines[1].text.hasPrefix("billable; category authentication"), "delivered: Meta's word stands")
        #expect(failedOnly.lines[2].text
            == "billable flag on a failed status, not a charge (Meta charges a message when it is delivered); category marketing "
            + "(counted as a marketing message); PMP (per-message pricing); on the failed status")
        #expect(failedOnly.lines[3].text
            == "the statuses disagree (category service / authentication / marketing; billable no / yes; pricing_model PMP / CBP), "
            + "so kops cannot tell which Meta charged, if any")

        let undelivered = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","pricing":{"billable":true,"pricing_model":"PMP","category":"marketing"}},"#
                + #"{"status":"failed","timestamp":"1795262401"}]"#)
        #expect(undelivered.lines.map(\.text) == [
            "billable, but it failed and no delivered or read status is stored: not charged unless delivered; category marketing "
                + "(counted as a marketing message); PMP (per-message pricing); on the sent status"
        ])
    }

    /// The same price on sent and delivered is one line naming both; the read status carries none.
    @Test func onePriceOnSeveralStatusesIsOneLine() throws {
        let price = #""pricing":{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}"#
        let billing = try Self.billing(
            #"[{"status":"read","timestamp":"1795262460"},{"status":"delivered","timestamp":"1795262402",\#(price)},"#
                + #"{"status":"sent","timestamp":"1795262400",\#(price)}]"#)
        #expect(billing.pricing.count == 1)
        #expect(billing.pricing.first?.statuses == ["sent", "delivered"], "history order, not stored order")
        #expect(billing.lines.map(\.label) == ["pricing"])
        #expect(billing.lines.first?.text.hasSuffix("; on the sent, delivered statuses") == true)
    }

    @Test func twoPricesOfOneMessageReadApart() throws {
        let billing = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","pricing":{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}},"#
                + #"{"status":"delivered","timestamp":"1795262402","pricing":{"billable":false,"pricing_model":"PMP","category":"utility","type":"free_customer_service"}}]"#)
        #expect(billing.lines.map(\.label) == ["pricing", "pricing", "pricing"])
        #expect(billing.lines[0].text.hasPrefix("billable; ") && billing.lines[0].text.hasSuffix("on the sent status"))
        #expect(billing.lines[1].text.hasPrefix("not billable; ") && billing.lines[1].text.hasSuffix("on the delivered status"))
        // probe12 P12-7: two stories for one message are said to disagree, not left side by side without a word.
        #expect(billing.lines[2].text == "the statuses disagree (billable yes / no), so kops cannot tell which Meta charged, if any")
    }

    @Test func metaConversationNamesItsOriginAndExpiry() throws {
        let billing = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","conversation":{"id":"c0ffee00c0ffee00c0ffee00c0ffee00","expiration_timestamp":"1795341600","origin":{"type":"service"}}},"#
                + #"{"status":"delivered","timestamp":"1795262402","conversation":{"id":"c0ffee00c0ffee00c0ffee00c0ffee00","origin":{"type":"service"}}}]"#)
        // Meta names the expiry on the first status only: still one conversation.
        #expect(billing.lines.map(\.label) == ["meta conversation"])
        #expect(billing.lines[0].text
            == "c0ffee00c0ffee00c0ffee00c0ffee00 (origin service; expires 2026-11-22T10:00:00Z; Meta's billing conversation, not Kapso's)")
        #expect(billing.conversations.first?.statuses == ["sent", "delivered"])
    }

    @Test func twoConversationsOfOneMessageReadApart() throws {
        let billing = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","conversation":{"id":"c0ffee00c0ffee00c0ffee00c0ffee00","origin":{"type":"service"}}},"#
                + #"{"status":"delivered","timestamp":"1795262402","conversation":{"id":"c0ffee00c0ffee00c0ffee00c0ffee00","origin":{"type":"utility"}}}]"#)
        #expect(billing.lines.map(\.text) == [
            "c0ffee00c0ffee00c0ffee00c0ffee00 (origin service; Meta's billing conversation, not Kapso's)",
            "c0ffee00c0ffee00c0ffee00c0ffee00 (origin utility; Meta's billing conversation, not Kapso's)",
        ])
    }

    @Test func anUnreadableExpiryIsShownAsGivenNotAsADate() throws {
        let billing = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","conversation":{"id":"c0ffee00c0ffee00c0ffee00c0ffee00","expiration_timestamp":"1795341600000"}}]"#)
        #expect(billing.lines.first?.text
            == "c0ffee00c0ffee00c0ffee00c0ffee00 (expiration_timestamp 1795341600000, not Unix seconds; Meta's billing conversation, not Kapso's)")
    }

    @Test func callbackDataIsTheSendersTextOncePerValue() throws {
        let billing = try Self.billing(
            #"[{"status":"sent","timestamp":"1795262400","biz_opaque_callback_data":"order=77"},"#
                + #"{"status":"read","timestamp":"1795262460","biz_opaque_callback_data":"order=77"},{"status":"failed","biz_opaque_callback_data":""}]"#)
        #expect(billing.lines.map(\.label) == ["callback data"])
        #expect(billing.callbackData.first?.value == "order=77")
        #expect(billing.callbackData.first?.statuses == ["sent", "read"])
    }

    /// A stored status about another message (its `id` names it) carries that message's price, not this one's.
    @Test func aStatusAboutAnotherMessageIsLeftOut() throws {
        let statuses = #"[{"id":"wamid.A","status":"sent","timestamp":"1795262400","pricing":{"billable":true,"category":"utility"}},"#
            + #"{"id":"wamid.B","status":"sent","timestamp":"1795262400","pricing":{"billable":true,"category":"marketing"},"biz_opaque_callback_data":"order=9"}]"#
        let billing = StatusBilling(statuses: try JSONValue.parse(Array(statuses.utf8)), messageID: "wamid.A")
        #expect(billing.pricing.map(\.value.category) == ["utility"])
        #expect(billing.callbackData.isEmpty)
    }

    @Test(arguments: ["[]", "null", #"[{"status":"sent","timestamp":"1795262400"}]"#, #"["junk",{"status":"sent","pricing":{}}]"#])
    func statusesWithoutAnyOfTheThreeGiveNoLines(statuses: String) throws {
        let billing = try Self.billing(statuses)
        #expect(billing.isEmpty)
        #expect(billing.lines.isEmpty)
    }
}
