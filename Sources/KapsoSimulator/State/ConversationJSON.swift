/// Builds conversation objects and keeps their `kapso` summary in step with their messages.
enum ConversationJSON {
    /// A conversation with no messages yet (`fixtures/conversations.list.json` shape).
    static func make(
        id: String, contact: String, contactName: String?, phoneNumberID: String, createdAt: Timestamp,
        status: String = "active", metadata: JSONValue = [:]
    ) -> JSONObject {
        [
            "id": .string(id), "phone_number": .string(contact), "status": .string(status),
            "last_active_at": .string(createdAt.iso), "created_at": .string(createdAt.iso),
            "updated_at": .string(createdAt.iso), "metadata": metadata, "phone_number_id": .string(phoneNumberID),
            "kapso": [
                "contact_name": JSONValue(contactName), "messages_count": 0, "last_message_id": .null,
                "last_message_type": .null, "last_message_timestamp": .null, "last_message_text": .null,
                "last_inbound_at": .null, "last_outbound_at": .null,
            ],
        ]
    }

    /// `conversation` after `message` (sent or received at `time`) joined it.
    static func applying(_ message: JSONObject, at time: Timestamp, to conversation: JSONObject) -> JSONObject {
        var conversation = conversation
        var kapso = conversation["kapso"]?.objectValue ?? [:]
        let inbound = message["kapso"]?["direction"]?.stringValue == "inbound"
        kapso["messages_count"] = .int((kapso["messages_count"]?.intValue ?? 0) + 1)
        kapso["last_message_id"] = message["id"] ?? .null
        kapso["last_message_type"] = message["type"] ?? .null
        kapso["last_message_timestamp"] = .string(time.iso)
        kapso["last_message_text"] = message["kapso"]?["content"] ?? .null
        kapso[inbound ? "last_inbound_at" : "last_outbound_at"] = .string(time.iso)
        conversation["kapso"] = .object(kapso)
        conversation["last_active_at"] = .string(time.iso)
        conversation["updated_at"] = .string(time.iso)
        return conversation
    }

    /// When the contact last wrote, from the summary; nil if never.
    static func lastInbound(_ conversation: JSONObject) -> Timestamp? {
        conversation["kapso"]?["last_inbound_at"]?.stringValue.flatMap(Timestamp.init(iso:))
    }
}
