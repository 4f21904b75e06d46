public import KapsoClient

/// A meta-kind webhook's body: Meta's own `{"object":"whatsapp_business_account","entry":[…]}` (kapso-api.md
/// §10.1), made from a v2 message event: an inbound message under `messages` with its contact, an outbound
/// status under `statuses`.
public enum MetaPayload {
    public static func body(from v2: JSONValue, event: String) -> JSONValue {
        let message = v2["message"] ?? .null
        var value: JSONObject = [
            "messaging_product": "whatsapp",
            "metadata": ["display_phone_number": "14155550100", "phone_number_id": v2["phone_number_id"] ?? .null],
        ]
        if event == "whatsapp.message.received" {
            var raw = message.object ?? JSONObject()
            raw["kapso"] = nil
            let contactName = v2["conversation"]?["kapso"]?["contact_name"] ?? .null
            value["contacts"] = [["profile": ["name": contactName], "wa_id": raw["from"] ?? .null]]
            value["messages"] = [.object(raw)]
        } else {
            let statuses = message["kapso"]?["statuses"]?.array ?? []
            value["statuses"] = .array(Array(statuses.suffix(1)))
        }
        return [
            "object": "whatsapp_business_account",
            "entry": [["id": "200300400500601", "changes": [["value": .object(value), "field": "messages"]]]],
        ]
    }
}
