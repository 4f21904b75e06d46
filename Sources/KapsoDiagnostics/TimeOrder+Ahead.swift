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
        var tally = AheadTally()
        tally.add(messages, now: now)
        return tally.note
    }

    /// What `aheadNote` says of the messages stamped ahead of the API's clock, kept as counts for a list read page by page
    /// (`messages --all`): how many, the first one's WAMID and lead, the largest lead; never the messages (tester63 AN13:
    /// the stream kept every such message, its memory growing with the list).
    public struct AheadTally: Sendable, Equatable {
        public private(set) var count = 0
        /// The first such message's id.
        public private(set) var firstID: String?
        /// How far ahead the first one is (seconds).
        public private(set) var firstLead: Int64 = 0
        /// The largest lead seen (seconds).
        public private(set) var largest: Int64 = 0

        public init() {}

        /// Counts the messages of `messages` stamped ahead of `now` (`MessageTime.ahead`).
        public mutating func add(_ messages: [Message], now: Int64?) {
            guard now != nil else { return }
            for message in messages {
                guard let lead = MessageTime.ahead(message, now: now) else { continue }
                if count == 0 { (firstID, firstLead) = (message.id, lead) }
                count += 1
                largest = max(largest, lead)
            }
        }

        /// `aheadNote`'s line for the messages counted; nil when none was ahead.
        public var note: String? {
            guard let firstID else { return nil }
            let which = count == 1
                ? "1 message is stamped ahead of the API's clock (\(firstID), \(Elapsed.text(firstLead)))"
                : "\(count) messages are stamped ahead of the API's clock (up to \(Elapsed.text(largest)))"
            return which + ": listed last, as kops orders by no time ahead of the API's; likely a device's or tool's clock (clock "
                + "skew), not when Meta received it ('trace \(firstID)' says more)"
        }
    }
}
