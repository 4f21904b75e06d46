/// Meta Graph error bodies, as the Kapso proxy returns them (`fixtures/send_message.error_131047.json`).
enum GraphError {
    /// Title and details for the codes the simulator produces.
    static func describe(_ code: Int) -> (title: String, details: String) {
        switch code {
        case 131_047:
            ("Re-engagement message",
             "The recipient last wrote more than 24 hours ago, so only an approved template can be sent.")
        case 131_026:
            ("Message undeliverable",
             "The recipient is not on WhatsApp or cannot receive messages from this business.")
        case 131_049:
            ("This message was not delivered to maintain healthy ecosystem engagement.",
             "Meta limited marketing messages to this user.")
        case 190:
            ("Invalid OAuth access token", "The X-API-Key header (or Bearer token) is missing or not this project's key.")
        default: ("Invalid parameter", "A parameter is missing or has an invalid value.")
        }
    }

    /// The Graph error for an answer the proxy gives before any route runs (an injected fault, a request the HTTP
    /// layer refused) with HTTP `status`: the code Graph uses for that kind of failure, `details` saying what
    /// happened. Codes after Meta's error-codes page (docs/simulator-http.md): 190 bad token, 10 permission, 4 the
    /// app's call rate (HTTP 429 here, as Kapso's proxy limits before Meta), 1 unknown and 2 service unavailable
    /// (both transient), 100 invalid parameter for the rest.
    static func forStatus(_ status: Int, details: String, traceID: String) -> JSONValue {
        let (code, title, transient): (Int, String, Bool) =
            switch status {
            case 401: (190, "Invalid OAuth access token", false)
            case 403: (10, "Application does not have permission for this action", false)
            case 429: (4, "Application request limit reached", true)
            case 500: (1, "An unknown error occurred", true)
            case 502, 503, 504: (2, "Service temporarily unavailable", true)
            default: (100, "Invalid parameter", false)
            }
        var body = Self.body(
            code: code, type: code == 100 ? "GraphMethodException" : "OAuthException", message: "(#\(code)) \(title)",
            details: details, traceID: traceID)
        if transient, case .object(var error)? = body["error"] {
            error["is_transient"] = .bool(true)
            body = ["error": .object(error)]
        }
        return body
    }

    /// `{"error": {"message", "type", "code", "error_subcode"?, "error_data", "fbtrace_id"}}`.
    static func body(code: Int, type: String = "MessageError", subcode: Int? = nil, message: String? = nil,
                     details: String? = nil, traceID: String) -> JSONValue
    {
        let (title, described) = describe(code)
        let details = details ?? described
        var error: JSONObject = [
            "message": .string(message ?? "(#\(code)) \(title)"), "type": .string(type), "code": .int(code),
        ]
        if let subcode { error["error_subcode"] = .int(subcode) }
        error["error_data"] = ["messaging_product": "whatsapp", "details": .string(details)]
        error["fbtrace_id"] = .string(traceID)
        return ["error": .object(error)]
    }
}
