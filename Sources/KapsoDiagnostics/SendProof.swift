public import KapsoClient

/// What a free-form send's own outcome proves about the contact's 24-hour window at that send, whatever kops read of
/// the contact's messages: one that reached a device went out inside it, one Meta refused for the window went out
/// after it closed (Meta's error codes: 131047 "More than 24 hours have passed since the recipient last replied to the
/// sender number", https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/; a free-form message
/// needs an open customer service window, developers.facebook.com/docs/whatsapp/pricing). The one rule `trace`'s window
/// line (`SendWindow.of`) and `reply`'s window check (`ContactWindow.weighing(sends:)`) read a send by (tester60 AH11).
/// A template needs no window and an app echo or imported history did not go through the Cloud API: they prove nothing.
/// A send to a group proves the group's window, not a 1:1 one (`MessageOrigin.sentToGroup`).
public enum SendProof: Sendable, Equatable {
    /// Reached the contact's phone: the status that shows it (`delivered`, `read`, `played`).
    case open(status: String)
    /// Refused for the window: Meta's code (`131047`, `470`).
    case closed(code: String)

    /// What `send` (an outbound message) proves; nil for anything else, a template, an echo or imported history, or a
    /// send that neither reached a device nor was refused for the window.
    public static func of(_ send: Message) -> SendProof? {
        guard send.isOutbound, send.type != "template", WindowEvidence(send, now: nil).appOrigin == nil else { return nil }
        if let code = WindowEvidence.windowRefusal(of: send) { return .closed(code: code) }
        let history = StatusHistory(message: send)
        guard history.failures.isEmpty, let reached = history.events.first(where: { StatusWord($0.status).reachedDevice }) else { return nil }
        return .open(status: reached.status)
    }

    /// The status that shows the send reached a device (`open`), nil otherwise.
    public var reachedStatus: String? {
        if case .open(let status) = self { return status }
        return nil
    }

    /// True when Meta refused the send for the window (`closed`).
    public var refused: Bool {
        if case .closed = self { return true }
        return false
    }
}
