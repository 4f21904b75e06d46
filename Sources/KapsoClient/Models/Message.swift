/// A WhatsApp message as the Platform API shows it (`WhatsappMessage`): Meta's fields plus `kapso`.
public struct Message: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id"), .object("kapso")], in: json, of: "message")
        self.json = json
    }

    /// The WAMID.
    public var id: String { json["id"]?.string ?? "" }
    /// When it was sent or received, in Unix seconds (`timestamp` is a string of digits); read as its statuses' times are
    /// (`KapsoTime.reading`: an ISO-8601 time with a zone or Unix milliseconds too, probe26 P26-17); nil when the
    /// timestamp is missing or no plausible time.
    public var time: Int64? { KapsoTime.reading(timestamp: json["timestamp"], within: KapsoTime.plausible)?.seconds }
    public var type: String { json["type"]?.string ?? "unknown" }
    /// `kapso.direction` as Kapso wrote it (`inbound`, `outbound`), nil when missing or not text; which way the
    /// message went is KapsoDiagnostics' `MessageDirection`, which reads the message when this word does not say.
    public var kapsoDirection: String? { kapso["direction"]?.string }
    /// `pending`, `sent`, `delivered`, `read`, `failed` (or `received` on some inbound messages).
    public var status: String { kapso["status"]?.string ?? "unknown" }
    public var contactName: String? { kapso["contact_name"]?.string }
    /// The contact's WhatsApp username as Kapso sends it (`ana.shop`), when they adopted one.
    public var username: String? { json["username"]?.string }
    /// The username as kops writes it and `whois`/`reply --to` take it: `@ana.shop`.
    public var usernameHandle: String? { username.flatMap(Conversation.handle) }
    /// The business number (Meta phone_number_id).
    public var phoneNumberID: String? { kapso["phone_number_id"]?.string }
    public var conversationID: String? { kapso["whatsapp_conversation_id"]?.string }
    public var hasMedia: Bool { kapso["has_media"]?.bool ?? false }
    /// The WAMID this message quotes, if any.
    public var quotedID: String? { json["context"]?["id"]?.string }

    /// Meta status events as stored, oldest first (empty until a status arrives; inbound messages have none), including
    /// any whose `id` names another message: diagnostics read `StatusHistory`, which sets those apart.
    public var statuses: [MessageStatus] {
        kapso["statuses"]?.array?.compactMap { $0.object.map(MessageStatus.init(json:)) } ?? []
    }

    private var kapso: JSONValue { json["kapso"] ?? .null }
}

/// One entry of `kapso.statuses[]`: a Meta status event.
public struct MessageStatus: Sendable {
    /// An `errors[]` entry of a failed status.
    public struct StatusError: Sendable, Equatable {
        /// Graph's code as text (`131047`); the API sends an integer, some tools a string.
        public var code: String
        public var title: String?
        public var details: String?
    }

    public let json: JSONObject

    public init(json: JSONObject) {
        self.json = json
    }

    public var status: String { json["status"]?.string ?? "unknown" }
    /// Unix seconds; nil when missing or no plausible time (`KapsoTime.seconds(timestamp:)`).
    public var time: Int64? { KapsoTime.seconds(timestamp: json["timestamp"]) }

    public var errors: [StatusError] {
        (json["errors"]?.array ?? []).compactMap { error in
            guard let code = error["code"]?.int.map(String.init) ?? error["code"]?.string else { return nil }
            return StatusError(
                code: code, title: error["title"]?.string ?? error["message"]?.string,
                details: error["error_data"]?["details"]?.string)
        }
    }
}
