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
    /// Received messages whose Kapso processing failed or was blocked (`ProcessingStatus`): no sends, but failures the
    /// integrator's bot may never have seen (probe23 P23-3).
    public var receivedUnprocessed = 0

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
        receivedUnprocessed = entries.filter { entry in
            guard entry.source == .message, entry.json["kapso"]?["direction"]?.string == "inbound",
                ProcessingStatus.failure(of: entry.json).map({ entry.error == ProcessingStatus.label($0) }) ?? false
            else { return false }
            let number = entry.json["kapso"]?["phone_number_id"]?.string ?? entry.json["phone_number_id"]?.string
            return phoneNumberID == nil || number == phoneNumberID
        }.count
    }

    /// True when anything failed: a send, or Kapso's processing of a received message.
    public var anyFailed: Bool { failed > 0 || receivedUnprocessed > 0 }

    /// `12 sends failed (9 causes)`, `1 send failed (1 cause)`; `at least 100 sends failed …` when cut.
    /// `no send failed` when nothing failed; `… ; 2 received messages not processed by Kapso (processing_status failed
    /// or blocked)` after it when Kapso's processing of received messages failed.
    public var text: String {
        let count = (isLowerBound ? "at least " : "") + "\(failed) \(failed == 1 ? "send" : "sends") failed"
        let sends = failed == 0 ? "no send failed" : count + (causes > 1 ? " (\(causes) causes)" : causes == 1 ? " (1 cause)" : "")
        guard receivedUnprocessed > 0 else { return sends }
        let received = "\(receivedUnprocessed) received \(receivedUnprocessed == 1 ? "message" : "messages") not processed by "
            + "Kapso (processing_status failed or blocked)"
        return failed == 0 ? received : sends + "; " + received
    }
}
