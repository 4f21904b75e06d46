/// The log search sources and filter keys kapso-sim knows: what `GET /log_search/catalog` serves and what
/// `/log_search` validates against (`docs/log-search.md`).
///
/// Source names are Kapso's (`kapso-api.md` §6, §14.4; gokapso/agent-plugins `log-search-reference.md`);
/// labels, colours and filter descriptions are the simulator's own.
enum LogSearchCatalog {
    /// One searchable source (`value`), with the aliases the API also takes for it.
    struct Source: Sendable {
        var value: String
        var label: String
        var color: String
        var aliases: [String]
    }

    /// One filter: `key` is the search-bar word (`endpoint`), `parameter` the key sent in `filters`
    /// (`endpoint_contains`, Kapso's `param_key`), `sources` those whose events carry the field it compares.
    struct Filter: Sendable {
        var key: String
        var parameter: String
        var description: String
        var sources: [String]
    }

    static let externalAPILog = "external_api_log"
    static let webhookEvent = "whatsapp_webhook_event"
    static let messageEvent = "whatsapp_message_event"
    static let webhookDelivery = "webhook_delivery"
    static let flowEvent = "flow_event"
    static let functionInvocation = "function_invocation_event"
    static let functionLog = "function_log_event"

    /// Every source in catalogue order; `all` and the `functions` group come first and last.
    static let sources: [Source] = [
        Source(value: "all", label: "All sources", color: "transparent", aliases: ["all"]),
        Source(value: externalAPILog, label: "API", color: "#2563eb", aliases: ["api", externalAPILog]),
        Source(value: webhookEvent, label: "Meta", color: "#16a34a", aliases: ["meta", webhookEvent]),
        Source(value: messageEvent, label: "Messages", color: "#0d9488", aliases: ["messages", messageEvent]),
        Source(value: webhookDelivery, label: "Webhooks", color: "#ea580c", aliases: ["webhooks", webhookDelivery]),
        Source(value: flowEvent, label: "Workflows", color: "#7c3aed", aliases: ["workflows", flowEvent]),
        Source(
            value: functionInvocation, label: "Function invocations", color: "#db2777", aliases: [functionInvocation]),
        Source(value: functionLog, label: "Function logs", color: "#db2777", aliases: [functionLog]),
        Source(value: "functions", label: "Functions", color: "#db2777", aliases: ["functions"]),
    ]

    /// The single sources (no `all`, no group), in the order they are merged.
    static let singleSources = [
        externalAPILog, webhookEvent, messageEvent, webhookDelivery, flowEvent, functionInvocation, functionLog,
    ]

    static let filters: [Filter] = [
        Filter(
            key: "request_id", parameter: "request_id", description: "The request id of one API call",
            sources: [externalAPILog]),
        Filter(
            key: "response_status", parameter: "response_status",
            description: "HTTP status Kapso answered, or the receiver answered a delivery",
            sources: [externalAPILog, webhookDelivery]),
        Filter(
            key: "endpoint", parameter: "endpoint_contains", description: "API endpoint contains text",
            sources: [externalAPILog]),
        Filter(
            key: "whatsapp_message_id", parameter: "whatsapp_message_id", description: "A WAMID",
            sources: [webhookEvent, messageEvent]),
        Filter(
            key: "phone_number_id", parameter: "phone_number_id", description: "A Meta phone-number id",
            sources: [externalAPILog, webhookEvent, messageEvent, webhookDelivery]),
        Filter(
            key: "event_type", parameter: "event_type",
            description: "messages or statuses (Meta), message.sent etc. (messages), the Kapso event (deliveries)",
            sources: [webhookEvent, messageEvent, webhookDelivery, flowEvent]),
        Filter(
            key: "status", parameter: "status", description: "The event's status (failed, delivered, read, ...)",
            sources: singleSources),
        Filter(
            key: "has_status_error", parameter: "has_status_error", description: "true for statuses that carry errors",
            sources: [webhookEvent, messageEvent]),
        Filter(
            key: "webhook_id", parameter: "webhook_id", description: "The webhook a delivery went to",
            sources: [webhookDelivery]),
        Filter(
            key: "flow_execution_id", parameter: "flow_execution_id", description: "One workflow run",
            sources: [flowEvent]),
        Filter(
            key: "function_id", parameter: "function_id", description: "One function",
            sources: [functionInvocation, functionLog]),
    ]

    /// Fields an event may carry besides the common ones, for detail views.
    static let detailFields = [
        "http_method", "endpoint", "response_status", "response_time_ms", "api_key_name", "request_id",
        "event_type", "event", "field", "whatsapp_message_id", "phone_number_id", "display_phone_number",
        "message_type", "webhook_id", "webhook_url", "error_class", "error_message", "error_code", "error_title",
        "attributes", "payload",
    ]

    /// The keys `filters` takes.
    static let filterKeys = filters.map(\.parameter)

    /// The filter whose `filters` key is `parameter`.
    static func filter(_ parameter: String) -> Filter? {
        filters.first { $0.parameter == parameter }
    }

    /// The single sources a requested `source` (a value, an alias, `all` or `functions`) searches, and its
    /// canonical name; nil for an unknown source.
    static func resolve(_ requested: String) -> (name: String, sources: [String])? {
        switch requested {
        case "all": return ("all", singleSources)
        case "functions": return ("functions", [functionInvocation, functionLog])
        default:
            guard let source = sources.first(where: { $0.value == requested || $0.aliases.contains(requested) })
            else { return nil }
            return (source.value, [source.value])
        }
    }

    /// `GET /log_search/catalog`'s `catalog` object (`LogSearchCatalogResponse` in Kapso's spec).
    static var json: JSONValue {
        let sources = sources.map { source -> JSONValue in
            [
                "value": .string(source.value), "label": .string(source.label), "color": .string(source.color),
                "aliases": .array(source.aliases.map(JSONValue.string)),
            ]
        }
        let filters = filters.map { filter -> JSONValue in
            [
                "key": .string(filter.key), "label": .string(filter.key + ":"), "description": .string(filter.description),
                "param_key": .string(filter.parameter), "sources": .array(filter.sources.map(JSONValue.string)),
            ]
        }
        return [
            "sources": .array(sources), "filter_suggestions": .array(filters),
            "detail_fields": .array(detailFields.map(JSONValue.string)),
        ]
    }
}
