internal import KapsoDiagnostics

/// Builds and validates a webhook's JSON from a `{"whatsapp_webhook": {...}}` body (create or partial update).
struct WebhookForm {
    typealias FieldError = (field: String, message: String)

    var json: JSONObject
    /// Created through `/phone_numbers/{id}/webhooks`, where `secret_key` is required.
    let numberScoped: Bool

    init(id: String, projectID: String, createdAt: Timestamp, numberScoped: Bool) {
        json = [
            "id": .string(id), "url": .null, "kind": "kapso", "events": [], "active": true,
            "created_at": .string(createdAt.iso), "updated_at": .string(createdAt.iso),
            "project_id": .string(projectID), "phone_number_id": .null, "secret_key": .null, "headers": [:],
            "buffer_enabled": false, "buffer_window_seconds": .null, "max_buffer_size": .null, "buffer_events": [],
            "inactivity_minutes": 60, "payload_version": "v2",
        ]
        self.numberScoped = numberScoped
    }

    init(existing: JSONObject, numberScoped: Bool) {
        json = existing
        self.numberScoped = numberScoped
    }

    /// The `whatsapp_webhook` object of a request body; 422 when the body is not a JSON object or the wrapper is
    /// missing or not an object (the create and update operations document 422, openapi-platform.yaml).
    static func fields(from request: APIRequest) throws(APIError) -> JSONObject {
        guard let fields = try request.jsonObject()["whatsapp_webhook"]?.objectValue else {
            throw .validation([("whatsapp_webhook", "is required and must be an object")])
        }
        return fields
    }

    /// The JSON type each settable field must have (`WhatsappWebhookRequest`); `nil` allowed where the spec says
    /// nullable. A field sent with another type is refused and nothing is saved.
    private static let fieldTypes: [String: (type: FieldType, nullable: Bool)] = [
        "url": (.string, false), "kind": (.string, false), "phone_number_id": (.string, false),
        "payload_version": (.string, true), "secret_key": (.string, true), "events": (.strings, false),
        "buffer_events": (.strings, false), "active": (.bool, false), "buffer_enabled": (.bool, false),
        "buffer_window_seconds": (.integer, true), "max_buffer_size": (.integer, true),
        "inactivity_minutes": (.integer, true), "headers": (.stringMap, true),
    ]

    private enum FieldType {
        case string, strings, bool, integer, stringMap

        func admits(_ value: JSONValue) -> Bool {
            switch self {
            case .string: value.stringValue != nil
            case .strings: value.arrayValue?.allSatisfy { $0.stringValue != nil } == true
            case .bool: value.boolValue != nil
            case .integer: value.intValue != nil
            case .stringMap: value.objectValue?.members.allSatisfy { $0.value.stringValue != nil } == true
            }
        }

        var expected: String {
            switch self {
            case .string: "must be a string"
            case .strings: "must be a list of strings"
            case .bool: "must be true or false"
            case .integer: "must be an integer"
            case .stringMap: "must be an object of strings"
            }
        }
    }

    /// Fields of `fields` whose JSON type is wrong, each named once.
    private static func typeErrors(_ fields: JSONObject) -> [FieldError] {
        fieldTypes.keys.sorted().compactMap { key in
            guard let value = fields[key], let rule = fieldTypes[key] else { return nil }
            if value.isNull { return rule.nullable ? nil : (key, "can't be null") }
            return rule.type.admits(value) ? nil : (key, rule.type.expected)
        }
    }

    /// 422 `{"error":"Events contains unsupported events: \"NAME\""}` when `fields` name events outside the
    /// catalogue (kapso-api.md §14.1); nothing is saved.
    static func refuseUnsupportedEvents(in fields: JSONObject) throws(APIError) {
        let names = fields["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let unsupported = WebhookEvents.unsupported(names)
        guard unsupported.isEmpty else { throw APIError(.error(422, WebhookEvents.unsupportedMessage(unsupported))) }
    }

    /// Applies the given fields, fills kind-dependent defaults, and returns every validation failure.
    mutating func apply(_ fields: JSONObject, isCreate: Bool) -> [FieldError] {
        let wrongTypes = Self.typeErrors(fields)
        guard wrongTypes.isEmpty else { return wrongTypes }
        var errors: [FieldError] = []
        if let kind = fields["kind"] {
            if !isCreate, kind != json["kind"] { errors.append(("kind", "cannot be changed")) }
            if isCreate { json["kind"] = kind }
        }
        let settable = [
            "url", "events", "active", "secret_key", "headers", "buffer_enabled", "buffer_window_seconds",
            "max_buffer_size", "buffer_events", "inactivity_minutes", "payload_version",
        ]
        for key in settable + (isCreate ? ["phone_number_id"] : []) {
            if let value = fields[key] { json[key] = value }
        }
        let isMeta = json["kind"]?.stringValue == "meta"
        // `payload_version: null` asks for the default (WhatsappWebhookRequest: "defaults to 'v2'").
        if !isMeta, fields["payload_version"]?.isNull == true { json["payload_version"] = "v2" }
        if isMeta {
            if fields["buffer_enabled"]?.boolValue == true { errors.append(("buffer_enabled", "is not supported for meta webhooks")) }
            json["events"] = []
            json["buffer_events"] = []
            json["payload_version"] = .null
            json["inactivity_minutes"] = .null
            json["buffer_enabled"] = false
        } else if json["buffer_enabled"]?.boolValue == true {
            if json["buffer_window_seconds"]?.isNull ?? true { json["buffer_window_seconds"] = 5 }
            if json["max_buffer_size"]?.isNull ?? true { json["max_buffer_size"] = 50 }
            if json["buffer_events"]?.arrayValue?.isEmpty ?? true { json["buffer_events"] = ["whatsapp.message.received"] }
        }
        return errors + validate(isCreate: isCreate, isMeta: isMeta) + scopeErrors(fields, isMeta: isMeta)
            + listErrors(fields, isMeta: isMeta)
    }

    /// The lists of this request: an event named twice in `events`, and `buffer_events` naming events that cannot
    /// be buffered (only `whatsapp.message.received`, kapso-api.md §10.5, §14.1) are refused, naming the field.
    private func listErrors(_ fields: JSONObject, isMeta: Bool) -> [FieldError] {
        guard !isMeta else { return [] }
        var errors: [FieldError] = []
        let events = fields["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var seen = Set<String>()
        let twice = events.filter { !seen.insert($0).inserted }
        if !twice.isEmpty {
            errors.append(("events", "contains duplicates: " + twice.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        let buffered = fields["buffer_events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let notBufferable = buffered.filter { WebhookEvents.event($0).map { !$0.bufferable } ?? false }
        if !notBufferable.isEmpty {
            errors.append((
                "buffer_events",
                "contains events that cannot be buffered: " + notBufferable.map { "\"\($0)\"" }.joined(separator: ", ")
                    + " (only whatsapp.message.received)"
            ))
        }
        return errors
    }

    /// Project events (number lifecycle, account, workflow, agent runs) sent for a phone-number webhook: Kapso
    /// delivers them only to project webhooks (kapso-api.md §3.3, §14.1 "project scope only"), so they are refused.
    /// Only the events of this request are judged. The mirror (message events on a project webhook, §3.3 422
    /// [uncertain]) stays accepted: the demo story's own project webhook was created that way on Kapso.
    private func scopeErrors(_ fields: JSONObject, isMeta: Bool) -> [FieldError] {
        guard !isMeta, json["phone_number_id"]?.stringValue != nil,
            let names = fields["events"]?.arrayValue?.compactMap(\.stringValue)
        else { return [] }
        let wrong = WebhookEvents.outOfScope(names, projectScoped: false)
        guard !wrong.isEmpty else { return [] }
        let quoted = wrong.map { "\"\($0)\"" }.joined(separator: ", ")
        return [("events", "contains project-only events: \(quoted) (delivered only to project webhooks)")]
    }

    private func validate(isCreate: Bool, isMeta: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        let kind = json["kind"]?.stringValue
        if kind != "kapso" && kind != "meta" { errors.append(("kind", "is not included in the list")) }
        errors += Self.urlErrors(json["url"])
        let secret = json["secret_key"]
        if !(secret?.isNull ?? true), (secret?.stringValue ?? "").isEmpty {
            errors.append(("secret_key", "can't be blank"))
        } else if numberScoped, isCreate, secret?.isNull ?? true {
            errors.append(("secret_key", "can't be blank"))
        }
        if isMeta, json["phone_number_id"]?.stringValue == nil {
            errors.append(("phone_number_id", "is required for meta webhooks"))
        }
        errors += eventErrors(isMeta: isMeta)
        errors += Self.rangeErrors(json["buffer_window_seconds"], "buffer_window_seconds", 1...60)
        errors += Self.rangeErrors(json["max_buffer_size"], "max_buffer_size", 1...100)
        errors += Self.rangeErrors(json["inactivity_minutes"], "inactivity_minutes", 1...1440)
        if !isMeta, !["v1", "v2"].contains(json["payload_version"]?.stringValue ?? "") {
            errors.append(("payload_version", "must be v1 or v2"))
        }
        return errors
    }

    private func eventErrors(isMeta: Bool) -> [FieldError] {
        guard !isMeta else { return [] }
        let events = json["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if events.isEmpty { return [("events", "can't be blank")] }
        // Unknown names in `events` were refused before (`refuseUnsupportedEvents`), with Kapso's own 422 body.
        let buffered = json["buffer_events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let unknown = WebhookEvents.unsupported(buffered)
        guard !unknown.isEmpty else { return [] }
        return [("buffer_events", "contains unsupported events: " + unknown.map { "\"\($0)\"" }.joined(separator: ", "))]
    }

    private static func urlErrors(_ value: JSONValue?) -> [FieldError] {
        guard let url = value?.stringValue, !url.isEmpty else { return [("url", "can't be blank")] }
        let parts = url.split(separator: "://", maxSplits: 1)
        guard parts.count == 2, ["http", "https"].contains(parts[0].lowercased()),
            let host = parts[1].split(separator: "/").first, !host.isEmpty, !url.contains(" ")
        else { return [("url", "is not a valid URL")] }
        return []
    }

    private static func rangeErrors(_ value: JSONValue?, _ field: String, _ range: ClosedRange<Int>) -> [FieldError] {
        guard let value, !value.isNull else { return [] }
        guard let number = value.intValue, range.contains(number) else {
            return [(field, "must be between \(range.lowerBound) and \(range.upperBound)")]
        }
        return []
    }
}
