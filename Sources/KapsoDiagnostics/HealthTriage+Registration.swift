// MARK: - Graph 133010 in a health report

extension HealthTriage {
    /// The states a 133010 does not override: each is a stronger fact of its own (a ban, a number deleted or moved).
    static let statesBeyondRegistration: Set = ["BANNED", "DELETED", "MIGRATED"]

    /// A failed access or connection check of a report that carries 133010 (`NumberRegistration.notRegistered`), read as
    /// the number not registered with the Cloud API: never "wait for Meta's review to finish" (PENDING's reading), which
    /// no registration follows from (tester67 Y5). The check's own `error` (Kapso's words) stays after the cause; other
    /// findings are returned as they are.
    static func unregistered(_ finding: Finding, error: String?, nameStatus: String?) -> Finding {
        guard ["phone_number_access", "phone_number_connection"].contains(finding.check), finding.severity < .passed,
            !statesBeyondRegistration.contains(finding.state ?? "")
        else { return finding }
        var read = finding
        read.severity = .critical
        read.cause = NumberRegistration.cause(status: finding.state, nameStatus: nameStatus)
            + (error.map { "; API says: \($0)" } ?? "")
        read.fix = NumberRegistration.fix
        return read
    }
}
