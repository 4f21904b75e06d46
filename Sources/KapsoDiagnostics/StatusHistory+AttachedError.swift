internal import KapsoClient

/// A `delivered`, `read` or `played` status that carries `errors[]` (probe46 P46-4: `delivered` with `131000 Something went
/// wrong`). Meta's status webhook reference shows `errors` with failed statuses (developers.facebook.com/documentation/
/// business-messaging/whatsapp/webhooks/reference/messages/status) and kops has no sample of one on a delivery, so the
/// shape is unexpected; and the delivery itself says the message reached the contact's phone. Kops reads it as it reads
/// a failure followed by a delivery (the case file's H21, `MessageVerdict.contradiction`): uncertain, never "retry",
/// since a resend of a message that arrived is a duplicate.
/// `errors`, `trace`, `message` and `messages` say it in the same words.
extension StatusHistory {
    /// The first delivered, read or played event that carries errors, nil when none does.
    public var reachedWithError: Event? {
        events.first { StatusWord($0.status).reachedDevice && !$0.errors.isEmpty }
    }

    /// `delivered with error 131000 (something went wrong) attached`: the event's word and its error, for a status cell or
    /// a verdict.
    public static func attachedText(_ event: Event) -> String {
        attachedText(word: event.status, error: MessageError.primary(of: event.errors))
    }

    static func attachedText(word: String, error: MessageError?) -> String {
        let named = error.map { error in
            (error.code ?? "without a code") + (error.shownName.map { " (\($0))" } ?? error.title.map { " (\($0))" } ?? "")
        } ?? "without a code"
        return "\(word) with error \(named) attached"
    }

    /// What such an event means and what to do: `reported delivered with error 131000 (…) attached: unexpected (errors
    /// on a delivered status), and the delivered status says it reached the phone, so whether anything went wrong for
    /// the contact is uncertain; do not resend (a resend of a message that arrived is a duplicate); ask them`.
    public static func attachedMeaning(word: String, error: MessageError?) -> String {
        "reported " + attachedText(word: word, error: error) + ": unexpected (errors on a \(word) status), and "
            + "the \(word) status says it reached the contact's phone, so whether anything went wrong for them is uncertain; "
            + "do not resend (a resend of a message that arrived is a duplicate); ask the contact if it matters"
    }
}

extension ErrorTriage {
    /// `WhatsApp also reported it read at 2026-11-21T10:10:05Z, after this failure, so it may be on the contact's phone:
    /// confirm …; if it did fail: `: the lead of a failure's meaning when its history also holds a delivery or read
    /// (`StatusHistory.conflict`), in the words `trace` gives as the failure's fix (`Conflict.failureFix`: one reading
    /// for both commands), whichever reading of the failure follows; nil without one.
    static func alsoReached(_ history: StatusHistory) -> String? {
        history.conflict.map { $0.failureFix + "; if it did fail: " }
    }
}
