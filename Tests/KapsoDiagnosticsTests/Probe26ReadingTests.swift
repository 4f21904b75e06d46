import KapsoClient
import KapsoDiagnostics
import Testing

/// probe26's readings behind sends and replies: a 5xx answering a write (P26-16), an empty contact number (P26-14),
/// coupon and carousel templates (P26-12), a time without a zone (P26-10).
@Suite struct Probe26ReadingTests {
    @Test func aServerErrorWithoutGraphsCodeIsAnUnknownOutcome() throws {
        let gateway = try #require(ServerFailure(MetaSendError(status: 504, code: nil, message: "Gateway timeout: Meta did not answer in time")))
        #expect(gateway.answer == "the API answered 504 (Gateway timeout: Meta did not answer in time), a gateway that stopped waiting for the server behind it")
        #expect(ServerFailure(MetaSendError(status: 500, code: nil, message: "  "))?.answer == "the API answered 500, a failure on the server's side")
        // Meta's code for a failed message is read from the catalogue (ServerFailureTests has each class); a 4xx says the
        // write was refused.
        #expect(ServerFailure(MetaSendError(status: 500, code: "131000", message: "(#131000) Something went wrong")) == nil)
        #expect(ServerFailure(MetaSendError(status: 409, code: "409", message: "in flight")) == nil)
        #expect(ServerFailure(status: 422, text: "x") == nil)
    }

    @Test func anEmptyFromIsNoNumber() throws {
        let message = try Message(json: [
            "id": "wamid.A", "timestamp": "1795258800", "type": "text", "from": "",
            "from_user_id": "user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6",
            "kapso": ["direction": "inbound", "phone_number": .null],
        ])
        #expect(message.contact == nil)
        #expect(message.userID == "user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6")
        let conversation = try Conversation(json: ["id": "c1", "phone_number": "", "business_scoped_user_id": "US.1"])
        #expect(conversation.contact == nil)
        #expect(conversation.contactHandle == "US.1")
    }

    static func template(_ components: JSONValue) -> MessageTemplate {
        MessageTemplate(json: [
            "id": "1", "name": "t", "language": "en_US", "status": "APPROVED", "category": "MARKETING", "components": components,
        ])
    }

    @Test func aCouponCodeButtonIsRefusedWithItsExample() {
        let coupon = Self.template([
            ["type": "BODY", "text": "Use this code for 20% off."],
            ["type": "BUTTONS", "buttons": [["type": "QUICK_REPLY", "text": "Stop"], ["type": "COPY_CODE", "example": "SAVE20"]]],
        ])
        #expect(coupon.couponButtonIndex == 1)
        #expect(throws: TemplateCheck.Problem.couponCode(button: 1, example: "SAVE20")) { try TemplateCheck.sendable(coupon) }
        #expect(TemplateCheck.Problem.couponCode(button: 1, example: "SAVE20").code == "132000")
        // An AUTHENTICATION template's copy-code button is an OTP button, sent with the code (not this refusal).
        let otp = Self.template([["type": "BODY", "text": "{{1}} is your code."], ["type": "BUTTONS", "buttons": [["type": "OTP", "otp_type": "COPY_CODE"]]]])
        #expect(otp.couponButtonIndex == nil)
    }

    @Test func aCarouselNamesWhatEachCardNeeds() {
        func card(_ text: String, url: String) -> JSONValue {
            ["components": [
                ["type": "HEADER", "format": "IMAGE"], ["type": "BODY", "text": .string(text)],
                ["type": "BUTTONS", "buttons": [["type": "URL", "text": "Buy", "url": .string(url)]]],
            ]]
        }
        let same = Self.template([
            ["type": "BODY", "text": "Rare succulents"],
            ["type": "CAROUSEL", "cards": [card("Code {{1}}", url: "https://s.example/?c={{1}}"), card("Code {{1}}", url: "https://s.example/?c={{1}}")]],
        ])
        #expect(same.carousel.count == 2)
        #expect(TemplateCheck.cardNeeds(same.carousel) == "each card's image header, body {{1}} and URL button value")
        #expect(throws: TemplateCheck.Problem.carousel(same.carousel)) { try TemplateCheck.sendable(same) }
        let mixed = Self.template([
            ["type": "BODY", "text": "Rare succulents"],
            ["type": "CAROUSEL", "cards": [card("Code {{1}}", url: "https://s.example/"), card("Plain", url: "https://s.example/")]],
        ])
        #expect(TemplateCheck.cardNeeds(mixed.carousel) == "card 0 its image header and body {{1}}; card 1 its image header")
    }

    @Test(arguments: [
        ("2026-11-21T11:00:00", "2026-11-21T11:00:00"), ("2026-11-21 11:00", "2026-11-21T11:00:00"),
        ("2026-11-21T11:00:00.250", "2026-11-21T11:00:00"), (" 2026-11-21T23:59 ", "2026-11-21T23:59:00"),
    ])
    func aTimeWithoutAZoneIsRead(_ typed: String, _ local: String) {
        #expect(ZonelessTime(typed)?.local == local)
    }

    @Test(arguments: ["2026-11-21T11:00:00Z", "2026-11-21T11:00:00-05:00", "2026-13-21T11:00:00", "2026-11-21", "wamid.X", "2026-11-21T11:00:00x"])
    func otherTextsAreNot(_ typed: String) {
        #expect(ZonelessTime(typed) == nil)
    }
}
