public import KapsoClient

/// What one log search event means, in the few words a table row holds: when, from where, what happened,
/// how it ended, and the id that links it to the rest of the story (request id, WAMID, delivery id).
///
/// Problems (kapso-api.md §6, §14.4; the simulator's rules in `docs/log-search.md` follow Kapso's
/// `problems_only`): an API call answered 400 or more; a delivery that failed, or is pending after a failed
/// attempt; a message or Meta status event that failed or carries an error; any event at level `error`.
public struct LogSearchReading: Sendable, Equatable {
    public var time: String
    /// The source's short label (`api`, `meta`, `message`, `delivery`, `flow`, `function`).
    public var source: String
    /// One line, e.g. `status failed: 131047 Re-engagement message`.
    public var what: String
    /// `404`, `failed`, `delivered`, `read`, ...
    public var status: String
    /// The request id, WAMID, delivery id or resource id that other commands take.
    public var link: String
    public var isProblem: Bool

    public init(_ event: LogSearchEvent) {
        time = event.time
        source = LogSearchSource.label(of: event.source)
        let primary = Self.error(of: event)
        let code = primary?.code
        let error = primary?.headline
        let failedStatus = event.status == "failed" || event.text("has_status_error") == "true"
        switch event.source {
        case "external_api_log":
            let call = [event.httpMethod, event.endpoint].compactMap { $0 }.joined(separator: " ")
            what = (call.isEmpty ? event.message ?? "API call" : call) + (event.errorMessage.map { ": " + $0 } ?? "")
            status = event.responseStatus.map(String.init) ?? event.status ?? "-"
            link = event.text("request_id") ?? event.resourceID ?? event.id
            isProblem = (event.responseStatus ?? 0) >= 400
        case "whatsapp_webhook_event":
            what = Self.metaEvent(event, error: error)
            status = event.status ?? "-"
            link = event.text("whatsapp_message_id") ?? event.resourceID ?? event.id
            isProblem = failedStatus || code != nil
        case "whatsapp_message_event":
            let kind = event.text("event_type").map { $0.hasPrefix("message.") ? String($0.dropFirst(8)) : $0 }
            let type = event.text("message_type").map { " (\($0))" } ?? ""
            what = "message " + (kind ?? event.status ?? "event") + type + (error.map { ": " + $0 } ?? "")
            status = event.status ?? kind ?? "-"
            link = event.text("whatsapp_message_id") ?? event.resourceID ?? event.id
            isProblem = failedStatus || code != nil
        case "webhook_delivery":
            let name = event.event ?? event.eventType ?? "delivery"
            let target = event.webhookURL.map { " to " + WebhookURL.short($0) } ?? ""
            // One reading of `response_status` (`DeliveryAnswer`): 0 or none is no HTTP answer, never "HTTP 0" (P37-5).
            let reply = DeliveryAnswer(event.responseStatus)
            let attempted = event.status == "failed" || event.errorClass != nil || event.errorMessage != nil
            let answer: String?
            switch reply {
            case .status(let code): answer = event.errorMessage ?? "HTTP \(code)"
            case .none where attempted:
                // Kapso's own words, when they say more than a status it did not get.
                let said = event.errorMessage.flatMap { $0.hasPrefix("HTTP ") ? nil : $0 }
                answer = DeliveryAnswer.noResponse + (said.map { " (Kapso: \($0))" } ?? "")
            case .none: answer = event.errorMessage
            case .unreadable: answer = reply.label + (event.errorMessage.map { " (Kapso: \($0))" } ?? "")
            }
            what = name + target + (answer.map { ": " + $0 } ?? "")
            status = event.status ?? "-"
            link = event.resourceID ?? event.id
            let failedAttempt = event.errorClass != nil || (reply.httpStatus ?? 200) >= 400
            isProblem = event.status == "failed" || (event.status == "pending" && failedAttempt)
        default:
            what = event.message ?? event.eventType ?? event.resourceType ?? "event"
            status = event.status ?? event.level ?? "-"
            link = event.text("flow_execution_id") ?? event.resourceID ?? event.id
            isProblem = event.status == "failed" || event.errorMessage != nil
        }
        if event.level == "error" { isProblem = true }
    }

    /// The error an event stands for: with the status's own `errors[]` in the event's Meta `payload`
    /// (`entry[0].changes[0].value.statuses[0].errors`), the message's code as the verdict picks it
    /// (`MessageError.primary`: 131026 over a generic 131000 listed first); else the event's `error_code` and
    /// `error_title`; nil without either.
    public static func error(of event: LogSearchEvent) -> MessageError? {
        let value = event.json["payload"]?["entry"]?[0]?["changes"]?[0]?["value"]
        let errors = MessageError.all(in: value?["statuses"]?[0]?["errors"])
        if let primary = MessageError.primary(of: errors), primary.code != nil { return primary }
        return event.text("error_code").map { MessageError(code: $0, title: event.text("error_title")) }
    }

    /// `Meta status failed: 131047 Re-engagement message`, `Meta message received (text)`; for Meta's `history` webhook
    /// (imported history, Meta's history webhook reference: `field: history`), `Meta history webhook: imported text
    /// message (a copy of an older chat, not a live message)`.
    private static func metaEvent(_ event: LogSearchEvent, error: String?) -> String {
        if event.eventType == "history" || event.text("field") == "history" {
            let type = event.text("message_type").map { "\($0) " } ?? ""
            return "Meta history webhook: imported \(type)message (a copy of an older chat, not a live message)"
        }
        let inbound = event.eventType == "messages"
        let type = event.text("message_type").map { " (\($0))" } ?? ""
        let head = inbound ? "Meta message \(event.status ?? "received")\(type)" : "Meta status \(event.status ?? "-")"
        return head + (error.map { ": " + $0 } ?? "")
    }
}
