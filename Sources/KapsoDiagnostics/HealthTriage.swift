public import KapsoClient

/// Reads a health report the way support does: the blocking check first, in plain language.
///
/// Order (kapso-api.md §2.3): access, connection, token, messaging, webhook subscription,
/// webhook verification, test message; critical failures before things that only need attention.
public struct HealthTriage: Sendable {
    /// One check as read by kops.
    public struct Finding: Sendable, Equatable {
        public enum Severity: Int, Sendable, Comparable {
            case critical, attention, passed, unknown
            public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var check: String
        public var severity: Severity
        /// A short summary of the check's details, e.g. `CONNECTED · quality YELLOW · TIER_250`.
        public var detail: String
        /// What is wrong, in plain language (failures only).
        public var cause: String?
        /// What to do about it (failures only).
        public var fix: String?
    }

    public var findings: [Finding]

    public init(_ health: PhoneNumberHealth) {
        let order = [
            "phone_number_access", "phone_number_connection", "token_validity", "messaging_health",
            "webhook_subscription", "webhook_verified", "test_message",
        ]
        let checks = health.checks.sorted { lhs, rhs in
            (order.firstIndex(of: lhs.name) ?? order.count) < (order.firstIndex(of: rhs.name) ?? order.count)
        }
        findings = checks.map { HealthTriage.read($0.name, $0.check) }
    }

    /// The first failing check, most severe first: what blocks the number.
    public var blocking: Finding? {
        findings.filter { $0.severity < .passed }.min { $0.severity < $1.severity }
    }

    private static func read(_ name: String, _ check: JSONObject) -> Finding {
        let passed = check["passed"]?.bool
        let details = check["details"]?.object ?? JSONObject()
        var finding = Finding(
            check: name, severity: passed == true ? .passed : passed == false ? .attention : .unknown,
            detail: summary(name, check: check, details: details))
        guard passed != true else { return finding }
        switch name {
        case "phone_number_access":
            finding.severity = .critical
            finding.cause = "Meta's API cannot be reached for this number (token or access problem)"
            finding.fix = "reconnect the number in Kapso (setup link); if it persists, contact Kapso support"
            if details["status"]?.string == "PENDING" {
                finding.severity = .attention
                finding.cause = "the WhatsApp account is still under review by Meta"
                finding.fix = "wait for Meta's review to finish; nothing to change in Kapso"
            }
        case "phone_number_connection":
            guard details["status"]?.string == "DISCONNECTED" else {
                finding.cause = "the connection state is unknown"
                finding.fix = "re-run health in a few minutes"
                return finding
            }
            finding.severity = .critical
            finding.cause = "the number is disconnected from the WhatsApp Cloud API"
            finding.fix = "reconnect or re-register the number in Kapso; messages cannot be sent until then"
        case "token_validity":
            finding.severity = .critical
            finding.cause = "the coexistence token of this number is no longer valid"
            finding.fix = "reconnect the WhatsApp Business App number through Kapso's setup link"
        case "messaging_health":
            let overall = check["overall_status"]?.string ?? details["can_send_message"]?.string ?? "unknown"
            finding.severity = overall == "BLOCKED" ? .critical : .attention
            let reason = limitedEntity(details).map { " (\($0))" } ?? ""
            finding.cause = "Meta reports messaging as \(overall)\(reason)"
            finding.fix =
                overall == "BLOCKED"
                ? "resolve the blocking entity's errors in WhatsApp Manager; sending is refused until then"
                : "replies inside the 24-hour window still work; fix the listed entity (display name, payment, quality) to lift the limit"
        case "webhook_subscription":
            finding.cause = "the app is not subscribed to this WhatsApp account's events, so nothing reaches Kapso"
            finding.fix = "reconnect the number in Kapso to resubscribe the app (subscribed_fields must include messages)"
        case "webhook_verified":
            finding.cause = "Meta has not verified the webhook yet; it does so after the first inbound message"
            finding.fix = "send a WhatsApp message to this number, then run 'health' again"
        case "test_message":
            finding.cause = "the test message could not be sent"
            finding.fix = "check the recipient number and the messaging_health check"
        default:
            finding.cause = check["error"]?.string ?? "the check '\(name)' did not pass"
            finding.fix = "see the check's details with 'output json'"
        }
        if let error = check["error"]?.string { finding.cause = (finding.cause ?? "") + "; API says: \(error)" }
        return finding
    }

    private static func summary(_ name: String, check: JSONObject, details: JSONObject) -> String {
        switch name {
        case "phone_number_access":
            return [
                details["status"]?.string, details["quality_rating"]?.string.map { "quality \($0)" },
                details["throughput_tier"]?.string,
            ].compactMap { $0 }.joined(separator: " · ")
        case "phone_number_connection":
            return details["status"]?.string ?? ""
        case "messaging_health":
            return check["overall_status"]?.string ?? details["can_send_message"]?.string ?? ""
        case "webhook_subscription":
            let subscribed = details["subscribed"]?.bool == true ? "subscribed" : "not subscribed"
            let fields = details["subscribed_fields"]?.array?.compactMap(\.string) ?? []
            return fields.isEmpty ? subscribed : "\(subscribed): \(fields.joined(separator: ", "))"
        case "webhook_verified":
            return details["verified_at"]?.string.map { "verified \($0)" } ?? "not verified"
        default:
            return check["error"]?.string ?? ""
        }
    }

    /// `PHONE_NUMBER LIMITED: <first additional info or error>` for the first entity not AVAILABLE.
    private static func limitedEntity(_ details: JSONObject) -> String? {
        guard
            let entity = details["entities"]?.array?.compactMap(\.object)
                .first(where: { $0["can_send_message"]?.string != "AVAILABLE" })
        else { return nil }
        let type = entity["entity_type"]?.string ?? "entity"
        let why =
            entity["errors"]?[0]?["error_description"]?.string ?? entity["additional_info"]?[0]?.string
        return why.map { "\(type): \($0)" } ?? type
    }
}
