internal import KapsoDiagnostics

/// Builds outbound webhook bodies: v2 (default), legacy v1, and raw Meta payloads for `kind: meta`.
enum WebhookPayload {
    /// The body `webhook` gets for a message event, in its kind and payload version; batch-shaped when the
    /// webhook buffers the event (`sequence` is the message's number, for `batch_info`).
    static func message(
        event: String, message: JSONObject, conversation: JSONObject, number: JSONObject, webhook: JSONObject,
        isNewConversation: Bool = false, sequence: Int? = nil
    ) -> JSONValue {
        if webhook["kind"]?.stringValue == "meta" { return meta(message: message, number: number) }
        if webhook["payload_version"]?.stringValue == "v1" {
            return v1(message: message, conversation: conversation, number: number, isNew: isNewConversation)
        }
        let item = v2(event: event, message: message, conversation: conversation, number: number, isNew: isNewConversation)
        guard webhook["buffer_enabled"] == true, webhook["buffer_events"]?.arrayValue?.contains(.string(event)) == true
        else { return item }
        // Once buffering is on, every delivery of a buffered event is batch-shaped, even with one item.
        let windowSeconds = webhook["buffer_window_seconds"]?.intValue ?? 5
        // A seeded webhook's window is not checked as a created one's is (WebhookForm): one past `Int` in
        // milliseconds is served as its digits rather than trapped on.
        let (product, overflow) = windowSeconds.multipliedReportingOverflow(by: 1000)
        let windowMilliseconds: JSONValue = overflow ? .bigInteger(String(windowSeconds) + "000") : .int(product)
        return [
            "type": .string(event), "batch": true, "data": [item],
            "batch_info": [
                "size": 1, "window_ms": windowMilliseconds, "first_sequence": .int(sequence ?? 1),
                "last_sequence": .int(sequence ?? 1), "conversation_id": conversation["id"] ?? .null,
            ],
        ]
    }

    // The v2 message event (fixtures/webhook.v2.message_received.json, webhook.v2.message_failed.json): the
    // API's message without the fields its `conversation` already carries, the conversation with a `+` number,
    // and the conversation's `kapso` summary only on received and sent events.
    private static func v2(
        event: String, message: JSONObject, conversation: JSONObject, number: JSONObject, isNew: Bool
    ) -> JSONValue {
        let received = event == "whatsapp.message.received"
        var message = message
        message["to"] = nil
        if var kapso = message["kapso"]?.objectValue {
            for key in ["phone_number", "phone_number_id", "whatsapp_conversation_id", "contact_name"] { kapso[key] = nil }
            // Webhooks call an inbound message "received" where the API says "delivered"; it is sent before
            // Kapso has processed it.
            if received { kapso["status"] = "received" }
            kapso["processing_status"] = received ? "pending" : "completed"
            message["kapso"] = .object(kapso)
        }
        var conversation = conversation
        if let phone = conversation["phone_number"]?.stringValue, !phone.hasPrefix("+") {
            conversation["phone_number"] = .string("+" + phone)
        }
        if !received && event != "whatsapp.message.sent" { conversation["kapso"] = nil }
        return [
            "message": .object(message), "conversation": .object(conversation), "is_new_conversation": .bool(isNew),
            "phone_number_id": number["id"] ?? .null,
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

    /// The catalogue's sample body of an event the simulator keeps no state for (contact, handover, account,
    /// workflow, agent-run and custom events, the newer number-lifecycle events), in `version` when it has one.
    static func catalogueSample(_ event: String, version: String?) -> JSONValue? {
        let stateful = ["whatsapp.phone_number.created", "whatsapp.phone_number.deleted", "whatsapp.config.created"]
        guard !stateful.contains(event), !event.hasPrefix("whatsapp.message."), !event.hasPrefix("whatsapp.conversation.")
        else { return nil }
        let sample = PayloadSamples.sample(event, version: version ?? "v2") ?? PayloadSamples.sample(event, version: "v2")
        return sample.flatMap { try? JSONParser.parse(Array($0.bodyText.utf8)) }
    }

    /// Project-level events (`whatsapp.phone_number.created`, `.deleted`, legacy `whatsapp.config.created`).
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
                "created_at": .string(((try? FileSeed.messageTime(message["timestamp"])) ?? Timestamp(micros: 0)).iso),
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
