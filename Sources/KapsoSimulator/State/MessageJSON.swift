internal import KapsoDiagnostics

/// Builds WAMIDs, message objects and status entries in the shapes of `fixtures/messages.list.json`.
enum MessageJSON {
    /// A WAMID like Meta's: `wamid.` + base64 of the contact's digits and a 20-character hex id.
    static func wamid(contact: String, hex: String) -> String {
        var bytes: [UInt8] = [0x1C, 0x18, UInt8(truncatingIfNeeded: contact.utf8.count)]
        bytes.reserveCapacity(40)
        bytes.append(contentsOf: contact.utf8)
        bytes.append(contentsOf: [0x15, 0x02, 0x00, 0x12, 0x18, 0x14])
        bytes.append(contentsOf: hex.utf8)
        bytes.append(0x00)
        return "wamid." + base64(bytes)
    }

    /// Standard base64 with padding, written byte by byte in plain loops (a seed makes one WAMID per message).
    static func base64(_ bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: UInt8(ascii: "="), count: (bytes.count + 2) / 3 * 4)
        var position = 0
        var index = 0
        while index < bytes.count {
            let count = bytes.count - index < 3 ? bytes.count - index : 3
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            var digit = 0
            while digit <= count {
                out[position + digit] = base64Digits[Int((group >> UInt32(18 - 6 * digit)) & 0x3F)]
                digit += 1
            }
            position += 4
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let base64Digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// What a message says and where it belongs.
    struct Content: Sendable {
        var type = "text"
        var body: String?
        var caption: String?
        var mediaID: String?
        var templateName: String?
        var templateLanguage: String?
        /// The send's `template.components` as given (parameters included).
        var templateComponents: JSONValue?
        /// A sent template's category (`UTILITY`): its statuses are priced by it (`templatePricing`).
        var templateCategory: String?
        var quotedID: String?
    }

    /// Who sent a message to whom, on which number and conversation.
    struct Party: Sendable {
        /// The contact's number (digits), or its business-scoped user id for a username-only contact.
        var contact: String
        var contactName: String?
        var phoneNumberID: String
        var conversationID: String
        /// `@handle` of a contact who adopted a WhatsApp username.
        var username: String? = nil

        /// A contact known only by a BSUID: messages carry `from_user_id`/`to_user_id` and no phone number.
        var isUserID: Bool { BusinessScopedUserID.isValid(contact) }
    }

    /// A message object; outbound ones carry `statuses` for every status up to `status`.
    static func message(
        id: String, at time: Timestamp, inbound: Bool, party: Party, content: Content, status: String,
        error: JSONValue? = nil
    ) -> JSONObject {
        var json: JSONObject = ["id": .string(id), "timestamp": .string(time.unix), "type": .string(content.type)]
        if party.isUserID {
            // Kapso's `WhatsappMessageResponse`: `from`/`to` null, `from_user_id`/`to_user_id` and `username` set.
            json[inbound ? "from" : "to"] = .null
            json[inbound ? "from_user_id" : "to_user_id"] = .string(party.contact)
            json["username"] = JSONValue(party.username)
        } else {
            json[inbound ? "from" : "to"] = .string(party.contact)
        }
        if let quoted = content.quotedID { json["context"] = ["id": .string(quoted), "from": .string(party.contact)] }
        json[content.type] = payload(content)
        var kapso: JSONObject = [
            "direction": inbound ? "inbound" : "outbound", "status": .string(status),
            "processing_status": "processed", "origin": "cloud_api", "phone_number": party.isUserID ? .null : .string(party.contact),
            "phone_number_id": .string(party.phoneNumberID), "has_media": .bool(content.mediaID != nil),
            "whatsapp_conversation_id": .string(party.conversationID), "contact_name": JSONValue(party.contactName),
            "content": JSONValue(text(content)),
        ]
        if let mediaID = content.mediaID {
            let url = "https://files.kapso.test/media/\(mediaID).jpg"
            kapso["media_url"] = .string(url)
            kapso["media_data"] = [
                "url": .string(url), "filename": .string("\(mediaID).jpg"), "content_type": "image/jpeg",
                "byte_size": 48_213,
            ]
        }
        if !inbound {
            let pricing = content.templateCategory.map(templatePricing(category:))
            kapso["statuses"] = .array(
                statuses(id: id, at: time, recipient: party.contact, upTo: status, error: error, pricing: pricing))
        }
        json["kapso"] = .object(kapso)
        return json
    }

    /// The text a conversation summary shows for a message (`null` for media without a caption).
    static func text(_ content: Content) -> String? {
        switch content.type {
        case "text": content.body
        case "template": content.body ?? "Template: \(content.templateName ?? "")"
        default: content.caption
        }
    }

    private static func payload(_ content: Content) -> JSONValue {
        switch content.type {
        case "text": ["body": JSONValue(content.body)]
        case "template":
            [
                "name": JSONValue(content.templateName), "language": ["code": .string(content.templateLanguage ?? "en_US")],
                "components": content.templateComponents ?? [],
            ]
        default: ["id": JSONValue(content.mediaID), "caption": JSONValue(content.caption)]
        }
    }

    /// Meta status events, oldest first: sent, then delivered (+2 s), read (+90 s) or failed (+2 s).
    static func statuses(
        id: String, at time: Timestamp, recipient: String, upTo status: String, error: JSONValue?, pricing: JSONValue? = nil
    ) -> [JSONValue] {
        func entry(_ name: String, _ offset: Int64, priced: Bool) -> JSONValue {
            statusEntry(id: id, status: name, at: time.adding(seconds: offset), recipient: recipient, priced: priced, pricing: pricing)
        }
        switch status {
        case "pending": return []
        case "sent": return [entry("sent", 0, priced: true)]
        case "delivered": return [entry("sent", 0, priced: true), entry("delivered", 2, priced: true)]
        case "read":
            return [entry("sent", 0, priced: true), entry("delivered", 2, priced: true), entry("read", 90, priced: false)]
        default:
            var failed = entry("failed", 2, priced: false).objectValue ?? [:]
            failed["errors"] = .array([error ?? .null])
            return [entry("sent", 0, priced: false), .object(failed)]
        }
    }

    /// One Meta status event (`{id, status, timestamp, recipient_id, pricing?}`); `pricing` on sent and delivered: the
    /// one given, else a free-form reply's (free, in the customer service window).
    static func statusEntry(
        id: String, status: String, at time: Timestamp, recipient: String, priced: Bool, pricing: JSONValue? = nil
    ) -> JSONValue {
        // Meta names a username-only recipient by `recipient_user_id` instead of `recipient_id`.
        let recipientKey = BusinessScopedUserID.isValid(recipient) ? "recipient_user_id" : "recipient_id"
        var json: JSONObject = [
            "id": .string(id), "status": .string(status), "timestamp": .string(time.unix),
            recipientKey: .string(recipient),
        ]
        if priced { json["pricing"] = pricing ?? Self.pricing }
        return .object(json)
    }

    /// A template's pricing: billable at its category's rate (Meta's per-message pricing; status webhook reference
    /// `pricing {billable, pricing_model, type, category}`), e.g. category `utility` for `UTILITY`.
    static func templatePricing(category: String) -> JSONValue {
        ["billable": true, "pricing_model": "PMP", "category": .string(category.lowercased()), "type": "regular"]
    }

    private static let pricing: JSONValue = ["billable": false, "pricing_model": "PMP", "category": "service"]

    /// A status `errors[]` entry for a Meta error code (131047, 131026, ...).
    static func statusError(code: Int) -> JSONValue {
        let (title, details) = GraphError.describe(code)
        return [
            "code": .int(code), "title": .string(title), "message": .string(title),
            "error_data": ["details": .string(details)],
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        ]
    }
}
