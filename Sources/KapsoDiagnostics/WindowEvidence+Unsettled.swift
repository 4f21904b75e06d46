public import KapsoClient

extension WindowEvidence {
    /// The contact's window left unknown by an action Meta documents nothing on (`opensUnknown`: an edit or revoke, or
    /// one of them, a pin, keep-in-chat or poll answer delivered as `unsupported` under 131051): the one rule every view of a window reads
    /// (`ContactWindow`, the verdict of `trace` and `message`, `trace`'s window line and JSON; tester47 F2: kops said
    /// "it opens no 24-hour window" and `reply` "free-form messages fail with 131047" an hour after the contact edited a
    /// message). The window is unknown from the action on only while the certain reading (the contact's last message
    /// they wrote, `opens`) says closed and the action is under 24 hours old: an open window stays open, and a window
    /// the action opened would have closed 24 hours after it (Meta, customer service windows,
    /// developers.facebook.com/docs/whatsapp/pricing).
    public struct Unsettled: Sendable, Equatable {
        /// When the action came (Unix seconds).
        public var at: Int64
        /// What it is (`WindowEvidence.unknownEffect`), e.g. `the contact editing an earlier message (edit), not a new
        /// message, delivered as unsupported`.
        public var what: String
        /// The newest readable time of a message the contact wrote 1:1 before the action (Unix seconds); nil when none
        /// was read.
        public var lastWritten: Int64?
        /// The API's clock the window is read at (Unix seconds), or the send's time for the window at a send (`atSend`).
        public var now: Int64
        /// True when `now` is a send's time (`unsettled(by:before:among:now:)`): the window as it was at that send.
        public var atSend = false

        /// Nil when the certain reading settles the window at `now`: `lastWritten` keeps it open, the action is not
        /// newer than it, or the action is 24 hours old or more (closed either way).
        public init?(action at: Int64, what: String, lastWritten: Int64?, now: Int64) {
            guard at > lastWritten ?? .min, ServiceWindow(lastInbound: at, at: now).isOpen,
                !ServiceWindow(lastInbound: lastWritten, at: now).isOpen
            else { return nil }
            self.at = at
            self.what = what
            self.lastWritten = lastWritten
            self.now = now
        }

        /// When the window would close had the action opened it (Unix seconds).
        public var untilIfOpened: Int64 { at + Conversation.windowSeconds }

        /// The certain part: `the last message the contact wrote, at 2026-11-20T08:00:00Z, opened one that closed at
        /// 2026-11-21T08:00:00Z (4 h ago)`, or that none was read.
        public var lastWrittenText: String {
            lastWritten.map { last in
                let closes = last + Conversation.windowSeconds
                return "the last message the contact wrote, at \(KapsoTime.iso(last)), opened one that closed at \(KapsoTime.iso(closes)) "
                    + "(\(Elapsed.text(now - closes)) \(atSend ? "before the send" : "ago"))"
            } ?? "no message the contact wrote was read"
        }

        /// What is known: `since 2026-11-21T11:00:00Z: then came the contact editing … (delivered as unsupported), and Meta
        /// documents nothing on whether such an action opens the 24-hour window; ` + `lastWrittenText`.
        public var known: String {
            "since \(KapsoTime.iso(at)): then came \(what), and Meta documents nothing on "
                + "whether such an action opens the 24-hour window; " + lastWrittenText
        }

        /// What is safe and how to find out: a template always goes through; a free-form message either goes through
        /// (the action opened the window, until `untilIfOpened`) or fails with 131047, which settles it.
        public func next(action: String = "that action") -> String {
            "an approved template always goes through ('reply --template NAME'); a free-form message goes through only if "
                + "\(action) opened the window (then open until \(KapsoTime.iso(untilIfOpened))), else it fails with 131047, "
                + "which settles it"
        }

        /// `unknown since …: …; …`: the window as a field or a verdict says it.
        public var text: String { "unknown " + known + "; " + next() }

        /// The window as a view of the action itself says it, once it has named the action: `unknown: ` +
        /// `lastWrittenText` + what is safe.
        public var textAfterItself: String { "unknown: " + lastWrittenText + "; " + next(action: "this action") }
    }

    /// The contact's window left unknown (`Unsettled`) by their newest action of undocumented effect among `message` and
    /// the contact's messages in `listed` (`sameContact`), newer than their newest message they wrote there
    /// (`newestWritten`); nil when the certain reading settles it or no such action was read.
    public static func unsettled(by message: Message, among listed: [Message], now: Int64) -> Unsettled? {
        let mine = [message] + listed.filter { sameContact($0, as: message) }
        var newest: (at: Int64, what: String)?
        for other in mine where other.isInbound {
            let evidence = WindowEvidence(other, now: now)
            guard evidence.opensUnknown, let at = evidence.time.seconds, at > newest?.at ?? .min else { continue }
            newest = (at, evidence.unknownEffect ?? "")
        }
        guard let newest else { return nil }
        return Unsettled(action: newest.at, what: newest.what, lastWritten: newestWritten(by: message, among: listed, now: now), now: now)
    }

    /// The window at a send (`sentAt`, Unix seconds) left unknown (`Unsettled`, `atSend`) by the contact's newest action
    /// of undocumented effect at or before it (up to `SendWindow.clockSkew` after: two clocks stamp the two), newer than
    /// the last message they wrote before it (`lastWritten`), among the contact's messages in `listed`; nil when the
    /// certain reading settles it (tester48's notes: `trace` said "closed when sent" of a send an hour after an edit).
    public static func unsettled(by message: Message, before sentAt: Int64, among listed: [Message], now: Int64) -> Unsettled? {
        var newest: (at: Int64, what: String)?
        for other in listed where sameContact(other, as: message) {
            let evidence = WindowEvidence(other, now: now)
            guard evidence.opensUnknown, let at = evidence.time.seconds, at <= sentAt + SendWindow.clockSkew,
                at > newest?.at ?? .min
            else { continue }
            newest = (at, evidence.unknownEffect ?? "")
        }
        guard let newest else { return nil }
        let last = lastWritten(by: message, before: sentAt, among: listed, now: now)
        var unsettled = Unsettled(action: newest.at, what: newest.what, lastWritten: last, now: max(sentAt, newest.at))
        unsettled?.now = sentAt
        unsettled?.atSend = true
        return unsettled
    }
}
