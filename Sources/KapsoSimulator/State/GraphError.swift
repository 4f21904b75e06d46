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
