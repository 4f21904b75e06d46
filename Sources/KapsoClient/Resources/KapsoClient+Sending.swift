public import KopsHTTP

extension KapsoClient {
    /// Builds a Meta proxy request: `POST /meta/whatsapp/{metaVersion}/{phoneNumberID}/messages` with a JSON body.
    public func metaRequest(phoneNumberID: String, body: JSONValue) -> HTTPRequest {
        let url = baseURL + "/meta/whatsapp/\(metaVersion)/\(percentEncode(phoneNumberID))/messages"
        return HTTPRequest(
            method: "POST", url: url,
            headers: [
                HTTPHeader("X-API-Key", secret: apiKey), HTTPHeader("Accept", "application/json"),
                HTTPHeader("Content-Type", "application/json"),
            ],
            body: Array(body.serialized().utf8))
    }

    /// The body of a free-form text message, quoting `quotedID` when given (kapso-api.md §9.1). With `byUserID`,
    /// `recipient` is a business-scoped user id and is sent as `recipient` instead of `to` (openapi-whatsapp.yaml:
    /// "Recipient BSUID or parent BSUID").
    public static func textMessage(
        to recipient: String, text: String, quoting quotedID: String? = nil, byUserID: Bool = false
    ) -> JSONValue {
        var body: JSONObject = [
            "messaging_product": "whatsapp", "recipient_type": "individual",
            byUserID ? "recipient" : "to": .string(recipient), "type": "text",
        ]
        if let quotedID { body["context"] = ["message_id": .string(quotedID)] }
        body["text"] = ["body": .string(text), "preview_url": false]
        return .object(body)
    }

    /// Sends a Meta proxy request and returns the new message's WAMID and Meta's `message_status` for it.
    ///
    /// Error bodies in Graph's or Kapso's shapes become `sendRejected` with their code; 401 stays `unauthorized`.
    public func send(_ request: HTTPRequest) throws(KapsoAPIError) -> SentMessage {
        let response: HTTPResponse
        do { response = try transport.send(request) } catch { throw .transport(error) }
        tellAnswered(request, response)
        if !response.isSuccess, response.status != 401, let json = try? JSONValue.parse(response.body),
            var error = MetaSendError(status: response.status, json: json)
        {
            error.path = request.url
            throw .sendRejected(error)
        }
        let json = try decode(response, for: request)
        guard let id = json["messages"]?[0]?["id"]?.string else {
            throw .badShape("send response without 'messages[0].id'")
        }
        return SentMessage(id: id, messageStatus: json["messages"]?[0]?["message_status"]?.string)
    }
}

/// A send's answer (kapso-api.md §9.2): the new WAMID and, when Meta gave one, its `message_status` (`accepted`, or
/// `held_for_quality_assessment` for a paced template's message).
public struct SentMessage: Sendable, Equatable {
    public var id: String
    public var messageStatus: String?

    public init(id: String, messageStatus: String? = nil) {
        self.id = id
        self.messageStatus = messageStatus
    }
}
