/// Log search events (`LogSearchEvent` in Kapso's spec) made from the simulator's own records: one per
/// API-log row, one per webhook delivery, and for each message one per inbound arrival or outbound status,
/// seen from Kapso (`whatsapp_message_event`) and as the Meta webhook behind it (`whatsapp_webhook_event`).
///
/// Field lists per source are in `docs/log-search.md`; `id`s are stable (`api_<log id>`, `dlv_<delivery id>`,
/// `wme_<message sequence>_<n>`, `wwe_<message sequence>_<n>`), so cursors and highlights can name them.
enum LogSearchEvent {
    /// An `external_api_log` event for one API-log row.
    static func apiLog(_ record: Record) -> JSONObject {
        let json = record.json
        let method = json["http_method"]?.stringValue ?? ""
        let endpoint = json["endpoint"]?.stringValue ?? ""
        let status = RecordedStatus.number(json["response_status"])
        var event = common(
            id: "api_" + record.id, source: LogSearchCatalog.externalAPILog, time: record.sortTime,
            level: status >= 500 ? "error" : status >= 400 ? "warning" : "info",
            status: status >= 400 ? "failed" : "succeeded", message: "\(method) \(endpoint) \(status)",
            resourceType: "external_api_log", resourceID: record.id)
        event["http_method"] = .string(method)
        event["endpoint"] = .string(endpoint)
        event["response_status"] = .int(status)
        copy(["response_time_ms", "api_key_id", "api_key_name", "ip_address", "error_message"], from: json, to: &event)
        event["request_id"] = .string("req_" + record.id.filter { $0 != "-" })
        if let phoneNumberID = phoneNumberID(inPath: endpoint) { event["phone_number_id"] = .string(phoneNumberID) }
        return event
    }

    /// A `webhook_delivery` event for one delivery row.
    static func delivery(_ record: Record) -> JSONObject {
        let json = record.json
        let status = json["status"]?.stringValue ?? "pending"
        let kapsoEvent = json["event"]?.stringValue ?? ""
        // A recorded 0 is no HTTP answer, like null (kapso-api.md §4): not "HTTP 0".
        let responseStatus = json["response_status"]?.intValue.flatMap { $0 > 0 ? $0 : nil }
        let attempts = json["attempt_count"]?.intValue ?? 0
        let failedAttempt = responseStatus.map { !(200..<300).contains($0) } ?? (attempts > 0)
        let problem = status == "failed" || (status == "pending" && failedAttempt)
        var message = "\(kapsoEvent) delivery \(status)"
        var errorClass: String?
        var errorMessage: String?
        if failedAttempt, status != "delivered" {
            errorClass = responseStatus == nil ? "timeout" : "http_error"
            errorMessage = responseStatus.map { "HTTP \($0)" } ?? "No response from the endpoint (timeout or connection refused)"
            message += ": \(errorMessage ?? "") after \(attempts) attempt\(attempts == 1 ? "" : "s")"
        }
        var event = common(
            id: "dlv_" + record.id, source: LogSearchCatalog.webhookDelivery, time: record.sortTime,
            level: status == "failed" ? "error" : problem ? "warning" : "info", status: status, message: message,
            resourceType: "webhook_delivery", resourceID: record.id)
        event["event"] = .string(kapsoEvent)
        event["event_type"] = .string(kapsoEvent)
        copy(["webhook_id", "webhook_url", "response_status", "phone_number_id"], from: json, to: &event)
        if let errorClass, let errorMessage {
            event["error_class"] = .string(errorClass)
            event["error_message"] = .string(errorMessage)
        }
        event["attributes"] = [
            "attempt_count": .int(attempts), "last_attempt_at": json["last_attempt_at"] ?? .null,
            "delivered_at": json["delivered_at"] ?? .null, "failed_at": json["failed_at"] ?? .null,
        ]
        event[problemKey] = .bool(problem)
        return event
    }

    /// The `whatsapp_message_event` (or, with `meta`, the `whatsapp_webhook_event`) for `entry` of `message`;
    /// without `payload` unless `full` (a search matches on the rest and adds the payload to events it serves).
    static func message(
        _ entry: MessageEventIndex.Entry, _ message: Record, number: JSONObject?, meta: Bool, full: Bool = true
    ) -> JSONObject {
        let json = message.json
        let kapso = json["kapso"]?.objectValue ?? [:]
        if meta, kapso["origin"]?.stringValue == importedOrigin {
            return history(entry, message, number: number, full: full)
        }
        let inbound = kapso["direction"]?.stringValue != "outbound"
        let statusEntry = entry.statusIndex < 0 ? nil : kapso["statuses"]?.arrayValue?[entry.statusIndex].objectValue
        let status = statusEntry?["status"]?.stringValue ?? (inbound ? "received" : kapso["status"]?.stringValue ?? "unknown")
        let type = json["type"]?.stringValue ?? "text"
        let error = statusEntry?["errors"]?.arrayValue?.first?.objectValue
        let errorCode = error?["code"].map { code in code.stringValue.flatMap(Int.init).map(JSONValue.int) ?? code }
        let errorTitle = error?["title"]?.stringValue ?? error?["message"]?.stringValue
        let hasError = !(statusEntry?["errors"]?.arrayValue?.isEmpty ?? true)
        let problem = status == "failed" || hasError
        let errorText = hasError ? " (\([errorCode?.encodedString, errorTitle].compactMap { $0 }.joined(separator: " ")))" : ""
        let text =
            meta
            ? (inbound ? "Meta messages webhook: inbound \(type) message" : "Meta statuses webhook: \(status)\(errorText)")
            : (inbound ? "Inbound \(type) message received" : "Outbound \(type) message \(status)\(errorText)")
        // Meta's status webhook names the message it is about by the status's `id`: a status stored with another
        // message (a relay's mix-up, probe10 P10-1) is, on Meta's side, about the message it names.
        let about = meta ? statusEntry?["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? message.id : message.id
        var event = common(
            id: (meta ? "wwe_" : "wme_") + entry.suffix,
            source: meta ? LogSearchCatalog.webhookEvent : LogSearchCatalog.messageEvent, time: entry.time,
            level: problem ? "error" : "info", status: status, message: text, resourceType: "whatsapp_message",
            resourceID: about)
        event["event_type"] = .string(meta ? (inbound ? "messages" : "statuses") : "message.\(status)")
        if meta { event["field"] = "messages" }
        event["whatsapp_message_id"] = .string(about)
        event["phone_number_id"] = kapso["phone_number_id"] ?? .null
        if let display = number?["display_phone_number"] { event["display_phone_number"] = display }
        event["message_type"] = .string(type)
        if !meta {
            event["direction"] = .string(inbound ? "inbound" : "outbound")
            event["conversation_id"] = kapso["whatsapp_conversation_id"] ?? .null
        }
        event["has_status_error"] = .bool(hasError)
        if let errorCode { event["error_code"] = errorCode }
        if let errorTitle { event["error_title"] = .string(errorTitle) }
        if meta, full { event["payload"] = payload(message: json, status: statusEntry, number: number) }
        event[problemKey] = .bool(problem)
        return event
    }

    /// `kapso.origin` of imported history (kapso-api.md §7.3).
    static let importedOrigin = "history_sync"

    /// The `whatsapp_webhook_event` of a message of imported history: Meta's `history` webhook, which describes each
    /// message of the WhatsApp Business app's older chats once, after a coexistence onboarding, with its last status as
    /// `history_context.status` (`DELIVERED`, `ERROR`, `PENDING`, `PLAYED`, `READ`, `SENT`), never as a live `messages`
    /// or `statuses` change (Meta's history webhook reference: `field: history`, `value.history[].threads[].messages[]`).
    /// Kapso's docs do not say how log search shows it [uncertain]: kapso-sim shows the webhook Meta documents, at the
    /// message's own time (it does not know when the number was onboarded) [simplification], with status `imported`.
    private static func history(_ entry: MessageEventIndex.Entry, _ message: Record, number: JSONObject?, full: Bool) -> JSONObject {
        let json = message.json
        let kapso = json["kapso"]?.objectValue ?? [:]
        let inbound = kapso["direction"]?.stringValue != "outbound"
        let type = json["type"]?.stringValue ?? "text"
        var event = common(
            id: "wwe_" + entry.suffix, source: LogSearchCatalog.webhookEvent, time: entry.time, level: "info", status: "imported",
            message: "Meta history webhook: imported \(inbound ? "inbound" : "outbound") \(type) message", resourceType: "whatsapp_message",
            resourceID: message.id)
        event["event_type"] = "history"
        event["field"] = "history"
        event["whatsapp_message_id"] = .string(message.id)
        event["phone_number_id"] = kapso["phone_number_id"] ?? .null
        if let display = number?["display_phone_number"] { event["display_phone_number"] = display }
        event["message_type"] = .string(type)
        event["has_status_error"] = false
        if full { event["payload"] = historyPayload(message: json, number: number) }
        event[problemKey] = false
        return event
    }

    /// Meta's `history` envelope for one imported message: the message without `kapso`, in a thread named by the
    /// contact, with `history_context.status` from Kapso's status (`failed` is Meta's `ERROR`; a received message's
    /// status is not known, so it has none). The phase and chunk metadata are fixed [simplification].
    private static func historyPayload(message: JSONObject, number: JSONObject?) -> JSONValue {
        let kapso = message["kapso"]
        var raw = message
        raw["kapso"] = nil
        let status = kapso?["status"]?.stringValue.map { $0 == "failed" ? "ERROR" : $0.uppercased() }
        if let status, ["DELIVERED", "ERROR", "PENDING", "PLAYED", "READ", "SENT"].contains(status) {
            raw["history_context"] = ["status": .string(status)]
        }
        let thread: JSONValue = ["id": kapso?["phone_number"] ?? message["from"] ?? message["to"] ?? .null, "messages": [.object(raw)]]
        let value: JSONObject = [
            "messaging_product": "whatsapp",
            "metadata": [
                "display_phone_number": number?["display_phone_number_normalized"] ?? .null,
                "phone_number_id": kapso?["phone_number_id"] ?? .null,
            ],
            "history": [["metadata": ["phase": 0, "chunk_order": 1, "progress": 100], "threads": [thread]]],
        ]
        return [
            "object": "whatsapp_business_account",
            "entry": [["id": number?["business_account_id"] ?? .null, "changes": [["value": .object(value), "field": "history"]]]],
        ]
    }

    /// A private marker for `problems_only`, removed before the event is served.
    static let problemKey = "__problem"

    /// Whether `event` is a problem (failed, errored, 4xx/5xx).
    static func isProblem(_ event: JSONObject) -> Bool {
        if let flag = event[problemKey]?.boolValue { return flag }
        return event["level"]?.stringValue != "info"
    }

    // MARK: - Parts

    private static func common(
        id: String, source: String, time: Timestamp, level: String, status: String, message: String,
        resourceType: String, resourceID: String
    ) -> JSONObject {
        let iso = JSONValue.string(time.iso)
        return [
            "id": .string(id), "source": .string(source), "timestamp": iso, "occurred_at": iso, "ingested_at": iso,
            "level": .string(level), "status": .string(status), "message": .string(message),
            "resource_type": .string(resourceType), "resource_id": .string(resourceID),
        ]
    }

    private static func copy(_ keys: [String], from json: JSONObject, to event: inout JSONObject) {
        for key in keys {
            if let value = json[key], !value.isNull { event[key] = value }
        }
    }

    /// The phone-number id a called path names: `/platform/v1/whatsapp/phone_numbers/{id}/…` or
    /// `/meta/whatsapp/{version}/{id}/…` when `{id}` is all digits.
    static func phoneNumberID(inPath path: String) -> String? {
        let segments = path.split(separator: "/")
        var candidate: Substring?
        if let index = segments.firstIndex(of: "phone_numbers"), index + 1 < segments.count {
            candidate = segments[index + 1]
        } else if segments.starts(with: ["meta", "whatsapp"]), segments.count > 3 {
            candidate = segments[3]
        }
        guard let candidate, !candidate.isEmpty, candidate.allSatisfy(\.isASCII), candidate.allSatisfy(\.isNumber)
        else { return nil }
        return String(candidate)
    }

    /// Meta's webhook envelope for an inbound message or one status (`WebhookPayload`'s meta kind, one change).
    private static func payload(message: JSONObject, status: JSONObject?, number: JSONObject?) -> JSONValue {
        var value: JSONObject = [
            "messaging_product": "whatsapp",
            "metadata": [
                "display_phone_number": number?["display_phone_number_normalized"] ?? .null,
                "phone_number_id": message["kapso"]?["phone_number_id"] ?? .null,
            ],
        ]
        if let status {
            value["statuses"] = [.object(status)]
        } else {
            var raw = message
            raw["kapso"] = nil
            let contact: JSONValue = [
                "profile": ["name": message["kapso"]?["contact_name"] ?? .null], "wa_id": message["from"] ?? .null,
            ]
            value["contacts"] = [contact]
            value["messages"] = [.object(raw)]
        }
        return [
            "object": "whatsapp_business_account",
            "entry": [["id": number?["business_account_id"] ?? .null, "changes": [["value": .object(value), "field": "messages"]]]],
        ]
    }
}
