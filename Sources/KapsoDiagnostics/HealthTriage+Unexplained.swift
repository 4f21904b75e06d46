// MARK: - Kapso's overall status that no listed check explains (probe37 P37-16)

extension HealthTriage {
    /// Kapso's overall `status` (`degraded`, `unhealthy`) over a report whose every listed check passed: what `health`
    /// says instead of an unexplained "unhealthy" above a list of passes, and what `overview`'s HEADLINE names.
    ///
    /// Kapso's overall status rules (kapso-api.md §2.3, from the Platform API spec and the health skill guide): `unhealthy`
    /// when a critical check failed, messaging is BLOCKED or the number is DISCONNECTED; `degraded` when the webhook is
    /// unverified or unsubscribed, messaging is LIMITED or a test message failed. A report that shows none of these cannot
    /// say which made it so; the report is cached up to 3 min per number, so the status and the checks may come from
    /// different runs (kapso-api.md §2.3 "Caching & limits").
    public struct Unexplained: Sendable, Equatable {
        /// Kapso's status as given.
        public var status: String
        /// The checks Kapso lists on every report (kapso-api.md §2.3 "Present: always") that this one lacks.
        public var missing: [String]

        /// `unhealthy by Kapso, but every check it lists passed`: the HEADLINE and the first line of `health`.
        public var headline: String { "\(status) by Kapso, but every check it lists passed" }

        /// What Kapso's rules make a number of this status, and that the report shows none of it.
        public var cause: String {
            let rule =
                status == "degraded"
                ? "Kapso calls a number degraded when its webhook is unverified or unsubscribed, messaging is LIMITED or a "
                    + "test message failed"
                : "Kapso calls a number \(status) when a critical check fails, messaging is BLOCKED or the number is DISCONNECTED"
            let lacks = missing.isEmpty ? "" : "; the report lacks \(missing.joined(separator: ", ")), which Kapso lists on every report"
            return "\(rule), and no check in this report shows any of it\(lacks): Kapso's overall status disagrees with every "
                + "check it lists, so kops cannot name the cause"
        }

        /// What to check next.
        public var next: String {
            "run 'health' again in 3 min (Kapso caches the report up to 3 min, so the status and the checks may come from "
                + "different runs); if it stays \(status), ask Kapso support which check makes it so, quoting this report "
                + "('output json', then 'health')"
        }
    }

    /// The checks Kapso lists on every health report (kapso-api.md §2.3).
    static let alwaysListed = ["phone_number_access", "messaging_health", "webhook_subscription", "webhook_verified"]

    /// `Unexplained` when Kapso's `status` is `degraded` or `unhealthy` and every listed check passed (none fails and
    /// none is unknown, which would name the cause); nil otherwise, also for a status Kapso does not document, whose
    /// rule kops does not know (tester62 AL19). `health` and `overview` both read it.
    public func unexplained(status: String) -> Unexplained? {
        guard status == "degraded" || status == "unhealthy", findings.allSatisfy({ $0.severity == .passed }) else { return nil }
        let listed = findings.map(\.check)
        return Unexplained(status: status, missing: Self.alwaysListed.filter { !listed.contains($0) })
    }
}
