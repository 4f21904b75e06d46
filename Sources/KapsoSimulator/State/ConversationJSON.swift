internal import KapsoDiagnostics

/// Builds conversation objects and keeps their `kapso` summary in step with their messages.
enum ConversationJSON {
    /// A conversation with no messages yet (`fixtures/conversations.list.json` shape).
    /// A `contact` with the BSUID shape is a username-only contact: `phone_number` is null and the conversation
    /// carries `business_scoped_user_id` and `username` instead.
    static func make(
        id: String, contact: String, contactName: String?, phoneNumberID: String, createdAt: Timestamp,
        status: String = "active", metadata: JSONValue = [:], username: String? = nil
    ) -> JSONObject {
        var json: JSONObject = [
            "id": .string(id), "phone_number": .string(contact), "status": .string(status),
            "last_active_at": .string(createdAt.iso), "created_at": .string(createdAt.iso),
            "updated_at": .string(createdAt.iso), "metadata": metadata, "phone_number_id": .string(phoneNumberID),
            "kapso": [
                "contact_name": JSONValue(contactName), "messages_count": 0, "last_message_id": .null,
                "last_message_type": .null, "last_message_timestamp": .null, "last_message_text": .null,
                "last_inbound_at": .null, "last_outbound_at": .null,
            ],
        ]
        if BusinessScopedUserID.isValid(contact) {
            json["phone_number"] = .null
            json["business_scoped_user_id"] = .string(contact)
            json["username"] = JSONValue(username)
        }
        return json
    }

    /// Who a conversation is with: the number's digits, else the business-scoped user id.
    static func contact(of conversation: JSONObject) -> String? {
        conversation["phone_number"]?.stringValue ?? conversation["business_scoped_user_id"]?.stringValue
    }

    /// `conversation` after `message` (sent or received at `time`) joined it.
    static func applying(_ message: JSONObject, at time: Timestamp, to conversation: JSONObject) -> JSONObject {
        var summary = Summary()
        summary.add(message, at: time)
        return summary.apply(to: conversation)
    }

    /// When the contact last wrote, from the summary; nil if never.
    static func lastInbound(_ conversation: JSONObject) -> Timestamp? {
        conversation["kapso"]?["last_inbound_at"]?.stringValue.flatMap(Timestamp.init(iso:))
    }

    /// Messages that joined a conversation, folded into what its `kapso` block needs; applying it once gives
    /// the same JSON as applying each message in turn (the seed adds 100k messages this way).
    struct Summary {
        private var count = 0
        private var last: (id: JSONValue, type: JSONValue, text: JSONValue, time: Timestamp)?
        private var lastInbound: Timestamp?
        private var lastOutbound: Timestamp?

        mutating func add(_ message: JSONObject, at time: Timestamp) {
            let kapso = message["kapso"]
            add(
                id: message["id"] ?? .null, type: message["type"] ?? .null, text: kapso?["content"] ?? .null,
                inbound: kapso?["direction"]?.stringValue == "inbound", at: time)
        }

        /// The same, for a message whose id, type, text (`kapso.content`) and direction are known.
        mutating func add(id: JSONValue, type: JSONValue, text: JSONValue, inbound: Bool, at time: Timestamp) {
            count += 1
            last = (id, type, text, time)
            if inbound { lastInbound = time } else { lastOutbound = time }
        }

        /// `conversation` with these messages counted and the latest one summarised.
        func apply(to conversation: JSONObject) -> JSONObject {
            guard let last else { return conversation }
            var conversation = conversation
            var kapso = conversation["kapso"]?.objectValue ?? [:]
            let iso = JSONValue.string(last.time.iso)
            // A seed may hold any count, `Int.max` too: past `Int` the sum is served as its digits, not trapped on.
            let total = Int128(kapso["messages_count"]?.intValue ?? 0) + Int128(count)
            kapso["messages_count"] = Int(exactly: total).map(JSONValue.int) ?? .bigInteger(String(total))
            kapso["last_message_id"] = last.id
            kapso["last_message_type"] = last.type
            kapso["last_message_timestamp"] = iso
            kapso["last_message_text"] = last.text
            if let lastInbound { kapso["last_inbound_at"] = .string(lastInbound.iso) }
            if let lastOutbound { kapso["last_outbound_at"] = .string(lastOutbound.iso) }
            conversation["kapso"] = .object(kapso)
            conversation["last_active_at"] = iso
            conversation["updated_at"] = iso
            return conversation
        }
    }
}
