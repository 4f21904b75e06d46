/// A Kapso conversation thread (`WhatsappConversation`), with its `kapso` summary.
public struct Conversation: Sendable {
    /// How long the customer-service window stays open after the contact's last message.
    public static let windowSeconds: Int64 = 86_400

    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id")], in: json, of: "conversation")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    /// The contact's number (digits), nil for contacts known only by a business-scoped user id.
    ///
    /// An empty `phone_number` is none: Meta's `wa_id: ""` for a username adopter carried over (the contract says null,
    /// kapso-api.md §8.3), which a reply sent as `"to": ""` (probe26 P26-14).
    public var contact: String? { json["phone_number"]?.string.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil } }
    public var contactName: String? { kapso["contact_name"]?.string }
    /// The business-scoped user id of a contact known without a number (`business_scoped_user_id`).
    public var businessScopedUserID: String? {
        json["business_scoped_user_id"]?.string.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil }
    }
    /// The contact's WhatsApp username (`@handle`), when they adopted one.
    public var username: String? { json["username"]?.string }
    /// How to name the contact when no name is wanted: the number, else the username (`@ana.shop`, as `messages`
    /// writes it and `whois`/`reply --to` take it), else the BSUID.
    public var contactHandle: String? { contact ?? usernameHandle ?? businessScopedUserID }
    /// The username as kops writes it: `@ana.shop`.
    public var usernameHandle: String? { username.flatMap(Self.handle) }

    /// `@ana.shop` for a username with or without its `@`; nil for an empty one.
    public static func handle(_ username: String) -> String? {
        let name = username.drop { $0 == "@" }
        return name.isEmpty ? nil : "@" + name
    }
    /// `active` or `ended`.
    public var status: String { json["status"]?.string ?? "unknown" }
    public var phoneNumberID: String? { json["phone_number_id"]?.string }
    public var lastActiveAt: String? { json["last_active_at"]?.string }
    public var createdAt: String? { json["created_at"]?.string }
    public var messagesCount: Int? { kapso["messages_count"]?.int }
    public var lastMessageText: String? { kapso["last_message_text"]?.string }
    /// When the contact last wrote (ISO-8601), nil when Kapso did not report it (null means "not reported", not
    /// "never": kapso-api.md §8.3; KapsoDiagnostics `ContactWindow` reads the other evidence).
    public var lastInboundAt: String? { kapso["last_inbound_at"]?.string }
    public var lastOutboundAt: String? { kapso["last_outbound_at"]?.string }

    private var kapso: JSONValue { json["kapso"] ?? .null }
    /// False when the conversation came without its `kapso` block (the spec allows null), so nothing is known
    /// of its last inbound message.
    public var hasKapsoBlock: Bool { kapso.object != nil }
}
