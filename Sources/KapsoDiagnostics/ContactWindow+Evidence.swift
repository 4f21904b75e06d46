public import KapsoClient

// MARK: - One message as the contact's window reads it

extension ContactWindow {
    /// What `message` says of the window as this window read it: a reaction or action that a free-form send Meta refused
    /// for the window after it shows opened none is not counted (`refutedBy`, `WindowEvidence.settled(by:)`), as
    /// `conversation`, `conversations` and `reply` count it; any other message as `WindowEvidence` reads it alone.
    ///
    /// The one reading of a message for every view of its window (tester66 W2: `trace` of a reaction said "the 24-hour
    /// window is open …: free-form replies go through" while `conversation` and `reply` said closed, from a 131047 on a
    /// free-form send after it). Meta's window opens "when a WhatsApp user messages you or calls you" (Service messages,
    /// developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages) and says nothing of
    /// reactions; 131047 is "More than 24 hours have passed since the recipient last replied to the sender number"
    /// (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/).
    public func evidence(of message: Message) -> WindowEvidence {
        let read = WindowEvidence(message, now: at)
        return refutedBy[message.id].map(read.settled(by:)) ?? read
    }

    /// True when `message` is among the reactions and actions this window does not count (`refutedBy`).
    public func refutes(_ message: Message) -> Bool { refutedBy[message.id] != nil }
}
