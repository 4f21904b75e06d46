public import KapsoClient

// MARK: - The number's state, as every list reads it

extension NumberStatus {
    /// Where a number's state was read: a health report this session (live, cached up to 3 min) or Kapso's stored record
    /// of the number (the number list's `status`, which can lag Meta's state; kapso-api.md §2.1, §2.3).
    public enum Source: String, Sendable {
        case health
        case record = "Kapso's record"
    }

    /// The number's own state as `numbers` and `overview` both state it (tester62 AK14: `numbers` said BANNED from Kapso's
    /// record while `overview` said "ok" from a health report that named no state): the health read's status where it
    /// names one, else the record's. `state` is nil when that status shows nothing wrong (CONNECTED, none).
    public static func listed(_ number: PhoneNumber, read: SenderState.HealthRead?) -> (state: NumberStatus?, source: Source) {
        if let status = read?.numberStatus { return (NumberStatus(status: status), .health) }
        return (NumberStatus(status: number.status), .record)
    }
}
