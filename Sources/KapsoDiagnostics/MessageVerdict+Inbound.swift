internal import KapsoClient

/// The verdict on a message the contact sent: the window it opened, in a group or 1:1, and an error Meta attached to it.
extension MessageVerdict {
    static func inbound(_ message: Message, newestInbound: Int64?, now: Int64) -> MessageVerdict {
        let errors = MessageError.all(in: message.json["errors"])
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
        // Only a message the contact wrote, at a time kops can read, opens the window (WindowEvidence, MessageTime).
        let evidence = WindowEvidence(message, now: now)
        if let what = evidence.notWritten, errors.isEmpty {
            let window = newestInbound.map { newest -> String in
                let window = ServiceWindow(lastInbound: newest, at: now)
                let closes = newest + Conversation.windowSeconds
                return window.isOpen
                    ? "; the contact last wrote at \(KapsoTime.iso(newest)), so the window is open for \(Elapsed.text(closes - now)) more"
                    : "; the contact last wrote at \(KapsoTime.iso(newest)), and that window closed \(Elapsed.text(now - closes)) ago"
            } ?? ""
            let moved = evidence.movedTo.map {
                "; the contact moved to +\($0): a message to this number reaches nobody, or whoever holds it now; write to +\($0) "
                    + "(a template first, as they have not written from it)"
            } ?? ""
            return MessageVerdict("received \(what): it opens no 24-hour window\(window)\(moved)", .warning)
        }
        let own = evidence.time.seconds
        let later = newestInbound.flatMap { newest in own.map { newest > $0 ? newest : nil } ?? newest }
        let window = ServiceWindow(lastInbound: later ?? own, at: now)
        let windowText: String
        let severity: Severity
        if own == nil, later == nil, case .unreadable(let why) = evidence.time {
            windowText = "the 24-hour window it opened is unknown: \(why)"
            severity = .warning
        } else if let closes = window.closesAt {
            let again = later.map { "the contact wrote again at \(KapsoTime.iso($0))" }
            if window.isOpen {
                windowText = (again.map { $0 + ", so " } ?? "")
                    + "the 24-hour window is open for \(Elapsed.text(closes - now)) more: free-form replies go through"
            } else if let again {
                windowText = again + "; that window closed \(Elapsed.text(now - closes)) ago: reply with an approved template "
                    + "('reply --template NAME')"
            } else {
                // Without the contact's newer messages, only this message's own window is known.
                let unread = newestInbound == nil ? " (unless the contact wrote since: 'conversation' shows their window)" : ""
                windowText = "the 24-hour window it opened closed \(Elapsed.text(now - closes)) ago\(unread): "
                    + "reply with an approved template ('reply --template NAME')"
            }
            severity = window.isOpen ? .good : .warning
        } else {
            windowText = ""
            severity = .good
        }
        guard let error = MessageError.primary(of: errors) else {
            return MessageVerdict(windowText.isEmpty ? "received from the contact" : "received; " + windowText, severity)
        }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        let name = error.entry.map { " (\($0.name))" } ?? ""
        let what = error.code == nil ? error.headline : "\(error.code ?? "")\(name)"
        // The cause follows the code, never the type alone (UnsupportedContent.reading): an edit under 131051 lost nothing.
        let kind = UnsupportedContent.type(of: message.json)
        let lostNothing = kind == "edit" && error.code == "131051"
        return MessageVerdict(
            "received with error \(what)\(more): \(UnsupportedContent.reading(type: kind, error: error))"
                + (windowText.isEmpty ? "" : "; " + windowText), lostNothing ? severity : .warning)
    }
}
