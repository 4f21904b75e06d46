public import KapsoClient

// MARK: - An overall status Kapso does not document (tester62 AL19)

extension HealthTriage {
    /// True when Kapso documents `status` as a report's overall status (`PhoneNumberHealth.documentedStatuses`: healthy,
    /// degraded, unhealthy, error; kapso-api.md §2.3). Any other word (`ok`, `warning`) says neither that the number is
    /// fine nor what fails: kops reads it as not known, never as one of Kapso's rules (tester62 AL19: "Kapso calls a
    /// number ok when a critical check fails …", and exit 1 over a report whose every check passed).
    public static func isDocumented(status: String) -> Bool {
        PhoneNumberHealth.documentedStatuses.contains(status)
    }

    /// `Kapso answered status 'ok', which it does not document (only healthy, degraded, unhealthy and error)`: what
    /// `health`'s first line and the JSON `kops.summary` say of an undocumented status (the status as sent, cut to 40
    /// characters).
    public static func undocumentedWords(_ status: String) -> String {
        "Kapso answered status '\(status.prefix(40))', which it does not document (only healthy, degraded, unhealthy and error)"
    }
}
