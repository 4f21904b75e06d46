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

    /// Keeps the number's health read with the rest (`health`); for a message that awaits a status, whether Meta's
    /// statuses can reach Kapso for its number decides the verdict (`statusPath`, P19-3).
    mutating func read(health answer: Result<JSONValue, KapsoAPIError>) {
        health = answer.flatMap { json in
            Result { () throws(KapsoAPIError) in
                guard let object = json.object else {
                    throw .badResponse(status: 200, detail: "health response that is not an object", firstBytes: "")
                }
                return try PhoneNumberHealth(json: object)
            }
        }
        if Self.awaitsStatus(message), case .success(let read) = health {
            statusPath = MessageVerdict.StatusPath(HealthTriage(read))
        }
    }
}
