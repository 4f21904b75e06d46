public import KapsoClient

// MARK: - The fix a failure gets when WhatsApp also reported the message on the phone

extension StatusHistory.Conflict {
    /// The fix a failed status of this conflict gets in place of its code's own: WhatsApp also reported the message
    /// `delivered`, `read` or `played` for the same recipient, so it may be on the contact's phone and the code's
    /// "retry" (131000's, 131026's) could send it twice. The verdict says the outcome is not certain; this says the same
    /// as one step (real-world cases, a new input of case H21's kind: sent → failed 131000 → read kept "fix: retry").
    ///
    /// The one reading of the conflict for every command: `trace` gives it as the failure's fix, `errors` leads the
    /// failure's meaning with it (`ErrorTriage.alsoReached`; before, `errors` said "so whether the contact has it is
    /// uncertain" of the same message, in other words and with another time form).
    public var failureFix: String {
        let when = success.time.map { " at " + KapsoTime.iso($0) } ?? ""
        return "WhatsApp also reported it \(success.status)\(when), \(failureIsLast ? "before" : "after") this failure, so it "
            + "may be on the contact's phone: confirm with the contact before any resend (a resend may arrive twice)"
    }
}
