internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// The 24-hour window as it was when the message was sent or received.
    var windowAtSend: ServiceWindow? {
        guard let time = message.time else { return nil }
        switch lastInboundBefore {
        case .loaded(let inbound):
            var window = ServiceWindow(lastInbound: inbound?.time, at: time)
            window.lastInboundNote = inbound.flatMap { WindowEvidence($0, now: nil).countedNote }
            return window
        case .failed: return nil
        }
    }

    /// The conversation's `kapso.last_inbound_at` (Unix seconds), Kapso's own reading of the window
    /// (`SendWindow.openByKapso`); nil when not loaded or absent.
    var kapsoLastInbound: Int64? {
        guard case .loaded(let conversation) = conversation else { return nil }
        return conversation.lastInboundAt.flatMap { KapsoTime.seconds(iso: $0) }
    }
}
