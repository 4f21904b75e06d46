// MARK: - Messages and conversations

extension SimulatorState {
    /// `GET /whatsapp/messages`: cursor style (columns `created_at,id`), newest first, with the SPEC's filters.
    func listMessages(_ request: APIRequest) throws(APIError) -> APIResponse {
        let query = request.query
        let mode = try CursorQuery.parse(query)
        let hasMedia = try boolFilter(query, "has_media")
        try uuidFilter(query, "conversation_id")
        if let direction = query["direction"], direction != "inbound", direction != "outbound" {
            throw .badRequest("Invalid direction parameter")
        }
        if let status = query["status"], !["pending", "sent", "delivered", "read", "failed"].contains(status) {
            throw .badRequest("Invalid status parameter")
        }
        let contact = query["phone_number"].map(Self.digits)
        return CursorQuery.response(messages, mode: mode, column: "created_at", request: request) { record in
            let json = record.json
            let kapso = json["kapso"] ?? .null
            if let id = query["phone_number_id"], kapso["phone_number_id"]?.stringValue != id { return false }
            if let id = query["conversation_id"], kapso["whatsapp_conversation_id"]?.stringValue != id { return false }
            if let contact, !Self.digits(kapso["phone_number"]?.stringValue ?? "").contains(contact) { return false }
            if let user = query["business_scoped_user_id"],
                json["from_user_id"]?.stringValue != user && json["to_user_id"]?.stringValue != user
            {
                return false
            }
            if let direction = query["direction"], kapso["direction"]?.stringValue != direction { return false }
            if let status = query["status"], kapso["status"]?.stringValue != status { return false }
            if let type = query["message_type"], json["type"]?.stringValue != type { return false }
            if let hasMedia, kapso["has_media"]?.boolValue != hasMedia { return false }
            return true
        }
    }

    /// `GET /whatsapp/messages/{wamid}` (the WAMID percent-decoded from the path).
    func getMessage(_ id: String) throws(APIError) -> APIResponse {
        guard let record = messages[id] else { throw .notFound("WhatsApp message not found") }
        return .data(.object(record.json))
    }

    /// `GET /whatsapp/conversations`: cursor style (columns `last_active_at,id`), most recently active first.
    func listConversations(_ request: APIRequest) throws(APIError) -> APIResponse {
        let query = request.query
        let mode = try CursorQuery.parse(query)
        if let status = query["status"], status != "active", status != "ended" {
            throw .badRequest("Invalid status parameter")
        }
        try uuidFilter(query, "assigned_user_id")
        _ = try boolFilter(query, "unassigned")
        if query["assigned_user_id"] != nil, query["unassigned"] != nil {
            throw APIError(.error(422, "assigned_user_id and unassigned cannot be used together"))
        }
        let createdAfter = try timeFilter(query, "created_after")
        let createdBefore = try timeFilter(query, "created_before")
        let activeAfter = try timeFilter(query, "last_active_after")
        let activeBefore = try timeFilter(query, "last_active_before")
        let contact = query["phone_number"].map(Self.digits)
        return CursorQuery.response(conversations, mode: mode, column: "last_active_at", request: request) { record in
            let json = record.json
            let created = json["created_at"]?.stringValue.flatMap(Timestamp.init(iso:)) ?? record.sortTime
            if let id = query["phone_number_id"], json["phone_number_id"]?.stringValue != id { return false }
            if let contact, !Self.digits(json["phone_number"]?.stringValue ?? "").contains(contact) { return false }
            if let status = query["status"], json["status"]?.stringValue != status { return false }
            if query["assigned_user_id"] != nil { return false }
            if let after = createdAfter, created < after { return false }
            if let before = createdBefore, created > before { return false }
            if let after = activeAfter, record.sortTime < after { return false }
            if let before = activeBefore, record.sortTime > before { return false }
            return true
        }
    }

    /// `GET /whatsapp/conversations/{id}`.
    func getConversation(_ id: String) throws(APIError) -> APIResponse {
        .data(.object(try conversation(id).json))
    }

    /// `PATCH /whatsapp/conversations/{id}` with `{"whatsapp_conversation": {"status": "active"|"ended"}}`.
    func updateConversation(_ id: String, _ request: APIRequest, now: Timestamp) throws(APIError) -> APIResponse {
        _ = try conversation(id)
        guard let fields = try request.jsonObject()["whatsapp_conversation"]?.objectValue else {
            throw .validation([("whatsapp_conversation", "is required and must be an object")])
        }
        guard let status = fields["status"]?.stringValue, status == "active" || status == "ended" else {
            throw .validation([("status", "is not included in the list")])
        }
        let updated = conversations.update(id: id) { record in
            record.json["status"] = .string(status)
            record.json["updated_at"] = .string(now.iso)
        }
        return .data(.object(updated?.json ?? [:]))
    }

    func conversation(_ id: String) throws(APIError) -> Record {
        guard let record = conversations[id] else { throw .notFound("WhatsApp conversation not found") }
        return record
    }

    /// Only the digits of a phone number (`+1 415-555-0142` → `14155550142`).
    static func digits(_ text: String) -> String {
        String(text.filter(\.isWholeNumber))
    }
}
