public import KapsoClient

/// Sample webhook deliveries as a receiver gets them: headers and exact body, v2 (§10.6) or v1 (§10.7).
///
/// The data follows the fixtures' story (Support Line, Dana, Lee, Sam); the v2 `whatsapp.message.received`
/// and `whatsapp.message.failed` bodies are byte for byte the contract's fixtures.
public enum PayloadSamples {
    /// One delivery: what `X-Webhook-Event` says, the headers in order, and the body.
    public struct Sample: Sendable, Equatable {
        /// The header's event; v1 `whatsapp.phone_number.created` becomes `whatsapp.config.created`.
        public var event: String
        public var version: String
        public var headers: [Header]
        public var body: JSONValue

        /// The body exactly as sent: compact JSON, no trailing newline.
        public var bodyText: String { body.serialized() }
    }

    /// One `Name: value` header line.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The secret the sample signatures are computed with; real deliveries use the webhook's own.
    public static let placeholderSecret = "whsec_example"

    /// Events with a sample: every event of the catalogue, in its order.
    public static let events = WebhookEvents.all

    /// Events whose samples exist only as v1 (legacy).
    public static let v1Only = Set(WebhookEvents.catalog.filter { $0.versions == .v1Only }.map(\.name))

    /// Events Kapso delivers only in v2 payloads, so they have no v1 sample.
    public static let v2Only = Set(WebhookEvents.catalog.filter { $0.versions == .v2Only }.map(\.name))

    /// The versions `event` has a sample in: `["v1"]`, `["v2"]` or `["v1", "v2"]`.
    public static func versions(of event: String) -> [String] {
        v1Only.contains(event) ? ["v1"] : v2Only.contains(event) ? ["v2"] : ["v1", "v2"]
    }

    /// The delivery for `event` in `version` (`v1` or `v2`), or nil when there is no sample; a v2
    /// `whatsapp.message.received` can carry any `MessageShapes` name instead of its text message.
    public static func sample(_ event: String, version: String, messageShape: String? = nil) -> Sample? {
        guard events.contains(event), versions(of: event).contains(version) else { return nil }
        let headerEvent = headerEvent(event, version: version)
        guard var body = version == "v1" ? v1Body(headerEvent) : v2Body(event) else { return nil }
        if let messageShape {
            guard version == "v2", event == "whatsapp.message.received", case .object(var object) = body,
                let message = object["message"].flatMap({ MessageShapes.applying(messageShape, to: $0) })
            else { return nil }
            object["message"] = message
            if messageShape != "text", let shaped = message.object {
                object["conversation"] = Story.danaConversation(after: shaped)
            }
            body = .object(object)
        }
        let bytes = Array(body.serialized().utf8)
        let headers = [
            Header(name: "Content-Type", value: "application/json"),
            Header(name: "X-Webhook-Event", value: headerEvent),
            Header(
                name: "X-Webhook-Signature",
                value: WebhookSignature.hmacSHA256Hex(key: Array(placeholderSecret.utf8), message: bytes)),
            Header(name: "X-Idempotency-Key", value: idempotencyKey(event: headerEvent, version: version)),
            Header(name: "X-Webhook-Payload-Version", value: version),
        ]
        return Sample(event: headerEvent, version: version, headers: headers, body: body)
    }
}

// MARK: - v2 bodies

extension PayloadSamples {
    static func v2Body(_ event: String) -> JSONValue? {
        let status = String(event.split(separator: ".").last ?? "")
        switch event {
        case "whatsapp.message.received":
            return [
                "message": Story.inbound, "conversation": Story.danaConversation(summary: true),
                "is_new_conversation": false, "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read":
            return [
                "message": Story.reply(status: status),
                "conversation": Story.danaConversation(summary: status == "sent", replied: true),
                "is_new_conversation": false, "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.message.failed":
            return [
                "message": Story.failed, "conversation": Story.leeConversation(summary: false),
                "is_new_conversation": false, "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.conversation.created":
            return [
                "conversation": Story.leeConversation(summary: true, created: true),
                "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.conversation.ended":
            return ["conversation": Story.samConversation, "phone_number_id": .string(Story.sales)]
        case "whatsapp.conversation.inactive":
            return [
                "conversation": Story.danaConversation(summary: true, replied: true),
                "since_message": Story.sinceMessage,
                "inactivity": ["minutes": 60], "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.phone_number.created", "whatsapp.phone_number.deleted":
            return [
                "phone_number_id": .string(Story.sales), "project": ["id": .string(Story.project)],
                "customer": ["id": .string(Story.customer)],
            ]
        case "workflow.execution.handoff", "workflow.execution.failed":
            return Story.workflow(status: status)
        default:
            return newerV2Body(event)
        }
    }
}

// MARK: - v1 bodies

extension PayloadSamples {
    static func v1Body(_ event: String) -> JSONValue? {
        let status = String(event.split(separator: ".").last ?? "")
        let support = Story.config(
            Story.supportConfig, name: "Support Line", phoneNumberID: Story.support, display: "+1 415-555-0100")
        let sales = Story.config(
            Story.salesConfig, name: "Sales Line", phoneNumberID: Story.sales, display: "+1 415-555-0101")
        switch event {
        case "whatsapp.message.received":
            return [
                "message": Story.v1Message(
                    Story.inboundUUID, wamid: Story.inboundWAMID, text: Story.inboundText,
                    direction: "inbound", status: "received", at: "2026-11-20T14:30:05Z"),
                "conversation": v1(Story.danaConversation(summary: false), config: Story.supportConfig),
                "whatsapp_config": support, "is_new_conversation": false,
            ]
        case "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read":
            return [
                "message": Story.v1Message(
                    Story.replyUUID, wamid: Story.replyWAMID, text: Story.replyText,
                    direction: "outbound", status: status, at: "2026-11-20T14:32:10Z"),
                "conversation": v1(Story.danaConversation(summary: false, replied: true), config: Story.supportConfig),
                "whatsapp_config": support, "is_new_conversation": false,
            ]
        case "whatsapp.message.failed":
            return [
                "message": Story.v1Message(
                    Story.failedUUID, wamid: Story.failedWAMID, text: Story.failedText,
                    direction: "outbound", status: "failed", at: "2026-11-20T09:15:00Z"),
                "conversation": v1(Story.leeConversation(summary: false), config: Story.supportConfig),
                "whatsapp_config": support, "is_new_conversation": false,
            ]
        case "whatsapp.conversation.created":
            return [
                "conversation": v1(Story.leeConversation(summary: false, created: true), config: Story.supportConfig),
                "whatsapp_config": support,
            ]
        case "whatsapp.conversation.ended":
            return ["conversation": v1(Story.samConversation, config: Story.salesConfig), "whatsapp_config": sales]
        case "whatsapp.conversation.inactive":
            return [
                "conversation": v1(Story.danaConversation(summary: false, replied: true), config: Story.supportConfig),
                "since_message": Story.sinceMessage, "inactivity": ["minutes": 60], "whatsapp_config": support,
            ]
        case "whatsapp.config.created":
            return [
                "whatsapp_config": sales, "project": ["id": .string(Story.project)],
                "customer": ["id": .string(Story.customer)], "setup_link": ["id": .string(Story.setupLink)],
            ]
        case "whatsapp.phone_number.deleted", "workflow.execution.handoff", "workflow.execution.failed":
            return v2Body(event)
        default:
            return nil
        }
    }

    /// A v2 conversation in v1 form: `whatsapp_config_id` instead of `phone_number_id`, no `kapso` block.
    private static func v1(_ conversation: JSONValue, config: String) -> JSONValue {
        guard var object = conversation.object else { return conversation }
        object["phone_number_id"] = nil
        object["kapso"] = nil
        object["whatsapp_config_id"] = .string(config)
        return .object(object)
    }
}

// MARK: - Story

/// The fixtures' people, numbers and messages (`../shared/fixtures/README.md`).
enum Story {
    static let support = "100200300400501"
    static let sales = "100200300400502"
    static let supportConfig = "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012"
    static let salesConfig = "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234"
    static let project = "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21"
    static let customer = "c3d4e5f6-7a8b-4c9d-8e0f-2a3b4c5d6e7f"
    static let setupLink = "d4e5f6a7-8b9c-4d0e-9f1a-3b4c5d6e7f80"
    static let danaID = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
    static let leeID = "e5a6c7d8-4f5b-4c6d-8e7f-901234567890"
    static let inboundWAMID = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    static let replyWAMID = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
    static let failedWAMID = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    static let inboundUUID = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e"
    static let replyUUID = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"
    static let failedUUID = "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"
    static let inboundText = "Hi, order A-1042 still hasn't arrived"
    static let replyText = "Thanks Dana, it ships today. Tracking follows shortly."
    static let failedText = "Hi Lee, your replacement part is ready for pickup."

    static let inbound: JSONValue = [
        "id": .string(inboundWAMID), "timestamp": "1795185005", "type": "text", "from": "14155550142",
        "text": ["body": .string(inboundText)],
        "kapso": [
            "direction": "inbound", "status": "received", "processing_status": "pending", "origin": "cloud_api",
            "has_media": false, "content": .string(inboundText),
        ],
    ]

    static func reply(status: String) -> JSONValue {
        let steps = [("sent", "1795185130"), ("delivered", "1795185132"), ("read", "1795185220")]
        let count = (steps.firstIndex { $0.0 == status } ?? 0) + 1
        let statuses = steps.prefix(count).map { step -> JSONValue in
            [
                "id": .string(replyWAMID), "status": .string(step.0), "timestamp": .string(step.1),
                "recipient_id": "14155550142",
            ]
        }
        return [
            "id": .string(replyWAMID), "timestamp": "1795185130", "type": "text",
            "context": ["id": .string(inboundWAMID), "from": "14155550142"], "text": ["body": .string(replyText)],
            "kapso": [
                "direction": "outbound", "status": .string(status), "processing_status": "completed",
                "origin": "cloud_api",
                "has_media": false, "content": .string(replyText), "statuses": .array(statuses),
            ],
        ]
    }

    static let failed: JSONValue = [
        "id": .string(failedWAMID), "timestamp": "1795166102", "type": "text", "text": ["body": .string(failedText)],
        "kapso": [
            "direction": "outbound", "status": "failed", "processing_status": "completed", "origin": "cloud_api",
            "has_media": false,
            "statuses": [
                [
                    "id": .string(failedWAMID), "status": "sent", "timestamp": "1795166100",
                    "recipient_id": "14155550157",
                ],
                [
                    "id": .string(failedWAMID), "status": "failed", "timestamp": "1795166102",
                    "recipient_id": "14155550157",
                    "errors": [
                        [
                            "code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
                            "error_data": [
                                "details":
                                    "The recipient last wrote more than 24 hours ago, so only an approved template can be sent."
                            ],
                            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
                        ]
                    ],
                ],
            ],
        ],
    ]

    /// Dana's conversation after her message, or after Support's reply (summary as in Kapso's examples).
    static func danaConversation(summary: Bool, replied: Bool = false) -> JSONValue {
        let active = replied ? "2026-11-20T14:32:10Z" : "2026-11-20T14:30:05Z"
        var conversation: JSONObject = [
            "id": .string(danaID), "phone_number": "+14155550142", "status": "active",
            "last_active_at": .string(active), "created_at": "2026-11-06T10:12:00Z",
            "updated_at": .string(active), "metadata": [:], "phone_number_id": .string(support),
        ]
        if summary {
            conversation["kapso"] = [
                "contact_name": "Dana Ortiz", "messages_count": replied ? 6 : 5,
                "last_message_id": .string(replied ? replyWAMID : inboundWAMID), "last_message_type": "text",
                "last_message_timestamp": .string(active),
                "last_message_text": .string(replied ? replyText : inboundText),
                "last_inbound_at": "2026-11-20T14:30:05Z",
                "last_outbound_at": replied ? "2026-11-20T14:32:10Z" : "2026-11-19T17:45:10Z",
            ]
        }
        return .object(conversation)
    }

    /// Dana's conversation after a message of another shape (`MessageShapes.applying`), received after Support's reply:
    /// the summary's last message is that message, its id, type, time and text.
    static func danaConversation(after message: JSONObject) -> JSONValue {
        guard case .object(var conversation) = danaConversation(summary: true, replied: true),
            case .object(var kapso)? = conversation["kapso"], let seconds = message["timestamp"]?.string.flatMap({ Int64($0) })
        else { return danaConversation(summary: true, replied: true) }
        let at = JSONValue.string(KapsoTime.iso(seconds))
        (conversation["last_active_at"], conversation["updated_at"]) = (at, at)
        kapso["messages_count"] = 7
        kapso["last_message_id"] = message["id"]
        kapso["last_message_type"] = message["type"]
        kapso["last_message_timestamp"] = at
        kapso["last_message_text"] = message["kapso"]?["content"] ?? .null
        kapso["last_inbound_at"] = at
        conversation["kapso"] = .object(kapso)
        return .object(conversation)
    }

    /// Lee's conversation when it was opened, or at the failed send.
    static func leeConversation(summary: Bool, created: Bool = false) -> JSONValue {
        let active = created ? "2026-11-18T16:02:44Z" : "2026-11-20T09:15:02Z"
        var conversation: JSONObject = [
            "id": .string(leeID), "phone_number": "+14155550157", "status": "active", "last_active_at": .string(active),
            "created_at": "2026-11-18T16:02:44Z", "updated_at": .string(active),
            "metadata": created ? [:] : ["crm_ticket": "T-88213"], "phone_number_id": .string(support),
        ]
        if summary {
            conversation["kapso"] = [
                "contact_name": "Lee Park", "messages_count": 1, "last_message_type": "text",
                "last_message_timestamp": "2026-11-18T16:02:44Z", "last_inbound_at": "2026-11-18T16:02:44Z",
            ]
        }
        return .object(conversation)
    }

    static let samConversation: JSONValue = [
        "id": "f6b7d8e9-5a6c-4d7e-9f80-123456789012", "phone_number": "+14155550163", "status": "ended",
        "last_active_at": "2026-11-19T11:24:30Z", "created_at": "2026-11-19T11:20:00Z",
        "updated_at": "2026-11-19T12:00:00Z", "metadata": [:], "phone_number_id": .string(sales),
        "kapso": [
            "contact_name": "Sam Rivera", "messages_count": 2,
            "last_message_id": "wamid.HBgLMTQxNTU1NTAxNjMVAgASGBQzRUIwRDRFNUY2MDcxODI5M0E0QgA=",
            "last_message_type": "image", "last_message_timestamp": "2026-11-19T11:20:00Z", "last_message_text": nil,
            "last_inbound_at": "2026-11-19T11:20:00Z", "last_outbound_at": "2026-11-19T11:24:30Z",
        ],
    ]

    static let sinceMessage: JSONValue = [
        "id": .string(replyUUID), "whatsapp_message_id": .string(replyWAMID), "direction": "outbound",
        "created_at": "2026-11-20T14:32:10Z",
    ]

    static func workflow(status: String) -> JSONValue {
        var body: JSONObject = [
            "event": .string("workflow.execution." + status), "occurred_at": "2026-11-20T14:30:09Z",
            "project_id": .string(project), "workflow_id": "e6f7a8b9-0c1d-4e2f-8a3b-4c5d6e7f8091",
            "workflow_execution_id": "f7a8b9c0-1d2e-4f3a-9b4c-5d6e7f809102", "status": .string(status),
            "tracking_id": "a8b9c0d1-2e3f-4a4b-8c5d-6e7f80910213", "channel": "whatsapp",
            "whatsapp_conversation_id": .string(danaID),
        ]
        if status == "handoff" {
            body["handoff"] = ["reason": "customer asked for a person", "source": "agent_tool"]
        } else {
            body["error"] = ["message": "step 'lookup order' timed out"]
        }
        return .object(body)
    }

    static func v1Message(
        _ id: String, wamid: String, text: String, direction: String, status: String, at time: String
    ) -> JSONValue {
        [
            "id": .string(id), "whatsapp_message_id": .string(wamid), "message_type": "text", "content": .string(text),
            "direction": .string(direction), "status": .string(status), "origin": "cloud_api",
            "created_at": .string(time),
        ]
    }

    static func config(_ id: String, name: String, phoneNumberID: String, display: String) -> JSONValue {
        [
            "id": .string(id), "name": .string(name), "phone_number_id": .string(phoneNumberID),
            "business_account_id": "200300400500601", "display_phone_number": .string(display),
        ]
    }
}
