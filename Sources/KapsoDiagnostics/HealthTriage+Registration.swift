// MARK: - Graph 133010 in a health report

extension HealthTriage {
    /// The states a 133010 does not override: each is a stronger fact of its own (a ban, a number deleted or moved).
    static let statesBeyondRegistration: Set = ["BANNED", "DELETED", "MIGRATED"]

    /// A failed access or connection check of a report that carries 133010 (`NumberRegistration.notRegistered`), read as
    /// the number not registered with the Cloud API: never "wait for Meta's review to finish" (PENDING's reading), which
    /// no registration follows from (tester67 Y5). The check's own `error` (Kapso's words) stays after the cause; other
    /// findings are returned as they are, but for a failed `webhook_verified` check's fix.
    static func unregistered(_ finding: Finding, error: String?, nameStatus: String?) -> Finding {
        // An unregistered number receives no message, so "send a WhatsApp message to this number" cannot verify its
        // webhook (tester68b N1): registering comes first.
        if finding.check == "webhook_verified", finding.severity < .passed, finding.fix?.contains("send a WhatsApp message") == true {
            var read = finding
            read.fix = "register the number first (the access check's fix): it receives no message until then, and Meta "
                + "verifies the webhook after the first inbound one; then send it a WhatsApp message and run 'health' again"
            return read
        }
        guard ["phone_number_access", "phone_number_connection"].contains(finding.check), finding.severity < .passed,
            !statesBeyondRegistration.contains(finding.state ?? "")
        else { return finding }
        var read = finding
        read.severity = .critical
        read.cause = NumberRegistration.cause(status: finding.state, nameStatus: nameStatus)
            + (error.map { "; API says: \($0)" } ?? "")
        read.fix = NumberRegistration.fix
        read.notRegistered = true
        return read
    }
}
