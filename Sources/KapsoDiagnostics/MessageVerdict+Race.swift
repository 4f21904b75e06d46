internal import KapsoClient

extension MessageVerdict.RefusedInOpenWindow {
    /// True when the contact's message and the send are stamped within `SendWindow.clockSkew` of each other (or the
    /// message after the send): whole seconds from two clocks (Kapso stamps the send, Meta the contact's message;
    /// kapso-api.md §0 gotcha 16) cannot order them, and Meta's refusal says the send reached it first — a send racing
    /// the contact's message, as follow-up bots do (tester48 F12: "0 s before the send: check that inbound reached this
    /// same number" sent the reader to check numbers and contacts).
    public var raced: Bool { sentAt - lastInbound <= SendWindow.clockSkew }

    /// `in the same second as`, `2 s before`, `1 s after`: the contact's message against the send.
    var gap: String {
        let seconds = sentAt - lastInbound
        return seconds == 0 ? "in the same second as" : seconds > 0 ? "\(seconds) s before" : "\(-seconds) s after"
    }

    /// What a raced refusal means and what to do, read at the API's clock `now` (nil: not said): the window the contact's
    /// message opened is open for a resend until 24 hours after it.
    func racedNext(now: Int64?) -> String {
        let until = lastInbound + Conversation.windowSeconds
        let then: String
        if let now {
            then = until > now
                ? "their message opened the window, so \(MessageVerdict.sendAgainAsIs) until \(KapsoTime.iso(until)) (\(Elapsed.text(until - now)) left)"
                : "the window their message opened closed at \(KapsoTime.iso(until)); a template still goes through"
        } else {
            then = "their message opened the window: a resend as is goes through until \(KapsoTime.iso(until)), a template after"
        }
        return "the contact's message is stamped \(gap) the send, and whole seconds from two clocks cannot order them: the "
            + "send reached Meta just before their message did (a send racing the contact's message); \(then)"
    }

    var racedMeaning: String {
        "Meta refused a free-form message as outside the 24-hour window: the contact's message that opens it (stamped \(gap) "
            + "the send) reached Meta after this send did"
    }
}
