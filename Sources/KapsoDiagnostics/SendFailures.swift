public import KapsoClient

/// A number's failed sends in a period, counted as `errors` counts them (`ErrorTriage.addMessages`, then
/// `FailureGroups`): `12 sends failed (9 causes)`. For `overview`, so a number whose sends fail is never shown as "ok"
/// with nothing to run next (probe17 P17-12: Kapso's health checks pass while 12 of 24 sends failed).
///
/// Counted: failed statuses of outbound messages (received messages with errors and warnings are not sends that
/// failed). `phoneNumberID` nil counts every number's.
public struct SendFailures: Sendable, Equatable {
    /// Failed sends.
    public var failed: Int
    /// Distinct causes among them, as `errors` groups them.
    public var causes: Int
    /// True when more failures exist than were read (a list cut at its page limit): `failed` is a lower bound.
    public var isLowerBound: Bool

    /// The failures of `phoneNumberID` (nil: all) among `entries`; `numbers` name ids as `errors` does.
    public init(_ entries: [ErrorTriage.Entry], phoneNumberID: String?, numbers: [PhoneNumber], isLowerBound: Bool = false) {
        let sends = entries.filter { entry in
            guard entry.source == .message, entry.statusWord == nil else { return false }
            guard entry.json["kapso"]?["direction"]?.string != "inbound" else { return false }
            let number = entry.json["kapso"]?["phone_number_id"]?.string ?? entry.json["phone_number_id"]?.string
            return phoneNumberID == nil || number == phoneNumberID
        }
        let groups = FailureGroups(sends, numbers: numbers)
        failed = groups.total
        causes = groups.groups.count
        self.isLowerBound = isLowerBound
    }

    /// `12 sends failed (9 causes)`, `1 send failed (1 cause)`; `at least 100 sends failed …` when cut.
    public var text: String {
        let count = (isLowerBound ? "at least " : "") + "\(failed) \(failed == 1 ? "send" : "sends") failed"
        return count + (causes > 1 ? " (\(causes) causes)" : causes == 1 ? " (1 cause)" : "")
    }
}
