internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// The conclusion about the message (KapsoDiagnostics computes it).
    func verdict(now: Int64) -> MessageVerdict {
        // The verdict's next step is one that works here: no 'logs search' when the search said it cannot (P17-13).
        let search: LogSearchAccess =
            switch metaEvents {
            case .loaded(.events): .available
            case .loaded(.unavailable): .notEnabled
            case .failed: .notAsked
            }
        var verdict = MessageVerdict.of(
            message, windowAtSend: windowAtSend, newestInbound: newestInbound, moved: moved, now: now, logSearch: search,
            statuses: statusPath, reach: reach, callsEnabled: callsEnabled, contactWindow: contactWindow, later: later,
            recovered: recovered, templates: templates, reactionTarget: reactionTarget, unsettled: unsettled, newestNote: newestNote,
            contactUserIDs: contactUserIDs, prepended: prepended, replies: replies)
        // A reaction stamped before the message it reacts to: its time, and the window from it, are hedged (tester66b X11).
        if let reactionStamp {
            verdict.text += "; this reaction is \(reactionStamp.note), so the window from its time is the least it opened"
            if verdict.severity == .good { verdict.severity = .warning }
        }
        return verdict
    }
}
