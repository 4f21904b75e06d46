internal import KapsoClient

extension ContactWindow {
    /// `opened by a reaction at 2026-11-21T09:00:00Z, which kops counts as the contact writing (Meta documents nothing
    /// either way)` when the window stated open rests on one (`lastInboundNote`); nil otherwise.
    public var openedByNote: String? {
        guard let note = lastInboundNote, let last = lastInbound, last == messageInbound else { return nil }
        return "opened by \(note) at \(KapsoTime.iso(last)), which kops counts as the contact writing (Meta documents nothing either way)"
    }

    /// True when the window read rests on a reaction (`openedByNote`) or is left unknown by an action (`unsettled`): a
    /// free-form send Meta refused for the window after it would settle it (`WindowEvidence.refuted`), so the contact's
    /// failed sends are worth one more read, given back as `init(…refusedSends:…)`.
    public var needsRefusals: Bool { unsettled != nil || (isOpen && openedByNote != nil) }

    /// A warning for a free-form send when the window is open but closes within `MessageVerdict.closingMargin`: Kapso
    /// stamps the send, Meta judges the window by its own clock when the send reaches it, so a send made with seconds
    /// left can fail with 131047 (probe21 P21-18, P21-15); nil otherwise.
    ///
    /// After an action of the contact Meta documents nothing on that came since their last message (`unsettledAtClose`),
    /// the close is not certain: the warning says the window is unknown after it and what is safe (tester48's notes).
    public var closingSoon: String? {
        guard let last = lastInbound else { return nil }
        let left = last + Conversation.windowSeconds - at
        guard left > 0, left <= MessageVerdict.closingMargin else { return nil }
        if let action = unsettledAtClose {
            return "the 24-hour window the last message the contact wrote (at \(KapsoTime.iso(last))) opened closes in "
                + "\(Elapsed.text(left)); after that it is unknown: at \(KapsoTime.iso(action.at)) came \(action.what), and Meta "
                + "documents nothing on whether such an action opens the window; " + action.next()
        }
        let opened = openedByNote.map { " (" + $0 + ")" } ?? ""
        return "the 24-hour window closes in \(Elapsed.text(left))\(opened): a free-form message that reaches Meta after that fails "
            + "with 131047; an approved template always goes through ('reply --template NAME')"
    }
}
