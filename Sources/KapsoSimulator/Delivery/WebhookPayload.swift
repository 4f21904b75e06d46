/// Builds outbound webhook bodies: v2 (default), legacy v1, and raw Meta payloads for `kind: meta`.
enum WebhookPayload {
    /// The body `webhook` gets for a message event, in its kind and payload version.
    static func message(
        event: String, message: JSONObject, conversation: JSONObject, number: JSONObject, webhook: JSONObject,
        isNewConversation: Bool = false
    ) -> JSONValue {
        let phoneNumberID = number["id"] ?? .null
        if webhook["kind"]?.stringValue == "meta" { return meta(message: message, number: number) }
        if webhook["payload_version"]?.stringValue == "v1" {
            return v1(message: message, conversation: conversation, number: number, isNew: isNewConversation)
        }
        var message = message
        if event == "whatsapp.message.received", var kapso = message["kapso"]?.objectValue {
            // Webhooks call an inbound message "received" where the API says "delivered".
            kapso["status"] = "received"
            message["kapso"] = .object(kapso)
        }
        return [
            "message": .object(message), "conversation": .object(conversation),
            "is_new_conversation": .bool(isNewConversation), "phone_number_id": phoneNumberID,
        ]
    }

    /// `whatsapp.conversation.*` bodies.
    static func conversation(event: String, conversation: JSONObject, webhook: JSONObject) -> JSONValue {
        var body: JSONObject = ["conversation": .object(conversation)]
        if event == "whatsapp.conversation.inactive" {
            let last = conversation["kapso"]?["last_message_id"] ?? .null
            body["since_message"] = [
                "id": last, "whatsapp_message_id": last, "direction": "inbound",
                "created_at": conversation["last_active_at"] ?? .null,
            ]
            body["inactivity"] = ["minutes": webhook["inactivity_minutes"] ?? 60]
        }
        body["phone_number_id"] = conversation["phone_number_id"] ?? .null
        return .object(body)
    }

    /// Project-level events (`whatsapp.phone_number.created`, workflow and custom events).
    static func project(event: String, projectID: String, number: JSONObject?) -> JSONValue {
        [
            "event": .string(event), "phone_number_id": number?["id"] ?? .null, "project": ["id": .string(projectID)],
            "customer": ["id": number?["customer_id"] ?? .null],
        ]
    }

    private static func v1(message: JSONObject, conversation: JSONObject, number: JSONObject, isNew: Bool) -> JSONValue {
        let kapso = message["kapso"] ?? .null
        let configID = number["internal_id"] ?? .null
        var flatConversation = conversation
        flatConversation["kapso"] = nil
        flatConversation["whatsapp_config_id"] = configID
        let type = message["type"]?.stringValue ?? "text"
        return [
            "message": [
                "id": kapso["id"] ?? message["id"] ?? .null, "whatsapp_message_id": message["id"] ?? .null,
                "message_type": .string(type), "content": kapso["content"] ?? .null,
                "direction": kapso["direction"] ?? .null,
                "status": kapso["direction"] == "inbound" ? "received" : kapso["status"] ?? .null,
                "origin": kapso["origin"] ?? .null,
                "created_at": .string(Timestamp(seconds: Int64(message["timestamp"]?.stringValue ?? "") ?? 0).iso),
            ],
            "conversation": .object(flatConversation),
            "whatsapp_config": [
                "id": configID, "name": number["name"] ?? .null, "phone_number_id": number["id"] ?? .null,
                "business_account_id": number["business_account_id"] ?? .null,
                "display_phone_number": number["display_phone_number"] ?? .null,
            ],
            "is_new_conversation": .bool(isNew),
        ]
    }

    private static func meta(message: JSONObject, number: JSONObject) -> JSONValue {
        var value: JSONObject = [
            "messaging_product": "whatsapp",
            "metadata": [
                "display_phone_number": number["display_phone_number_normalized"] ?? .null,
                "phone_number_id": number["id"] ?? .null,
            ],
        ]
        let inbound = message["kapso"]?["direction"] == "inbound"
        if inbound {
            var raw = message
            raw["kapso"] = nil
            value["messages"] = [.object(raw)]
        } else {
            let statuses = message["kapso"]?["statuses"]?.arrayValue ?? []
            value["statuses"] = .array(statuses.suffix(1))
        }
        let change: JSONValue = ["value": .object(value), "field": "messages"]
        return [
            "object": "whatsapp_business_account",
            "entry": [["id": number["business_account_id"] ?? .null, "changes": [change]]],
        ]
    }
}
