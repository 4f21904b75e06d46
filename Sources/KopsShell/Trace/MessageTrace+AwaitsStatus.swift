internal import KapsoClient
internal import KapsoDiagnostics

extension MessageTrace {
    /// True for an outbound message whose furthest status is `sent` or a word that waits for it (`pending`, `accepted`,
    /// `queued`): its verdict depends on whether Meta's statuses can reach Kapso.
    static func awaitsStatus(_ message: Message) -> Bool {
        guard message.isOutbound else { return false }
        switch StatusWord(StatusHistory(message: message).latest?.status ?? message.status) {
        case .sent, .waiting: return true
        default: return false
        }
    }
}
