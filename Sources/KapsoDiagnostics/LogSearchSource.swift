/// The sources Kapso's log search reads, what each holds, and the short names kops shows them by
/// (kapso-api.md §6, §14.4; gokapso/agent-plugins `observe-whatsapp/references/log-search-reference.md`).
public struct LogSearchSource: Sendable, Equatable {
    /// The API's name, e.g. `whatsapp_webhook_event`.
    public var name: String
    /// The short name in tables, e.g. `meta`.
    public var label: String
    /// What its events are, in one line.
    public var holds: String

    /// Every source the contract names, `all` excluded; the catalogue may add more.
    public static let known: [LogSearchSource] = [
        LogSearchSource(name: "external_api_log", label: "api", holds: "calls made with the project's API keys"),
        LogSearchSource(
            name: "whatsapp_webhook_event", label: "meta",
            holds: "webhooks Meta sent Kapso: each inbound message and each status, errors included"),
        LogSearchSource(
            name: "whatsapp_message_event", label: "message", holds: "message lifecycle: received, sent, delivered, read, failed"),
        LogSearchSource(name: "webhook_delivery", label: "delivery", holds: "Kapso's webhook deliveries to your endpoints"),
        LogSearchSource(name: "flow_event", label: "flow", holds: "workflow executions and steps"),
        LogSearchSource(name: "function_invocation_event", label: "function", holds: "function invocations"),
        LogSearchSource(name: "function_log_event", label: "function log", holds: "functions' own log lines"),
    ]

    /// Filter keys the contract names (§6, §14.4), for completion before the catalogue is fetched.
    public static let filterKeys = [
        "request_id", "response_status", "endpoint_contains", "whatsapp_message_id", "phone_number_id", "event_type",
        "status", "has_status_error", "webhook_id", "flow_execution_id",
    ]

    /// Source names `--source` takes without a catalogue: `all` and the known sources.
    public static var names: [String] { ["all"] + known.map(\.name) }

    /// The short label for an API source name; an unknown source is shown as named.
    public static func label(of name: String) -> String {
        known.first { $0.name == name }?.label ?? name
    }
}
