internal import KapsoClient

/// How a verdict reads the status history itself: a history behind Kapso's status, a contradictory one, and the
/// delay and time of an event.
extension MessageVerdict {
    /// Kapso's `kapso.status` is further along than the history (a `failed` or `read` event Kapso never
    /// stored): the verdict follows Kapso's status and says the history is incomplete, never "no delivery
    /// report yet" for a message Kapso calls failed or read.
    static func incomplete(_ message: Message, history: StatusHistory, windowAtSend: ServiceWindow?, now: Int64) -> MessageVerdict {
        let latest = history.latest.map { "\($0.status) at \(when($0))" } ?? "nothing"
        let stops = "the status history stops at \(latest) and holds no \(message.status) event"
        switch StatusWord(message.status) {
        case .failed:
            // (A delivery or read in the history is a Disagreement, read before this.)
            return MessageVerdict("failed (Kapso's status); " + unrecordedFailure(history), .bad)
        case .read, .played:
            return MessageVerdict("\(message.status) by the contact (Kapso's status; \(stops), so when is unknown)", .good)
        case .delivered:
            if let imported = importedDelivered(message, now: now) { return imported }
            return MessageVerdict("delivered, not read yet (Kapso's status; \(stops), so when is unknown)", .good)
        case .unknown(let word):
            return MessageVerdict("\(unknownStatus(word)) (Kapso's status; \(stops))", .warning)
        case .suppressed:
            return MessageVerdict("\(StatusWord.suppressedMeaning) (Kapso's status; \(stops))", .warning)
        case .waiting, .sent, .warning, .deleted, .received:
            return MessageVerdict("\(message.status) (Kapso's status; \(stops))", .warning)
        }
    }

    /// Why a message Kapso calls failed has no error code, when its history holds no failed event: `the status history
    /// stops at sent at … and holds no failed event, so Meta's error code was not recorded; …`. `errors` says it as
    /// `trace` does (tester57 AB14: "the failed status has no errors[] entry", of a failed status that is not there).
    static func unrecordedFailure(_ history: StatusHistory) -> String {
        let latest = history.latest.map { "\($0.status) at \(when($0))" } ?? "nothing"
        return "the status history stops at \(latest) and holds no failed event, so Meta's error code was not recorded; the "
            + "failed webhook ('deliveries --event whatsapp.message.failed') may carry it"
    }

    /// `; the status history holds no failed event: the error is the one on the message` (Kapso's `failed` with Meta's
    /// error on the message, a history stopped before the failure: P37-11).
    static func ownError(_ history: StatusHistory) -> String {
        let latest = history.latest.map { " (it stops at \($0.status) at \(when($0)))" } ?? ""
        return " (Kapso's status; the status history holds no failed event\(latest): the error is the one on the message itself)"
    }

    /// A failure and a delivery both reported; the failure's code is the one it carries, else the message's own
    /// (`MessageError.ofFailure`, P37-11).
    /// Kapso's `kapso.status` lagging the history is named after it (`StatusReading.Lag.fieldNote`), as the status line
    /// names it, so the verdict does not read as contradicting the status above it.
    static func contradiction(_ conflict: StatusHistory.Conflict, history: StatusHistory, message: Message) -> MessageVerdict {
        let verdict = bothReported(conflict, history: history, message: message)
        guard let lag = StatusReading(message).lag else { return verdict }
        return verdict.appending(lag.fieldNote)
    }

    private static func bothReported(_ conflict: StatusHistory.Conflict, history: StatusHistory, message: Message) -> MessageVerdict {
        let failure = conflict.failure
        let errors = failure.errors.isEmpty ? MessageError.ofFailure(message.json, history: history) : failure.errors
        let code = MessageError.primary(of: errors)?.code.map { "failed \($0)" } ?? "failure without an error code"
        let uncertain = history.untimedCount > 0 ? " (order uncertain: \(history.untimedCount) status without a timestamp)" : ""
        let success = conflict.success
        if failure.time == nil || success.time == nil {
            let untimed = failure.time == nil ? "the \(code)" : "the \(success.status)"
            return MessageVerdict(
                "\(success.status) and \(code) were both recorded, and \(untimed) has no timestamp, so which came last "
                    + "is unknown: whether the contact has it is uncertain; ask them before any resend", .warning)
        }
        if conflict.failureIsLast {
            return MessageVerdict(
                "\(code) at \(when(failure)), after a \(conflict.success.status) at \(when(conflict.success)): "
                    + "WhatsApp reported both, so whether the contact has it is uncertain; ask them before any resend\(uncertain)", .warning)
        }
        return MessageVerdict(
            "\(conflict.success.status)\(after(conflict.success.status, history)), but a \(code) was recorded at \(when(failure)): "
                + "WhatsApp reported both, so the outcome is not certain; confirm with the contact before any resend\(uncertain)", .warning)
    }

    // ` 92 s after sending`, from the send to the first event with this status.
    static func after(_ status: String, _ history: StatusHistory) -> String {
        let event = history.events.first { $0.status == status }
        // A time ahead of the API's clock gives no delay (StatusHistory.Event.ahead, probe26 P26-3).
        if let ahead = event?.aheadText { return " (its time is no delay: \(ahead))" }
        guard let since = event?.sinceSend else { return "" }
        // A status timestamped before the send is not a delay: the clocks or the record disagree; say so.
        if since < 0 { return " \(Elapsed.text(since)) BEFORE sending (an implausible order: its timestamp is earlier than the send's)" }
        return " \(Elapsed.text(since)) after sending"
    }

    // `2026-11-21T10:15:01Z (1 s after sending)`, or `an unknown time` without a timestamp.
    /// A failure's verdict with the `sent` stamped after it named (`StatusHistory.stepAfterFailure`): not news of the
    /// phone, so the failure is not contradicted, but the reader sees both of WhatsApp's words (tester48 F1).
    static func laterStep(_ later: StatusHistory.Event, after verdict: MessageVerdict) -> MessageVerdict {
        verdict.appending(
            "WhatsApp also reported it \(later.status) at \(when(later)), after the failure: '\(later.status)' "
                + "is no news of the phone (only delivered or read is) and neither was reported, so nothing WhatsApp said has it arriving")
    }

    static func when(_ event: StatusHistory.Event) -> String {
        guard let time = event.time else { return "an unknown time (no timestamp)" }
        if event.ahead != nil, let ahead = event.aheadText { return "an unknown time (\(ahead))" }
        return KapsoTime.iso(time) + (event.sinceSend.map { " (\(Elapsed.text($0)) \($0 < 0 ? "before" : "after") sending)" } ?? "")
    }
}
