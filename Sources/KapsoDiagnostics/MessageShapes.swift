public import KapsoClient

/// Received-message shapes as Meta delivers them (webhook "messages" objects, kapso-api.md §7.3), by a
/// name a user can type: `payload sample whatsapp.message.received --type location`.
public enum MessageShapes {
    /// The names, in the order `payload` lists them.
    public static let names = [
        "text", "image", "video", "voice", "document", "sticker", "location", "contacts", "button_reply", "list_reply",
        "nfm_reply", "button", "reaction", "reaction_removed", "order", "user_changed_number", "identity_changed",
        "unsupported", "edit", "revoke",
    ]

    /// The message `type`, its type object and any other fields (`errors`), or nil for an unknown name.
    public static func shape(_ name: String) -> (type: String, fields: JSONObject)? {
        let fields: JSONObject
        switch name {
        case "text": fields = ["text": ["body": "Hi, order A-1042 still hasn't arrived"]]
        case "image": fields = ["image": ["id": "media_01", "mime_type": "image/jpeg", "sha256": "abc", "caption": "The dent on the box"]]
        case "video": fields = ["video": ["id": "media_02", "mime_type": "video/mp4", "sha256": "abc"]]
        case "voice": fields = ["audio": ["id": "media_03", "mime_type": "audio/ogg; codecs=opus", "voice": true]]
        case "document":
            fields = ["document": ["id": "media_04", "filename": "invoice-1042.pdf", "mime_type": "application/pdf", "caption": "Invoice"]]
        case "sticker": fields = ["sticker": ["id": "media_05", "mime_type": "image/webp", "animated": true]]
        case "location":
            fields = ["location": ["latitude": .number("37.7749"), "longitude": .number("-122.4194"), "name": "Pickup point", "address": "1 Market St, San Francisco, CA"]]
        case "contacts":
            fields = ["contacts": [["name": ["first_name": "Ana", "formatted_name": "Ana Ruiz"], "phones": [["phone": "+1 415-555-0190", "wa_id": "14155550190", "type": "CELL"]]]]]
        case "button_reply": fields = ["interactive": ["type": "button_reply", "button_reply": ["id": "btn_confirm", "title": "Confirm"]]]
        case "list_reply":
            fields = ["interactive": ["type": "list_reply", "list_reply": ["id": "row_2", "title": "Tomorrow 9-12", "description": "Morning slot"]]]
        case "nfm_reply":
            fields = ["interactive": ["type": "nfm_reply", "nfm_reply": ["name": "flow", "body": "Sent", "response_json": #"{"flow_token":"tok","slot":"am"}"#]]]
        case "button": fields = ["button": ["payload": "STOP_PROMOS", "text": "Stop promotions"]]
        case "reaction": fields = ["reaction": ["message_id": .string(Story.replyWAMID), "emoji": "👍"]]
        case "reaction_removed": fields = ["reaction": ["message_id": .string(Story.replyWAMID)]]
        case "order":
            fields = ["order": ["catalog_id": "300400500600701", "text": "Please deliver", "product_items": [["product_retailer_id": "SKU-1", "quantity": 2, "item_price": .number("9.5"), "currency": "USD"]]]]
        case "user_changed_number":
            fields = ["system": ["body": "Dana Ortiz changed from 14155550142 to 14155550143", "wa_id": "14155550143", "type": "user_changed_number"]]
        case "identity_changed": fields = ["system": ["body": "Dana Ortiz's security code changed", "type": "customer_identity_changed"]]
        case "unsupported":
            fields = ["errors": [["code": 131051, "title": "Message type unknown", "message": "Message type unknown", "error_data": ["details": "Message type is currently not supported."]]]]
        case "edit":
            fields = ["edit": ["original_message_id": .string(Story.inboundWAMID), "message": ["type": "text", "text": ["body": "Order A-1042 arrived after all"]]]]
        case "revoke": fields = ["revoke": ["original_message_id": .string(Story.inboundWAMID)]]
        default: return nil
        }
        let type: String
        switch name {
        case "voice": type = "audio"
        case "button_reply", "list_reply", "nfm_reply": type = "interactive"
        case "reaction_removed": type = "reaction"
        case "user_changed_number", "identity_changed": type = "system"
        default: type = name
        }
        return (type, fields)
    }

    /// When a shape other than `text` is received (Unix seconds, as a WhatsApp `timestamp`): 2026-11-20T14:35:00Z,
    /// after the text sample (14:30:05) and Support's reply to it (sent 14:32:10, read 14:33:40), which a reaction,
    /// an edit and a deletion refer to.
    static let laterTimestamp = "1795185300"

    /// `message` (a v2 message object) with its content replaced by the shape; `kapso.content` becomes
    /// `MessageSummary`'s line, `kapso.has_media` says whether the shape carries media. A shape other than `text` is
    /// another message than the text sample: its own WAMID (`WAMID.numbered`, the shape's place in `names`) and a later
    /// `timestamp`, so an edit or a deletion points at an earlier message, not at itself (Meta's edit and revoke webhook
    /// references give the event its own `id` and the earlier one as `original_message_id`; probe46 P46-10: every shape
    /// had the text's id, and a receiver that drops duplicates by `id`, tested on them, dropped every edit and reaction).
    public static func applying(_ name: String, to message: JSONValue) -> JSONValue? {
        guard let (type, fields) = shape(name), var object = message.object else { return nil }
        if name != "text", let id = object["id"]?.string, let place = names.firstIndex(of: name) {
            object["id"] = .string(WAMID.numbered(id, 0xE000 + place))
            object["timestamp"] = .string(laterTimestamp)
        }
        object["text"] = nil
        object["type"] = .string(type)
        for entry in fields.entries { object[entry.key] = entry.value }
        var kapso = object["kapso"]?.object ?? [:]
        kapso["has_media"] = .bool(["image", "video", "audio", "document", "sticker"].contains(type))
        kapso["content"] = .string(MessageSummary.text(of: object))
        object["kapso"] = .object(kapso)
        return .object(object)
    }
}
