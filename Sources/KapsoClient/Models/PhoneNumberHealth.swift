/// The health report of one number: a bare object with `status`, `timestamp` and `checks`.
public struct PhoneNumberHealth: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("status")], in: json, of: "health report")
        self.json = json
    }

    /// `healthy`, `degraded`, `unhealthy` or `error` (`documentedStatuses`), in lower case when Kapso sent another
    /// (`HEALTHY` is healthy, tester62 AL19); any other word as sent, which kops reads as not known.
    public var status: String {
        guard let status = json["status"]?.string else { return "unknown" }
        if Self.documentedStatuses.contains(status) { return status }
        let lowered = status.lowercased()
        return Self.documentedStatuses.contains(lowered) ? lowered : status
    }
    /// The overall statuses Kapso documents for a report (kapso-api.md §2.3).
    public static let documentedStatuses: Set<String> = ["healthy", "degraded", "unhealthy", "error"]
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
