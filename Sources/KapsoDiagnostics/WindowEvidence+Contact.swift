public import KapsoClient

/// The contact's window as every view of one message reads it: from the contact's newest message they wrote, not from
/// the message looked at alone (probe21 P21-1: `message` said "open for 10 min more" from a message 23 h 50 min old while
/// `trace`, reading the contact's later messages, said 23 h 57 min). Meta's window runs 24 hours from the customer's last
/// message and is refreshed by each new one (developers.facebook.com/docs/whatsapp/pricing, customer service windows;
/// kapso-api.md §8.3: "open while now − last inbound < 24 h").
extension WindowEvidence {
    /// True when `other` is an inbound message of `message`'s contact other than `message` itself: the same number (either
    /// form of a Brazilian or Mexican one), the same business-scoped user id, or a message of the same conversation. With
    /// neither a number nor a user id on `message`, every inbound message listed counts (the listing was of its
    /// conversation).
    public static func sameContact(_ other: Message, as message: Message) -> Bool {
        guard other.isInbound, other.id != message.id else { return false }
        if message.contact == nil && message.userID == nil { return true }
        return ContactNumber.same(other.contact, message.contact) || ContactNumber.same(other.userID, message.userID)
            || (other.conversationID != nil && other.conversationID == message.conversationID)
    }

    /// The newest readable time (Unix seconds) of a message the contact wrote 1:1 (`opens`), among `message` and the
    /// contact's messages in `listed` (an inbound listing of the number and contact, any order); nil when none has one.
    public static func newestWritten(by message: Message, among listed: [Message], now: Int64) -> Int64? {
        let others = listed.filter { sameContact($0, as: message) }.compactMap { WindowEvidence($0, now: now).opens }
        return (others + [WindowEvidence(message, now: now).opens].compactMap { $0 }).max()
    }

    /// The newest readable time (Unix seconds) of a message the contact wrote 1:1 (`opens`) among the contact's messages
    /// in `listed`, at or before `sentAt` (up to `SendWindow.clockSkew` after it: two clocks stamp the two); nil when none.
    /// The window at a send as `trace` reads it (`MessageTrace.windowAtSend`), for `errors` (P32-4).
    public static func lastWritten(by message: Message, before sentAt: Int64, among listed: [Message], now: Int64) -> Int64? {
        lastWrittenMessage(by: message, before: sentAt, among: listed, now: now).flatMap { WindowEvidence($0, now: now).opens }
    }

    /// The contact's message in `listed` with the newest readable time (`opens`) at or before `at` plus `skew`, nil when
    /// none: chosen by the time kops reads (`MessageTime`: 13 digits of milliseconds divided, a time ahead of the API's
    /// clock unreadable), never by its place in the list or its raw value (probe46 P46-7: an inbound stamped in
    /// milliseconds, 48 h old, listed first and taken as the last one, while the contact wrote 1 h before the send).
    /// `skew` is `SendWindow.clockSkew` for a send (two clocks stamp the two), 0 for a message the contact wrote.
    public static func lastWrittenMessage(
        by message: Message, before at: Int64, skew: Int64 = SendWindow.clockSkew, among listed: [Message], now: Int64
    ) -> Message? {
        lastWrittenReading(by: message, before: at, skew: skew, among: listed, now: now)?.message
    }

    /// `lastWrittenMessage` with the time it was read at (`opens`, Unix seconds).
    public static func lastWrittenReading(
        by message: Message, before at: Int64, skew: Int64 = SendWindow.clockSkew, among listed: [Message], now: Int64
    ) -> (message: Message, opens: Int64)? {
        var newest: (message: Message, opens: Int64)?
        for other in listed where sameContact(other, as: message) {
            guard let time = WindowEvidence(other, now: now).opens, time <= at + skew, time > newest?.opens ?? .min else { continue }
            newest = (other, time)
        }
        return newest
    }
}
