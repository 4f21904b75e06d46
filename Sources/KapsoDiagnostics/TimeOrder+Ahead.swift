public import KapsoClient

// MARK: - Messages stamped ahead of the API's clock

extension MessageTime {
    /// How far `message`'s `timestamp` is ahead of the API's clock `now` (seconds), when more than `skew`; nil otherwise
    /// or when `now` is unknown. Such a time is no time kops orders by (`MessageTime.unreadable`).
    public static func ahead(_ message: Message, now: Int64?) -> Int64? {
        guard let now, let seconds = KapsoTime.reading(timestamp: message.json["timestamp"], within: KapsoTime.plausible)?.seconds,
            seconds > now + skew
        else { return nil }
        return seconds - now
    }
}

extension TimeOrder {
    /// The line a list adds when messages on it are stamped ahead of the API's clock: `1 message is stamped ahead of the
    /// API's clock (wamid.A, 1 h): listed last, as kops orders by no time ahead of the API's; likely a device's or tool's
    /// clock, not when Meta received it ('trace wamid.A' says more)`; nil when none is (tester52 K6: such a message was
    /// listed last with no word). Hedged: the record does not say whose clock was wrong (probe9 P9-12, `MessageTime`).
    public static func aheadNote(_ messages: [Message], now: Int64?) -> String? {
        let ahead = messages.compactMap { message in MessageTime.ahead(message, now: now).map { (message.id, $0) } }
        guard let first = ahead.first else { return nil }
        let which = ahead.count == 1
            ? "1 message is stamped ahead of the API's clock (\(first.0), \(Elapsed.text(first.1)))"
            : "\(ahead.count) messages are stamped ahead of the API's clock (up to \(Elapsed.text(ahead.map(\.1).max() ?? first.1)))"
        return which + ": listed last, as kops orders by no time ahead of the API's; likely a device's or tool's clock (clock "
            + "skew), not when Meta received it ('trace \(first.0)' says more)"
    }
}
