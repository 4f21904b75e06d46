// MARK: - Health documents (fixtures/health.healthy.json, health.degraded.json)

extension DemoSeed {
    static func supportHealth(_ story: StoryBuilder) -> JSONObject {
        let verified = story.at("2026-10-02T08:14:31Z")
        let verifiedText = verified.iso.dropLast().split(separator: "T").joined(separator: " ") + " UTC"
        return [
            "status": "healthy",
            "checks": [
                "phone_number_access": ["passed": true, "details": access(support, "+1 415-555-0100", "GREEN")],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
                "messaging_health": [
                    "passed": true, "overall_status": "AVAILABLE",
                    "details": [
                        "can_send_message": "AVAILABLE",
                        "entities": .array([entity("PHONE_NUMBER", support)] + sharedEntities),
                    ],
                ],
                "webhook_subscription": [
                    "passed": true,
                    "details": [
                        "app_id": "400500600700801", "subscribed": true,
                        "subscribed_fields": ["messages", "message_template_status_update"],
                    ],
                ],
                "webhook_verified": [
                    "passed": true,
                    "details": [
                        "verified_at": .string(verified.iso), "message": .string("Webhook verified by Meta at \(verifiedText)"),
                    ],
                ],
            ],
        ]
    }

    static func salesHealth(_ story: StoryBuilder) -> JSONObject {
        var limited = entity("PHONE_NUMBER", sales, "LIMITED").objectValue ?? [:]
        limited["additional_info"] = [
            "The display name is still waiting for Meta review, so this number stays on its starting limit for business-initiated conversations.",
            "Replies inside an open 24-hour customer service window are not affected.",
        ]
        return [
            "status": "degraded",
            "checks": [
                "phone_number_access": ["passed": true, "details": access(sales, "+1 415-555-0101", "YELLOW")],
                "phone_number_connection": ["passed": true, "details": ["status": "CONNECTED"]],
                "token_validity": ["passed": true],
                "messaging_health": [
                    "passed": false, "overall_status": "LIMITED",
                    "details": ["can_send_message": "LIMITED", "entities": .array([.object(limited)] + sharedEntities)],
                ],
                "webhook_subscription": [
                    "passed": true,
                    "details": ["app_id": "400500600700801", "subscribed": true, "subscribed_fields": ["messages"]],
                ],
                "webhook_verified": [
                    "passed": false,
                    "details": ["verified_at": .null, "message": "Meta has not verified the webhook for this number yet"],
                ],
            ],
        ]
    }

    private static func access(_ id: String, _ display: String, _ quality: String) -> JSONValue {
        [
            "verified_name": "Acme Demo Co", "display_phone_number": .string(display),
            "quality_rating": .string(quality), "status": "CONNECTED", "throughput_tier": "TIER_250", "id": .string(id),
        ]
    }

    private static func entity(_ type: String, _ id: String, _ state: String = "AVAILABLE") -> JSONValue {
        ["entity_type": .string(type), "id": .string(id), "can_send_message": .string(state)]
    }

    private static var sharedEntities: [JSONValue] {
        [entity("WABA", waba), entity("BUSINESS", "300400500600701"), entity("APP", "400500600700801")]
    }
}
