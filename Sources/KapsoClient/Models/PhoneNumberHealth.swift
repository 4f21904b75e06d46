/// The health report of one number: a bare object with `status`, `timestamp` and `checks`.
public struct PhoneNumberHealth: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("status")], in: json, of: "health report")
        self.json = json
    }

    /// `healthy`, `degraded`, `unhealthy` or `error`.
    public var status: String { json["status"]?.string ?? "unknown" }
    /// When the (possibly cached) check ran; older examples call it `checked_at`.
    public var timestamp: String? { json["timestamp"]?.string ?? json["checked_at"]?.string }
    public var error: String? { json["error"]?.string }
    public var retryAfter: String? { json["retry_after"]?.string }
    /// Checks by name, in the order the API sent them.
    public var checks: [(name: String, check: JSONObject)] {
        guard let object = json["checks"]?.object else { return [] }
        return object.entries.compactMap { entry in entry.value.object.map { (entry.key, $0) } }
    }

    public func check(_ name: String) -> JSONObject? { json["checks"]?[name]?.object }
}
