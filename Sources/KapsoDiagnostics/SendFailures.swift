public import KapsoClient

/// A number's failed sends in a period, counted as `errors` counts them (`ErrorTriage.addMessages`, then
/// `FailureGroups`): `12 sends failed (9 causes)`. For `overview`, so a number whose sends fail is never shown as "ok"
/// with nothing to run next (probe17 P17-12: Kapso's health checks pass while 12 of 24 sends failed).
///
/// Counted: failed statuses of outbound messages (received messages with errors and warnings are not sends that
/// failed). `phoneNumberID` nil counts every number's.
public struct SendFailures: Sendable, Equatable {
    /// Failed sends, those WhatsApp also reported delivered or read left out (`conflicting`).
    public var failed: Int
    /// Failed sends WhatsApp also reported delivered or read (`ErrorTriage.Entry.alsoReached`): the outcome is not certain,
    /// as `message`, `messages` and `trace` say (real-world case H21; probe42 P42-6: `overview` counted them as failed).
    public var conflicting = 0
    /// What the conflicting sends were also reported as (`delivered`, `read`), in order of first appearance.
    public var conflictingWords: [String] = []
    /// Sends recorded failed that the contact quoted or reacted to afterwards (`ErrorTriage.Entry.seenByContact`): they
    /// reached the contact's phone, so they are no failed sends here (tester49 F5: `overview` said "1 send failed" of one
    /// that `trace` says not to resend).
    public var reachedContact = 0
    /// Sends whose Kapso status and Meta's status history disagree (`FailureGroups.disputed`): not counted in `failed`,
    /// whether they failed is not certain, as their `errors` rows and `trace` say (tester64 T8: `overview` said "6 sends
    /// failed", one of them a send Meta reported delivered).
    public var disputed = 0
    /// Distinct causes among them, as `errors` groups them.
    public var causes: Int
    /// True when more failures exist than were read (a list cut at its page limit): `failed` is a lower bound.
    public var isLowerBound: Bool
    /// Received messages whose Kapso processing failed or was blocked (`ProcessingStatus`): no sends, but failures the
    /// integrator's bot may never have seen (probe23 P23-3).
    public var receivedUnprocessed = 0
    /// Failed messages of imported history (`kapso.origin: history_sync`, kapso-api.md §7.3): sent from the WhatsApp
    /// Business app before a coexistence onboarding, so no send of this integration (tester50 F2: `overview` counted one
    /// among "2 sends failed").
    public var imported = 0

    /// The failures of `phoneNumberID` (nil: all) among `entries`; `numbers` name ids as `errors` does.
    public init(_ entries: [ErrorTriage.Entry], phoneNumberID: String?, numbers: [PhoneNumber], isLowerBound: Bool = false) {
        let outbound = entries.filter { entry in
            guard entry.source == .message, entry.statusWord == nil else { return false }
            guard entry.json["kapso"]?["direction"]?.string != "inbound" else { return false }
            let number = entry.json["kapso"]?["phone_number_id"]?.string ?? entry.json["phone_number_id"]?.string
            return phoneNumberID == nil || number == phoneNumberID
        }
        let sends = outbound.filter { KapsoOrigin($0.json) != .importedHistory }
        imported = outbound.count - sends.count
        let groups = FailureGroups(sends, numbers: numbers)
        conflicting = groups.uncertain
        for entry in sends { if let word = entry.alsoReached, !conflictingWords.contains(word) { conflictingWords.append(word) } }
        reachedContact = groups.reachedContact
        disputed = groups.disputed
        failed = max(0, groups.failures - groups.uncertain - groups.reachedContact - groups.disputed)
        // The causes of what failed: a send the contact quoted or reacted to is its own row in `errors`, but no failed send.
        causes = groups.reachedContact == 0
            ? groups.groups.count
            : FailureGroups(sends.filter { $0.seenByContact == nil || $0.alsoReached != nil }, numbers: numbers).groups.count
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
    public var anyFailed: Bool { failed > 0 || conflicting > 0 || disputed > 0 || receivedUnprocessed > 0 }

    /// `12 sends failed (9 causes)`, `1 send failed (1 cause)`; `at least 100 sends failed …` when cut.
    /// `no send failed` when nothing failed; `… ; 2 received messages not processed by Kapso (processing_status failed
    /// or blocked)` after it when Kapso's processing of received messages failed.
    /// With conflicting sends: `1 send failed, 1 reported both failed and delivered (1 cause)`, or `1 send reported both
    /// failed and delivered (1 cause)` when no other failed.
    public var text: String {
        let count = (isLowerBound ? "at least " : "") + "\(failed) \(failed == 1 ? "send" : "sends") failed"
        let both = "reported both failed and \(conflictingWords.isEmpty ? "delivered" : conflictingWords.joined(separator: " or "))"
        // Each count said when not 0 (a plain count first), as "N sends …" when it is the first.
        var parts = failed > 0 || (isLowerBound && conflicting + disputed > 0) ? [count] : []
        let noun = { (n: Int) in parts.isEmpty ? "\(n) \(n == 1 ? "send" : "sends") " : "\(n) " }
        if conflicting > 0 { parts.append(noun(conflicting) + both) }
        if disputed > 0 { parts.append(noun(disputed) + "with Kapso's status and Meta's history disagreeing (not certain to have failed)") }
        var sends = parts.isEmpty ? "no send failed"
            : parts.joined(separator: ", ") + (causes > 1 ? " (\(causes) causes)" : causes == 1 ? " (1 cause)" : "")
        if imported > 0 {
            sends += "; \(imported) failed \(imported == 1 ? "message" : "messages") of imported history (kapso.origin "
                + "history_sync: sent from the WhatsApp Business app before onboarding, not by this integration)"
        }
        if reachedContact > 0 {
            sends += "; \(reachedContact) recorded failed but quoted or reacted to by the contact afterwards: "
                + "\(reachedContact == 1 ? "it" : "they") reached them (do not resend)"
        }
        guard receivedUnprocessed > 0 else { return sends }
        let received = "\(receivedUnprocessed) received \(receivedUnprocessed == 1 ? "message" : "messages") not processed by "
            + "Kapso (processing_status failed or blocked)"
        return failed == 0 && conflicting == 0 && disputed == 0 ? received : sends + "; " + received
    }
}
