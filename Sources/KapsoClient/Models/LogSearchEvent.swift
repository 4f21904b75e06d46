/// One event of `GET/POST /log_search`: an API call, a Meta webhook event, a message event, a webhook
/// delivery, a flow or function event (kapso-api.md §6, §14.4).
///
/// Fields vary by `source`; the raw object is kept and read through the accessors below.
public struct LogSearchEvent: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id"), .string("source")], in: json, of: "log search event")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    /// `external_api_log`, `whatsapp_webhook_event`, `whatsapp_message_event`, `webhook_delivery`, `flow_event`, ...
    public var source: String { json["source"]?.string ?? "" }
    /// When it happened (ISO 8601): `occurred_at`, else `timestamp`.
    public var time: String { json["occurred_at"]?.string ?? json["timestamp"]?.string ?? "" }
    /// `info`, `warn`, `error`, when the API gives one.
    public var level: String? { json["level"]?.string }
    public var status: String? { text("status") }
    public var message: String? { json["message"]?.string }
    public var resourceType: String? { json["resource_type"]?.string }
    public var resourceID: String? { json["resource_id"]?.string }

    /// The request id of each API log among `events` (`external_api_log` events: `resource_id`, the API log's id →
    /// `request_id`, the id log search filters by; kapso-api.md §14.4).
    public static func requestIDsByLogID(_ events: [LogSearchEvent]) -> [String: String] {
        var ids: [String: String] = [:]
        for event in events { if let log = event.resourceID, let request = event.text("request_id") { ids[log] = request } }
        return ids
    }
    public var httpMethod: String? { json["http_method"]?.string }
    public var endpoint: String? { json["endpoint"]?.string }
    public var responseStatus: Int? { json["response_status"]?.recordedHTTPStatus }
    /// The id of the API key an API call was made with (`external_api_log` events), when the event names one.
    public var apiKeyID: String? { json["api_key_id"]?.string }
    public var eventType: String? { json["event_type"]?.string }
    /// The webhook event name of a delivery, e.g. `whatsapp.message.received`.
    public var event: String? { json["event"]?.string }
    public var phoneNumberID: String? { json["phone_number_id"]?.string }
    public var webhookID: String? { json["webhook_id"]?.string }
    public var webhookURL: String? { json["webhook_url"]?.string }
    public var errorClass: String? { json["error_class"]?.string }
    public var errorMessage: String? { json["error_message"]?.string }
    /// `attributes`, where sources put their own fields (`whatsapp_message_id`, `request_id`, error codes).
    public var attributes: JSONObject { json["attributes"]?.object ?? [:] }
    /// True when the API marked this as the event asked for with `highlight_event_id` / `highlight_resource_id`.
    public var isHighlighted: Bool { json["highlighted"]?.bool ?? false }

    /// A field from the event or its `attributes`, numbers written out, e.g. `request_id`, `whatsapp_message_id`.
    public func text(_ key: String) -> String? {
        for value in [json[key], attributes[key]] {
            switch value {
            case .string(let text)?: return text
            case .number(let literal)?: return literal
            case .bool(let flag)?: return flag ? "true" : "false"
            default: continue
            }
        }
        return nil
    }
}
