internal import KapsoClient

/// The verdict on a message the contact sent: the window it opened, in a group or 1:1, and an error Meta attached to it.
extension MessageVerdict {
    static func inbound(
        _ message: Message, evidence read: WindowEvidence? = nil, newestInbound: Int64?, newestNote: String? = nil, unsettled: WindowEvidence.Unsettled? = nil,
        moved: ContactWindow.Moved? = nil, now: Int64, callsEnabled: Bool = false, replies: SenderState.Replies? = nil
    ) -> MessageVerdict {
        let errors = MessageError.carried(by: message.json)
        // Written in a group: the window it opened is the group's, and a reply to it goes to the group (MessageOrigin).
        if let group = MessageOrigin(message).groupID, errors.isEmpty {
            let window = ServiceWindow(lastInbound: message.time, at: now)
            guard let closes = window.closesAt else { return MessageVerdict("received in group \(group); \(MessageOrigin.groupReply())", .good) }
            let state = window.isOpen
                ? "the group's 24-hour window it opened is open for \(Elapsed.text(closes - now)) more"
                : "the group's 24-hour window it opened closed \(Elapsed.text(now - closes)) ago (a later message in the group may have reopened it)"
            return MessageVerdict(
                "received in group \(group); \(state); \(MessageOrigin.groupReply()); it opened no 1:1 window with the participant",
                window.isOpen ? .good : .warning)
        }
        // Only a message the contact wrote, at a time kops can read, opens the window (WindowEvidence, MessageTime); the
        // window is the contact's, from their newest message (ContactWindow's rule), never this message's alone (P21-1).
        // `read`: the message as the contact's window read it (`ContactWindow.evidence(of:)`), when that was read.
        let evidence = read ?? WindowEvidence(message, now: now)
        let (windowText, severity) = contactWindow(
            evidence, newestInbound: newestInbound, newestNote: newestNote, unsettled: unsettled, moved: moved, now: now,
            callsEnabled: callsEnabled, replies: replies)
        guard let error = MessageError.primary(of: errors) else {
            if let what = evidence.notWritten { return MessageVerdict("received \(what): \(windowText)", .warning) }
            // Kapso's `failed` on a message the contact sent, with no error: the contract shows `failed` only for sends
            // (kapso-api.md §7.3, "How a failure shows"; inbound statuses are `received`/`delivered`/`read`, gotcha 14),
            // so what failed is not known, and kops does not guess (tester56 Z8: said only "received").
            if message.status == "failed" {
                return MessageVerdict(
                    "received, yet Kapso's status for it is 'failed' with no error attached: Kapso's API reference "
                        + "documents 'failed' only for sends, so what failed is not known; ask Kapso support with this message id"
                        + (windowText.isEmpty ? "" : "; " + windowText), .warning)
            }
            return MessageVerdict(windowText.isEmpty ? "received from the contact" : "received; " + windowText, severity)
        }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        let name = error.shownName.map { " (\($0))" } ?? ""
        let what = error.code == nil ? error.headline : "\(error.code ?? "")\(name)"
        // The cause follows the code, never the type alone (UnsupportedContent.reading): an edit under 131051 lost nothing.
        let kind = UnsupportedContent.type(of: message.json)
        let lostNothing = UnsupportedContent.lostNothing(kind) && error.code == "131051"
        return MessageVerdict(
            "received with error \(what)\(more): \(UnsupportedContent.reading(type: kind, error: error))"
                + (windowText.isEmpty ? "" : "; " + windowText), lostNothing ? severity : .warning)
    }

    /// The contact's 24-hour window as an inbound message's verdict states it, and how it reads: from `newestInbound`
    /// (the contact's newest message they wrote, this one included; nil when not read) and this message's own time.
    /// - A message that is not the contact writing (a notification, an edit, a revoke, a pin) opens nothing and is said
    ///   to; the contact's window then comes from their newest message when it was read. The same actions delivered as
    ///   `unsupported` are not said to open nothing: Meta documents nothing on it (`WindowEvidence.opensUnknown`).
    /// - `unsettled`: the contact's window left unknown by such an action (`WindowEvidence.Unsettled`): said as unknown
    ///   with what is known and what is safe, never as closed (tester47 F2).
    /// - An older message is never "again" (P21-2): with this message's time unreadable (e.g. ahead of the API's clock),
    ///   the window is unknown unless a readable message already shows it open (another can only keep it open longer),
    ///   as `ContactWindow` reads it.
    /// - Without the contact's other messages, this message's own window is a lower bound when open ("at least") and
    ///   hedged when closed.
    /// - On a number with calling on (`callsEnabled`), a closed window carries `ContactWindow.callCaveat` (P25-16).
    /// - `replies`: what a reply from the number meets now (`SenderState.Replies`): an open window is never followed by
    ///   "free-form replies go through" when the session knows the number cannot send (tester69 C1).
    /// - A number-change notice says where to write as the contact's move reads (`moved`, followed to the new number by
    ///   `trace`); without it, hedged: kops did not read whether they wrote from the new number (`ContactWindow.Moved.wayOn`).
    static func contactWindow(
        _ evidence: WindowEvidence, newestInbound: Int64?, newestNote: String? = nil, unsettled: WindowEvidence.Unsettled? = nil,
        moved standing: ContactWindow.Moved? = nil,
        now: Int64, callsEnabled: Bool = false, replies: SenderState.Replies? = nil
    ) -> (String, Severity) {
        // What a reply from the number meets now, when the session knows it cannot send (tester69 C1).
        let go = replies?.afterOpenWindow() ?? ": free-form replies go through"
        let sends = replies?.freeFormKnownToGo ?? true
        let call = callsEnabled ? " " + ContactWindow.callCaveat(since: "since") : ""
        // The contact's newest message, when it is a reaction kops counts as writing, is said to be one (`countedNote`).
        let counted = newestNote.map { " (\($0), which kops counts as writing; Meta documents nothing either way)" } ?? ""
        if evidence.notWritten != nil {
            let opens = evidence.opensUnknown
                ? "Meta documents nothing on whether it opens the 24-hour window" : "it opens no 24-hour window"
            if let unsettled, !evidence.leftNumber {
                let itself = evidence.opensUnknown && evidence.time.seconds == unsettled.at
                return ("\(opens); the window is " + (itself ? unsettled.textAfterItself : unsettled.text), .warning)
            }
            let window = newestInbound.map { newest -> String in
                let window = ServiceWindow(lastInbound: newest, at: now)
                let closes = newest + Conversation.windowSeconds
                return window.isOpen
                    ? "; the contact last wrote at \(KapsoTime.iso(newest))\(counted), so the window is open for \(Elapsed.text(closes - now)) more"
                    : "; the contact last wrote at \(KapsoTime.iso(newest))\(counted), and that window closed \(Elapsed.text(now - closes)) ago\(call)"
            } ?? ""
            let notice = ContactWindow.Moved(number: evidence.movedTo, at: nil, notice: evidence.noticeBody, type: evidence.noticeType)
            var moved = ""
            if evidence.leftNumber {
                // The move as read from the contact's records, when it starts with this notice's number (or both give none).
                if let standing, ContactNumber.same(standing.through.first?.number ?? standing.number, evidence.movedTo)
                    || (standing.number == nil && evidence.movedTo == nil)
                {
                    moved = "; " + standing.text
                } else {
                    moved = "; the contact moved\(notice.newNumberText): a message to this number reaches nobody, or whoever holds it now; "
                        + (evidence.movedTo.map { "write to +\($0) (\(notice.wayOn))" } ?? notice.writeTo)
                }
            }
            // Severity of the contact's window: a closed one is a warning; an action that lost nothing is no failure.
            let closed = newestInbound.map { !ServiceWindow(lastInbound: $0, at: now).isOpen } ?? false
            return ("\(opens)\(window)\(moved)", closed || evidence.leftNumber ? .warning : .good)
        }
        guard let own = evidence.time.seconds else {
            guard case .unreadable(let why) = evidence.time else { return ("", .good) }
            // This message may be the contact's newest: only a readable one that keeps the window open now says more.
            if let newest = newestInbound, ServiceWindow(lastInbound: newest, at: now).isOpen {
                return (
                    "its own time is unreadable (\(why)), but the contact wrote at \(KapsoTime.iso(newest)), so the 24-hour window "
                        + "is open for at least \(Elapsed.text(newest + Conversation.windowSeconds - now)) more\(go)",
                    sends ? .good : .warning)
            }
            let readable = newestInbound.map {
                "; the newest readable message of the contact is \(KapsoTime.iso($0)) (closed since \(KapsoTime.iso($0 + Conversation.windowSeconds)))"
            } ?? ""
            return ("the 24-hour window is unknown: this message's time is unreadable (\(why))\(readable)", .warning)
        }
        let later = newestInbound.flatMap { $0 > own ? $0 : nil }
        let window = ServiceWindow(lastInbound: later ?? own, at: now)
        guard let closes = window.closesAt else { return ("", .good) }
        let again = later.map { "the contact wrote again at \(KapsoTime.iso($0))\(counted)" }
        // The contact left this number since (the move as `trace` followed it): no reply here, free-form or template,
        // is what `reply` will do, so none is promised (session 36).
        if let standing {
            let state = window.isOpen ? "is open for \(Elapsed.text(closes - now)) more" : "closed \(Elapsed.text(now - closes)) ago"
            return ((again.map { $0 + "; " } ?? "") + "the 24-hour window \(state), but " + standing.replyRefused, .warning)
        }
        // A later action of the contact that Meta documents nothing on leaves a closed window unknown (tester47 F2).
        if let unsettled, !window.isOpen {
            return ((again.map { $0 + "; " } ?? "") + "the 24-hour window \(again == nil ? "it" : "that") opened closed "
                + "\(Elapsed.text(now - closes)) ago; the window now is " + unsettled.text, .warning)
        }
        if window.isOpen {
            // Without the contact's other messages, a later one may keep it open longer than this one does.
            let atLeast = newestInbound == nil ? "at least " : ""
            // Opened by this reaction alone: said as every view of the window says it (`ContactWindow.openedByNote`; tester66 W2).
            let reaction = later == nil ? evidence.countedNote.map {
                "; opened by this message, \($0), which kops counts as the contact writing (Meta documents nothing either way)"
            } : nil
            return (
                (again.map { $0 + ", so " } ?? "")
                    + "the 24-hour window is open for \(atLeast)\(Elapsed.text(closes - now)) more\(go)" + (reaction ?? ""),
                reaction == nil && sends ? .good : .warning)
        }
        // A template from a number whose state refuses one is said so (`Replies.clause`, tester69b D2).
        let template = replies?.clause(for: .template) ?? ""
        if let again {
            return (again + "; that window closed \(Elapsed.text(now - closes)) ago: reply with an approved template ('reply --template NAME')\(call)\(template)", .warning)
        }
        // Without the contact's newer messages, only this message's own window is known.
        let unread = newestInbound == nil ? " (unless the contact wrote since: 'conversation' shows their window)" : ""
        return (
            "the 24-hour window it opened closed \(Elapsed.text(now - closes)) ago\(unread): reply with an approved template ('reply --template NAME')\(call)\(template)",
            .warning)
    }
}
