public import KopsHTTP

/// A webhook configuration, phone-number scoped (`phoneNumberID` set) or project scoped.
public struct Webhook: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id"), .string("url")], in: json, of: "webhook")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    public var url: String { json["url"]?.string ?? "" }
    public var kind: String { json["kind"]?.string ?? "kapso" }
    /// The strings of `events`, in order (anything else in the array left out). Made with room for them all:
    /// `compactMap` grew its array one event at a time (0.2 M instructions of the bench's replay, docs/performance.md
    /// "Session 59").
    public var events: [String] {
        guard let values = json["events"]?.array else { return [] }
        var events: [String] = []
        events.reserveCapacity(values.count)
        for case .string(let event) in values { events.append(event) }
        return events
    }
    public var active: Bool { json["active"]?.bool ?? false }
    public var phoneNumberID: String? { json["phone_number_id"]?.string }
    public var payloadVersion: String? { json["payload_version"]?.string }
    /// The signing secret; the API returns it in clear, kops keeps it wrapped.
    public var secretKey: Secret? { json["secret_key"]?.string.map(Secret.init) }
    public var bufferEnabled: Bool { json["buffer_enabled"]?.bool ?? false }
    public var bufferWindowSeconds: Int? { json["buffer_window_seconds"]?.int }
    public var maxBufferSize: Int? { json["max_buffer_size"]?.int }
    public var inactivityMinutes: Int? { json["inactivity_minutes"]?.int }
    public var createdAt: String? { json["created_at"]?.string }
    /// The names of the custom headers added to each delivery (`headers`, kapso-api.md §3.3), in the server's order.
    /// Their values are not offered: a receiver's `Authorization` or token travels there.
    public var headerNames: [String] { json["headers"]?.object?.entries.map(\.key) ?? [] }
    public var isProjectScoped: Bool { phoneNumberID == nil }
}
