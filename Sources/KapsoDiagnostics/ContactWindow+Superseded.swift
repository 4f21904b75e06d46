public import KapsoClient

// MARK: - What a number-change notice no longer says

extension ContactWindow.Moved {
    /// What the records after a notice that the contact left `old` (`user_changed_number`) say of `old` (`reading`).
    public enum OldNumber: Sendable, Equatable {
        /// The contact wrote from `old` after the notice: `old` is theirs again, and the notice no longer stands.
        case stillTheirs(since: Int64)
        /// The notice stands; `laterReach` is the newest send to `old` Meta reported reaching a device after it, if any.
        case left(laterReach: LaterReach?)
    }

    /// A send to the number the contact left that Meta reported `delivered`, `read` or `played` after the notice.
    public struct LaterReach: Sendable, Equatable {
        /// The old number (digits), the newest such status word and its time (Unix seconds).
        public var number: String
        public var status: String
        public var at: Int64
        /// Every send to `old` that reached a device after the notice (a 131026 on one of them is contradicted by its own
        /// later status, so it is not read as the move: `sendAfterMove`).
        public var messageIDs: Set<String>
        /// True when every such status is stamped ahead of the API's clock (`StatusHistory.Event.ahead`): `at` is then a
        /// tool's or device's clock, named as a time kops cannot trust (tester56 Z7).
        public var untrusted = false

        public init(number: String, status: String, at: Int64, messageIDs: Set<String>) {
            self.number = number
            self.status = status
            self.at = at
            self.messageIDs = messageIDs
        }

        /// `a message to +14155550171 after the notice was read at 2026-11-21T10:16:05Z: whoever holds +14155550171 read
        /// it, not necessarily the contact`: the one phrase `reply`, `trace`, `errors` and `whois` say beside the move.
        public var text: String {
            let old = "+" + number
            let what = switch StatusWord(status) {
            case .read: "whoever holds \(old) read it"
            case .played: "whoever holds \(old) played it"
            default: "it reached whoever holds \(old)"
            }
            let when = untrusted
                ? "at a time kops cannot trust (stamped \(KapsoTime.iso(at)), ahead of the API's clock)" : "at \(KapsoTime.iso(at))"
            return "a message to \(old) after the notice was \(status) \(when): \(what), not necessarily the contact"
        }
    }

    /// The one reading of a contact's move A→B against what came after the notice, asked by every reader of a move
    /// (`ContactWindow`, `IDResolver.replacement`, and so `reply`, `whois`, `trace` and `errors`; probe32 P32-2,
    /// session 36).
    ///
    /// - A message the contact wrote from `old` after `movedAt` is the newer fact: `stillTheirs` (P32-2: five messages
    ///   from the "old" number after the notice). A conversation's `kapso.last_inbound_at` is not: a message written
    ///   without the number (a username-only sender, P19-4) filed in that conversation moves it too, and `reply` never
    ///   read it so (session 36: `whois` did, and said the number still reached the contact).
    /// - A send to `old` that Meta reported `delivered`, `read` or `played` after the notice does not undo it: the notice
    ///   stands, and the send is named beside it (`left(laterReach:)`). Meta's notice means "the user changed their phone
    ///   number and the new number can be shared with you" (System messages webhook reference, `user_changed_number`,
    ///   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/system/);
    ///   a status says only that the message was delivered to, or "displayed (i.e. read) in the WhatsApp client on", "a
    ///   WhatsApp user's device" (status messages webhook reference,
    ///   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/,
    ///   read in its copy at support.chatarchitect.com/books/meta-whatsapp/page/
    ///   status-messages-webhook-reference-developer-documentation; Kapso's `whatsapp.message.read` is "fired when the
    ///   recipient reads your message", https://docs.kapso.ai/docs/platform/webhooks/message-events), not whose; and
    ///   WhatsApp tells users that "it is a common practice for mobile providers to recycle numbers, you should expect
    ///   that your former number will be reassigned" (https://www.whatsapp.com/faq/en/general/28030001). So a read on
    ///   `old` proves someone holds it, not that it is the contact (session 35: `errors` and `whois` said it still reached
    ///   them, `trace` and `reply` that it was no longer theirs, of one seed).
    ///
    /// Nothing stands against a notice without a time (`left(laterReach: nil)`). A status stamped ahead of the API's clock
    /// `now` (`StatusHistory.Event.ahead`: a tool's or device's clock, as `trace` says of it) is evidence only when no other
    /// is, and its time is then said as untrusted (tester56 Z7: the verdicts quoted a delivery 3 days ahead as the time).
    public static func reading(of old: String, after movedAt: Int64?, messages: [Message], now: Int64? = nil) -> OldNumber {
        guard let movedAt else { return .left(laterReach: nil) }
        var wrote: Int64?
        var reach: LaterReach?
        var aheadReach: LaterReach?
        for message in messages {
            if message.isInbound {
                let evidence = WindowEvidence(message, now: nil)
                guard case .written = evidence.kind else { continue }
                // Only a message written from the old number counts, not one without it filed in the same conversation
                // (a username-only sender, P19-4).
                if ContactNumber.same(message.contact, old), let time = evidence.time.seconds, time > movedAt {
                    wrote = max(wrote ?? time, time)
                }
            } else if message.isOutbound, ContactNumber.same(message.contact, old) {
                for event in StatusHistory(message: message, now: now).events
                where StatusWord(event.status).reachedDevice && (event.recipient.map { ContactNumber.same($0, old) } ?? true) {
                    guard let time = event.time, time > movedAt else { continue }
                    let found = event.ahead == nil ? reach : aheadReach
                    var next = found ?? LaterReach(number: old.filter(\.isNumber), status: event.status, at: time, messageIDs: [])
                    if time >= next.at { (next.status, next.at) = (event.status, time) }
                    next.messageIDs.insert(message.id)
                    if event.ahead == nil { reach = next } else { aheadReach = next }
                }
            }
        }
        if let wrote { return .stillTheirs(since: wrote) }
        if var reach {
            reach.messageIDs.formUnion(aheadReach?.messageIDs ?? [])
            return .left(laterReach: reach)
        }
        aheadReach?.untrusted = true
        return .left(laterReach: aheadReach)
    }

    /// The newest of two readings of later sends to the old number (one per listing read), their messages together.
    public static func newer(_ one: LaterReach?, _ other: LaterReach?) -> LaterReach? {
        guard let one, let other else { return one ?? other }
        // A time kops can trust before one stamped ahead of the API's clock, however late that one claims to be.
        var newest = one.untrusted != other.untrusted ? (one.untrusted ? other : one) : one.at >= other.at ? one : other
        newest.messageIDs = one.messageIDs.union(other.messageIDs)
        return newest
    }
}

extension ContactWindow.Moved {
    /// This move followed to the records of `number` (`next`, the window read for it): whether the contact wrote from
    /// it since the move, and its own move when they left it too (already followed). Kapso files a contact's messages per
    /// number (kapso-api.md §8.3 `phone_number`), so their messages from the new number sit in another conversation.
    ///
    /// Nil when the chain returns to `origin`, the number looked at: the newest notice moves them back to it, so it is
    /// theirs again (probe32 P32-2: A→B→A sent the user round in a circle). A move out of `number` older than this move
    /// into it is an earlier notice that this one superseded, not a next step (P28-3's chain read it as A→B→A→B).
    public func followed(by next: ContactWindow, from origin: String) -> Self? {
        guard let number else { return self }
        var moved = self
        moved.followed = true
        moved.readAt = next.at
        // A message written before they moved to `number` says nothing of writing from it since.
        moved.wroteAt = next.messageInbound.flatMap { wrote in at.map { wrote > $0 } ?? true ? wrote : nil }
        guard var further = next.moved, (further.leftAt ?? .max) >= (at ?? .min),
            !(further.through.map(\.number) + [further.number]).contains(where: { ContactNumber.same($0, number) })
        else { return moved }
        if ContactNumber.same(further.number, origin) { return nil }
        further.through = moved.through + [Hop(number: number, at: at, wroteAt: moved.wroteAt)] + further.through
        further.laterReach = moved.laterReach
        return further
    }
}
