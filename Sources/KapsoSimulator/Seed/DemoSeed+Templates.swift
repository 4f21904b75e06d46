// MARK: - Message templates and marketing preferences

extension DemoSeed {
    /// Template ids of the demo WABA, one per story role.
    enum Template {
        /// UTILITY, NAMED, approved: what an agent sends Lee Park once his window closed.
        static let partReady = "780100200300401"
        static let partReadySpanish = "780100200300402"
        /// UTILITY, POSITIONAL, approved, with a text header and a quick-reply button.
        static let orderUpdate = "780100200300403"
        /// MARKETING, POSITIONAL, approved, with an image header (a send needs header media).
        static let springPromo = "780100200300404"
        /// MARKETING, paused by Meta for quality (132015).
        static let winterPromo = "780100200300405"
        /// AUTHENTICATION, approved, with a copy-code button.
        static let loginCode = "780100200300406"
        /// MARKETING, NAMED, still in review (132001 when sent).
        static let deliverySurvey = "780100200300407"
        /// UTILITY, rejected at review (132001 when sent).
        static let holidayHours = "780100200300408"
    }

    /// Dana Ortiz stopped marketing messages on the Support Line: marketing templates to her answer 422
    /// `marketing_preference_stopped` (kapso-api.md §14.2).
    static let marketingStopped: [(contact: String, phoneNumberID: String, occurredAt: String)] = [
        ("14155550142", support, "2026-11-08T09:30:00Z")
    ]

    static func addTemplates(to story: inout StoryBuilder) {
        for (template, created) in templates(story) { story.template(template, businessAccountID: waba, at: created) }
        for stop in marketingStopped {
            story.marketingPreference(
                contact: stop.contact, phoneNumberID: stop.phoneNumberID,
                [
                    "phone_number_id": .string(stop.phoneNumberID), "status": "stopped", "previous_status": "resumed",
                    "detail": "User requested to stop marketing messages",
                    "occurred_at": .string(story.at(stop.occurredAt).iso),
                ])
        }
    }

    private static func templates(_ story: StoryBuilder) -> [(JSONObject, Timestamp)] {
        func template(
            _ id: String, _ name: String, language: String = "en_US", status: String, category: String,
            named: Bool = false, quality: String = "GREEN", created: String, components: [JSONValue],
            rejected: String = "NONE"
        ) -> (JSONObject, Timestamp) {
            ([
                "id": .string(id), "name": .string(name), "language": .string(language), "status": .string(status),
                "category": .string(category), "parameter_format": named ? "NAMED" : "POSITIONAL",
                "components": .array(components), "quality_score": ["score": .string(quality)],
                "rejected_reason": .string(rejected),
            ], story.at(created))
        }
        func body(_ text: String, _ example: JSONValue) -> JSONValue {
            ["type": "BODY", "text": .string(text), "example": example]
        }
        return [
            template(
                Template.partReady, "part_ready", status: "APPROVED", category: "UTILITY", named: true,
                created: "2026-10-05T10:00:00Z",
                components: [
                    body(
                        "Hi {{customer_name}}, the replacement part for order {{order_id}} is ready for pickup.",
                        ["body_text_named_params": [
                            ["param_name": "customer_name", "example": "Alex"], ["param_name": "order_id", "example": "A-1001"],
                        ]]),
                    ["type": "FOOTER", "text": "Acme Demo Co"],
                    ["type": "BUTTONS", "buttons": [["type": "QUICK_REPLY", "text": "Reschedule pickup"]]],
                ]),
            template(
                Template.partReadySpanish, "part_ready", language: "es", status: "APPROVED", category: "UTILITY",
                named: true, created: "2026-10-05T10:05:00Z",
                components: [
                    body(
                        "Hola {{customer_name}}, la pieza de repuesto del pedido {{order_id}} está lista para recoger.",
                        ["body_text_named_params": [
                            ["param_name": "customer_name", "example": "Alex"], ["param_name": "order_id", "example": "A-1001"],
                        ]])
                ]),
            template(
                Template.orderUpdate, "order_update", status: "APPROVED", category: "UTILITY",
                created: "2026-10-03T09:00:00Z",
                components: [
                    ["type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": ["header_text": ["A-1001"]]],
                    body("Hi {{1}}, your order {{2}} is {{3}}.", ["body_text": [["Alex", "A-1001", "on its way"]]]),
                    ["type": "BUTTONS", "buttons": [["type": "QUICK_REPLY", "text": "Talk to us"]]],
                ]),
            template(
                Template.springPromo, "spring_promo", status: "APPROVED", category: "MARKETING", quality: "YELLOW",
                created: "2026-10-12T14:00:00Z",
                components: [
                    ["type": "HEADER", "format": "IMAGE", "example": ["header_handle": ["4::aW1hZ2UvanBlZw==:demo"]]],
                    body("Spring sale: {{1}} off everything until {{2}}.", ["body_text": [["20%", "March 31"]]]),
                    ["type": "FOOTER", "text": "Reply STOP to opt out"],
                    ["type": "BUTTONS", "buttons": [
                        ["type": "URL", "text": "Shop now", "url": "https://shop.acme-demo.test/spring"],
                        ["type": "QUICK_REPLY", "text": "Stop promotions"],
                    ]],
                ]),
            template(
                Template.winterPromo, "winter_promo", status: "PAUSED", category: "MARKETING", quality: "RED",
                created: "2026-10-20T08:00:00Z",
                components: [body("Winter deals are here: {{1}}", ["body_text": [["30% off coats"]]])]),
            template(
                Template.loginCode, "login_code", status: "APPROVED", category: "AUTHENTICATION",
                created: "2026-10-02T12:00:00Z",
                components: [
                    body(
                        "{{1}} is your verification code. For your security, do not share this code.",
                        ["body_text": [["123456"]]]),
                    ["type": "BUTTONS", "buttons": [["type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"]]],
                ]),
            template(
                Template.deliverySurvey, "delivery_survey", status: "PENDING", category: "MARKETING", named: true,
                quality: "UNKNOWN", created: "2026-11-20T16:00:00Z",
                components: [
                    body(
                        "Hi {{customer_name}}, how was your delivery? Tell us in one tap.",
                        ["body_text_named_params": [["param_name": "customer_name", "example": "Alex"]]])
                ]),
            template(
                Template.holidayHours, "holiday_hours", status: "REJECTED", category: "UTILITY", quality: "UNKNOWN",
                created: "2026-11-15T11:00:00Z",
                components: [body("We are closed on {{1}}. WIN A PRIZE!!!", ["body_text": [["Dec 25"]]])],
                rejected: "INVALID_FORMAT"),
        ]
    }
}
