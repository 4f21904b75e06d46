internal import KapsoClient

/// Statuses beside the delivery steps (`warning`, `deleted`, a word kops does not know) and how a verdict names them.
extension MessageVerdict {
    /// The events whose word is no step of the delivery (`warning`, `deleted`, a word kops does not know), first of
    /// each word and error code, oldest first; `except` leaves out the status the verdict already stands on.
    static func sideEvents(_ history: StatusHistory, except status: String) -> [StatusHistory.Event] {
        var seen: Set<String> = []
        return history.events.filter { event in
            guard StatusWord(event.status).rank == nil else { return false }
            // An unknown word the verdict stands on is already named by it.
            if event.status == status, case .unknown = StatusWord(status) { return false }
            return seen.insert(event.status + "/" + (MessageError.primary(of: event.errors)?.code ?? "")).inserted
        }
    }

    /// The verdict with the side events named: before it when no step past `sent` was reached (a warning is then
    /// the news), after it otherwise; a good verdict with any becomes a warning.
    static func noting(_ events: [StatusHistory.Event], to verdict: MessageVerdict, reached: StatusWord) -> MessageVerdict {
        guard !events.isEmpty else { return verdict }
        let notes = events.map(sideNote).joined(separator: "; ")
        let severity: Severity = verdict.severity == .good ? .warning : verdict.severity
        switch reached {
        case .delivered, .read, .played, .failed: return verdict.appending(notes, severity: severity)
        default: return MessageVerdict(notes + "; " + verdict.text, severity, advice: verdict.advice)
        }
    }

    /// One side event in words, with its error and what Meta says the word means (StatusWord's sources).
    static func sideNote(_ event: StatusHistory.Event) -> String {
        let at = event.sinceSend.map { $0 < 0 ? " \(Elapsed.text(-$0)) before sending" : " \(Elapsed.text($0)) after sending" }
            ?? (event.time.map { " at \(KapsoTime.iso($0))" } ?? " (no timestamp)")
        let error = MessageError.primary(of: event.errors)
        let code = error.map { error in
            error.code.map { " \($0)" + (error.shownName.map { " (\($0))" } ?? "") } ?? " without an error code"
        } ?? ""
        let words = error.flatMap { $0.details ?? ($0.message != $0.title ? $0.message : nil) }.map { ": \"\($0)\"" } ?? ""
        switch StatusWord(event.status) {
        case .warning:
            let fix = error?.entry?.fix ?? "check the catalog items the message names"
            return "warning\(code)\(at)\(words); \(StatusWord.warningMeaning): \(fix)"
        case .deleted:
            return "a 'deleted' status\(code)\(at): Meta documents 'deleted' (On-Premises API) for a message the customer "
                + "sent and then deleted, not for one the business sent, so it does not tell whether the contact still sees this one"
        case .received:
            return "a 'received' status\(at) (an inbound message's word) among the statuses of a message read as outbound"
        case .suppressed:
            return "a 'suppressed' status\(at): " + StatusWord.suppressedMeaning
        default:
            return "a status '\(event.status)' kops does not know\(at)" + (code.isEmpty ? "" : " with error\(code)") + words
        }
    }
}
