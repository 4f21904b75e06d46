public import KopsHTTP

extension KapsoClient {
    /// `GET /whatsapp/conversations` (cursor style, most recently active first); filters are the API's
    /// query names (`phone_number_id`, `phone_number`, `status`).
    public func conversations(filters: [(String, String)] = [], limit: Int = 20, after: String? = nil)
        throws(KapsoAPIError) -> Page<Conversation>
    {
        try performList(conversationsRequest(filters: filters, limit: limit, after: after)) { list throws(KapsoAPIError) in
            try Page.decode(list, item: Conversation.init(json:))
        }
    }

    /// The request behind `conversations(filters:limit:after:)`.
    public func conversationsRequest(filters: [(String, String)] = [], limit: Int = 20, after: String? = nil) -> HTTPRequest {
        platformRequest("/whatsapp/conversations", query: filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? []))
    }

    /// The request behind `conversation(_:)`, for sending it with others at once.
    public func conversationRequest(_ id: String) -> HTTPRequest {
        platformRequest("/whatsapp/conversations/\(percentEncode(id))")
    }

    /// `GET /whatsapp/conversations/{id}`; a 404 becomes `conversationNotFound`. Read in `perform`'s shape, as `message` is:
    /// a body without `data` is not counted as one the host served (`unserved`).
    public func conversation(_ id: String) throws(KapsoAPIError) -> Conversation {
        do throws(KapsoAPIError) {
            return try perform(conversationRequest(id)) { json throws(KapsoAPIError) in try Conversation(fromResponse: json) }
        } catch .notFound {
            throw .conversationNotFound(id: id)
        }
    }
}

extension Conversation {
    /// Reads `{"data": {...}}`.
    public init(fromResponse json: JSONValue) throws(KapsoAPIError) {
        guard let object = json["data"]?.object else { throw .badShape(KapsoAPIError.noData("conversation")) }
        try self.init(json: object)
    }
}
