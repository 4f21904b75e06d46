public import KopsHTTP

extension KapsoClient {
    /// `GET /whatsapp/messages` (cursor style, newest first); filters are the API's query names
    /// (`phone_number_id`, `conversation_id`, `phone_number`, `direction`, `status`, `message_type`, `has_media`).
    public func messages(filters: [(String, String)] = [], limit: Int = 20, after: String? = nil) throws(KapsoAPIError)
        -> Page<Message>
    {
        try performList(messagesRequest(filters: filters, limit: limit, after: after)) { list throws(KapsoAPIError) in
            try Page.decode(list, item: Message.init(json:))
        }
    }

    /// The request behind `messages(filters:limit:after:)`, for sending it with others at once.
    public func messagesRequest(filters: [(String, String)] = [], limit: Int = 20, after: String? = nil) -> HTTPRequest {
        platformRequest("/whatsapp/messages", query: filters + [("limit", String(limit))] + (after.map { [("after", $0)] } ?? []))
    }

    /// Decodes a messages page fetched elsewhere (e.g. with `sendAll`).
    public func messages(from json: JSONValue) throws(KapsoAPIError) -> Page<Message> {
        try Page.decode(json, item: Message.init(json:))
    }

    /// The pages of `requests` (`messagesRequest`s), sent side by side (`sendAll`), in their order; nil for one that
    /// failed (no answer, an error status, a body that is no messages page).
    public func messagePages(_ requests: [HTTPRequest]) -> [Page<Message>?] {
        zip(requests, sendAll(requests)).map { request, result in
            guard case .success(let response) = result else { return nil }
            return try? messages(from: try decode(response, for: request))
        }
    }

    /// `GET /whatsapp/messages/{wamid}`; a 404 becomes `messageNotFound`. A body without `data` is read in `perform`'s
    /// shape, so the answer is not counted as one the host served (`unserved`; tester56b V18 residual).
    public func message(_ id: String) throws(KapsoAPIError) -> Message {
        do throws(KapsoAPIError) {
            return try perform(platformRequest("/whatsapp/messages/\(percentEncode(id))")) { json throws(KapsoAPIError) in
                guard let object = json["data"]?.object else { throw .badShape(KapsoAPIError.noData("message")) }
                return try Message(json: object)
            }
        } catch .notFound {
            throw .messageNotFound(id: id)
        }
    }
}
