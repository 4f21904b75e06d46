public import KapsoClient

/// What happened after a send that speaks of its delivery, beyond its own statuses: the contact quoted it or reacted to
/// it, a later send from the same number to the same contact reached their phone, or the contact wrote in after it. The
/// one reading `trace` and `message` give a send whose statuses stop at `sent` (or at `delivered`), so that neither says
/// "the phone may be offline or the contact blocked you" of a message the contact answered (probe39 P39-1).
///
/// Sources:
/// - a quoted reply's `context.id` is "the message ID for the sent message for an inbound reply" (Meta's messages webhook
///   reference; the contextual bubble quotes it, developers.facebook.com/documentation/business-messaging/whatsapp/
///   messages/contextual-replies), and a reaction's `reaction.message_id` names "the message the customer reacted to"
///   (reaction webhook): a contact can only quote or react to a message their phone has, so it was delivered and seen;
/// - a message stays at `sent` while the phone is offline (Meta retries it for its time-to-live) or when the contact has
///   blocked the business number; no `read` comes when the contact turned read receipts off (Meta, "Message Not
///   Delivered", developers.facebook.com/docs/whatsapp/cloud-api/support; YCloud's status-webhook guide,
///   docs.ycloud.com/en/api-reference/guides/examples/webhook-examples/whatsapp-message-updated-webhook-examples);
/// - what is sent while a contact blocks you is never delivered to them, even after they unblock (WhatsApp Help Center,
///   "How to block and report contacts", faq.whatsapp.com): a later delivery or a message from the contact shows the phone
///   online and the number not blocked *then*, so an earlier `sent` is either a status that never reached Kapso or a
///   send made while blocked — never "offline" alone. Only within Meta's time-to-live (30 days, `MessageVerdict
///   .timeToLive`) of the send: a phone offline past it drops the message, and a later delivery says nothing of it then.
public struct LaterEvidence: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The contact replied quoting the message (`context.id`).
        case quoted
        /// The contact reacted to the message (`reaction.message_id`).
        case reacted
        /// A later send from the same number to the same contact reached their phone: the status word (`delivered`, `read`).
        case laterReached(String)
        /// The contact wrote in after the send.
        case wroteAfter
    }

    public var kind: Kind
    /// When it happened (Unix seconds).
    public var at: Int64
    /// The WAMID of the message that shows it (the quote, the reaction, the later send, the contact's message).
    public var messageID: String
    /// For a quote or reaction stamped more than `MessageTime.skew` before the send it names (seconds): one of the two
    /// times is wrong, since a contact quotes or reacts only to a message their phone has; the evidence stands, its time
    /// is not stated as the contact's (real-world cases, a reaction stamped 28 min before the message it reacts to).
    public var stampedBeforeSend: Int64?

    public init(kind: Kind, at: Int64, messageID: String) {
        self.kind = kind
        self.at = at
        self.messageID = messageID
    }

    /// True when the evidence is about this very message (a quote or reaction): it reached the contact's phone.
    public var reachedThisMessage: Bool { kind == .quoted || kind == .reacted }

    /// How long kops waits, after the send and after the later event, before a later send to the contact that reached
    /// their phone, or a message they wrote, counts as evidence that this send's own delivered status is missing: 15
    /// minutes, kops's choice (the wait it gives a waiting word too, `MessageVerdict.normalWait`). Nothing documents how
    /// late a status webhook can come: Meta gives no order for its notifications (status webhooks are not guaranteed in
    /// order, "especially when the events occur almost simultaneously", YCloud's status-webhook guide,
    /// docs.ycloud.com/reference-link/whatsapp-message-updated-webhook-examples; the case file's H22, statuses stored out
    /// of order), Kapso holds an out-of-order delivery up to 30 s (kapso-api.md §10.4), and a phone coming online takes
    /// its queued messages one after another, so a later send delivered first says nothing of this one for a while
    /// (probe46 P46-8: a send 5 s old was called "never reached Kapso, or sent while blocked").
    public static let lateStatusGrace: Int64 = 15 * 60

    /// `of(_:among:now:)` for a send that failed: only a quote or reaction of it speaks for it, since a contact quotes or
    /// reacts only to a message their phone has (tester48 F9); a later send or message leaves the failure's own reading,
    /// so nil. `trace` and `message` read a failed send by this one rule.
    public static func ofFailedSend(_ sent: Message, among listed: [Message], now: Int64) -> LaterEvidence? {
        of(sent, among: listed, now: now).flatMap { $0.reachedThisMessage ? $0 : nil }
    }

    /// The strongest evidence about `sent` (an outbound 1:1 send) among `listed` (the contact's messages on the number, in
    /// either direction, any order), read at the API's clock `now` (Unix seconds): a quote or reaction of it first, then
    /// the earliest later send to the contact that reached their phone, then the earliest message the contact wrote after
    /// it (both within 30 days of the send, and only once `lateStatusGrace` has passed since the send and since that
    /// event); nil when none, for an inbound message, a send to a group, a coexistence echo or imported history (not Cloud
    /// API sends), or one without a readable time. Every time is read as kops reads it elsewhere (`MessageTime`,
    /// `StatusHistory.Event.ahead`): one ahead of the API's clock is no time, and no evidence (P46-8: a later send stamped
    /// an hour ahead was used).
    public static func of(_ sent: Message, among listed: [Message], now: Int64) -> LaterEvidence? {
        guard sent.isOutbound, MessageOrigin(sent).sentToGroup == nil, WindowEvidence(sent, now: nil).appOrigin == nil else { return nil }
        let own = listed.filter { $0.id != sent.id && samePair($0, sent) }
        let sentTime = MessageTime(sent, now: now).seconds
        let answers = own.filter(\.isInbound).compactMap { message -> LaterEvidence? in
            guard let at = MessageTime(message, now: now).seconds else { return nil }
            var evidence: LaterEvidence
            if let quoted = message.quotedID, StatusHistory.namesSameMessage(quoted, sent.id) {
                evidence = LaterEvidence(kind: .quoted, at: at, messageID: message.id)
            } else if message.type == "reaction", let target = message.json["reaction"]?["message_id"]?.string,
                StatusHistory.namesSameMessage(target, sent.id)
            {
                evidence = LaterEvidence(kind: .reacted, at: at, messageID: message.id)
            } else {
                return nil
            }
            if let sentTime, sentTime - at > MessageTime.skew { evidence.stampedBeforeSend = sentTime - at }
            return evidence
        }
        if let first = answers.min(by: { $0.at < $1.at }) { return first }
        guard let sentAt = MessageTime(sent, now: now).seconds, now - sentAt >= lateStatusGrace else { return nil }
        // The event itself must be old enough too: this send's own status may still be on its way (P46-8).
        let settled = { (at: Int64) in now - at >= lateStatusGrace }
        let reached = own.filter(\.isOutbound).compactMap { message -> LaterEvidence? in
            let history = StatusHistory(message: message, now: now)
            guard let time = MessageTime(message, now: now).seconds, time > sentAt, time - sentAt <= MessageVerdict.timeToLive,
                MessageOrigin(message).sentToGroup == nil,
                WindowEvidence(message, now: nil).appOrigin == nil,
                // Its status stamped after this send: a delivery stamped before it says nothing of the phone then, however
                // late the message's own time (tester54 V1: "a later message … was delivered at" 53 min before this send).
                let event = history.events.first(where: { event in
                    StatusWord(event.status).reachedDevice && event.ahead == nil && event.time.map { $0 > sentAt } == true
                }),
                let at = event.time, settled(at)
            else { return nil }
            let furthest = history.latest?.status ?? event.status
            return LaterEvidence(kind: .laterReached(StatusWord(furthest).reachedDevice ? furthest : event.status), at: at, messageID: message.id)
        }
        if let first = reached.min(by: { $0.at < $1.at }) { return first }
        let wrote = own.compactMap { message -> LaterEvidence? in
            guard let at = WindowEvidence(message, now: now).opens, at > sentAt, at - sentAt <= MessageVerdict.timeToLive, settled(at)
            else { return nil }
            return LaterEvidence(kind: .wroteAfter, at: at, messageID: message.id)
        }
        return wrote.min(by: { $0.at < $1.at })
    }

    /// The same business number (when both name one) and the same contact (either form of their number, or their user id).
    static func samePair(_ other: Message, _ sent: Message) -> Bool {
        if let a = other.phoneNumberID, let b = sent.phoneNumberID, a != b { return false }
        let contact = sent.json["to"]?.string ?? sent.contact
        let otherContact = other.isInbound ? other.contact : other.json["to"]?.string ?? other.contact
        return ContactNumber.same(otherContact, contact) || ContactNumber.same(other.userID, sent.userID)
    }

    /// `the contact quoted it at 2026-11-21T10:10:30Z (wamid.…)`: what was seen, for a verdict.
    public var seen: String {
        let time = KapsoTime.iso(at)
        switch kind {
        case .quoted, .reacted:
            let what = kind == .quoted ? "the contact replied quoting it" : "the contact reacted to it"
            guard let early = stampedBeforeSend else { return "\(what) at \(time) (\(messageID))" }
            return "\(what) (\(messageID), stamped \(time), \(Elapsed.text(early)) before this message was sent: one of the two "
                + "times is wrong)"
        case .laterReached(let status):
            return "a later message to the same contact from this number (\(messageID)) was \(status == "delivered" ? "delivered" : "delivered and \(status)") at \(time)"
        case .wroteAfter: return "the contact wrote to this number at \(time), after it (\(messageID))"
        }
    }

    /// The verdict on a send whose furthest status is `sent`, given this evidence; `closed` is why Meta's statuses cannot
    /// reach Kapso when the number's health says so (nil otherwise). The next step names `logs search` only where it may
    /// work (`logSearch` not `.notEnabled`, as `LogSearchAccess.sendEvidence` does; probe39: it was named where search was off).
    public func sentVerdict(_ message: Message, closed: (cause: String, fix: String)?, logSearch: LogSearchAccess = .notAsked) -> String {
        let search = logSearch == .notEnabled
            ? "Meta's webhooks to Kapso are only in log search, which this project cannot use, so Kapso support can look them "
                + "up by the WAMID"
            : "'logs search --around \(message.id)'"
        let missing = closed.map { "its statuses cannot reach Kapso: \($0.cause) (health); \($0.fix)" }
            ?? "check that Meta's status webhooks reach Kapso for this number ('health \(message.phoneNumberID ?? "ID")': "
                + "webhook_subscription; \(search))"
        if reachedThisMessage {
            return "sent, and no delivery report reached Kapso, yet \(seen): it was delivered and seen, so its delivered and "
                + "read statuses are missing, not the message; \(missing)"
        }
        return "sent, and no delivery report reached Kapso, yet \(seen): the contact's phone was online and this number "
            + "not blocked then, so either this message's delivered status never reached Kapso (\(missing)), or it was sent "
            + "while the contact had this number blocked (what is sent then is never delivered)"
    }

    /// The short reading a list (`messages`) and `whois` give after a send's furthest status `word` (`sent`, `delivered`),
    /// `yet …` or `and …`:
    /// the same facts `sentVerdict` and `deliveredVerdict` state, so no view leaves a bare `sent` to read as "phone offline
    /// or blocked" once the contact answered (probe39 P39-1). Nil when this evidence changes nothing for that word.
    public func note(for word: StatusWord) -> String? {
        switch word {
        case .sent where reachedThisMessage:
            return "yet \(seen): it was delivered and seen; its delivered and read statuses never reached Kapso"
        case .sent:
            return "yet \(seen): not the phone being offline; its delivered status never reached Kapso, or it was sent while the "
                + "contact had this number blocked"
        case .delivered where reachedThisMessage:
            return "and \(seen): they saw it (no read status came: read receipts may be off)"
        case .failed where reachedThisMessage:
            return "yet \(seen): it reached their phone all the same; do not resend it"
        default:
            return nil
        }
    }

    /// `note(for:)` for `message` (an outbound send at `sent` or `delivered`) among `listed` (messages read with it, any
    /// order) at the API's clock `now`; nil for anything else, a reaction (its `sent` is final: Meta reports nothing more
    /// for reactions) or no evidence. The step is the further of the history's and Kapso's `kapso.status` (the message's
    /// status, kapso-api.md §7.3; `statuses[]` are the raw events and may miss some), as `trace` reads it: a message Kapso
    /// marks `read` whose history stops at `sent` is read, not stuck at sent (tester52 H2: `messages` said "read, yet …
    /// its delivered status never reached Kapso, or it was sent while the contact had this number blocked").
    public static func note(_ message: Message, among listed: [Message], now: Int64) -> String? {
        guard message.isOutbound, message.type != "reaction" else { return nil }
        let word = furthest(message)
        guard word == .sent || word == .delivered || word == .failed else { return nil }
        return of(message, among: listed, now: now)?.note(for: word)
    }

    /// The history's latest step, or Kapso's `kapso.status` when that is further along (`delivered`, `read`, `played`
    /// over `sent` or `delivered`; `failed` over any step before it): a message Kapso marks `failed` whose history stops
    /// at `sent` is failed, as `trace` reads it (`MessageVerdict.incomplete`), not stuck at sent (tester52b K11).
    static func furthest(_ message: Message) -> StatusWord {
        let history = StatusWord(StatusHistory(message: message).latest?.status ?? message.status)
        let kapso = StatusWord(message.status)
        guard kapso.reachedDevice || kapso == .failed, let ahead = kapso.rank, let behind = history.rank, behind < ahead
        else { return history }
        return kapso
    }

    /// The verdict on a failed send the contact quoted or reacted to (nil otherwise): `failure` (`a failed 131000`) was
    /// recorded, yet the message is on their phone, so a resend is a duplicate (an OTP's second code), whatever the code
    /// advises (tester48 F9).
    public func failedVerdict(_ failure: String) -> String? {
        guard reachedThisMessage else { return nil }
        return "\(failure) was recorded, yet \(seen): a contact can only quote or react to a message their phone has, so it "
            + "reached them all the same; do not resend it (a resend is a duplicate)"
    }

    /// The verdict on a send delivered with no read status, when the contact quoted or reacted to it (nil otherwise):
    /// they saw it, and Meta sends no `read` when the contact has read receipts off, so "not read yet" would be false.
    public func deliveredVerdict(after: String) -> String? {
        guard reachedThisMessage else { return nil }
        return "delivered\(after), and \(seen): they saw it; no read status came (Meta sends none when the contact has "
            + "read receipts off)"
    }
}
