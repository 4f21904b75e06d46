public import KapsoClient

/// The 24-hour customer-service window of one (phone number, contact) pair, from every piece of evidence kops read:
/// Kapso's `kapso.last_inbound_at` on the pair's conversations and the pair's inbound messages themselves.
///
/// Kapso's summary can lag or be missing: the conversation's `kapso` block is `object|null` and its "timestamps may be
/// null" (kapso-api.md §8.3), so a null `last_inbound_at` means "not reported", not "never wrote". The newest inbound
/// message found wins, whichever source it came from; with no inbound time anywhere, the window is `noInbound` only
/// when the pair's inbound messages were listed and none was there, else `unknown`. Meta's window belongs to the
/// pair, across Kapso's conversations of it (kapso-api.md §8.3; docs/messages-trace-reply.md).
public struct ContactWindow: Sendable, Equatable {
    /// What the evidence says about the contact's last message to the number.
    public enum Evidence: Sendable, Equatable {
        /// The newest inbound time found (Unix seconds).
        case lastInbound(Int64)
        /// The pair's inbound messages were listed and held none, and no conversation reported one.
        case noInbound
        /// Nothing read says when the contact last wrote; the reason, e.g. `Kapso sent no last_inbound_at`.
        case unknown(String)
    }

    /// The contact's newest notification that they changed their number (`user_changed_number`), when no message they
    /// wrote from the old number came after it (a message without a number, e.g. a username-only sender filed in the
    /// same conversation, proves nothing about the old number): a message to the old number reaches nobody, or whoever
    /// holds it now. Meta: "The notification includes the new phone number" (`system.wa_id`; webhooks reference,
    /// …/whatsapp/webhooks/reference/messages/system/). A notice without `wa_id` (or the legacy `new_wa_id`) is a move
    /// all the same, with the new number not given (`number` nil; tester66 W1): the old number is no longer known to be
    /// theirs whether or not kops knows the new one.
    public struct Moved: Sendable, Equatable {
        /// The new number, digits; nil when the notice gives none in `wa_id`/`new_wa_id` (`notice` then holds its text).
        public var number: String?
        /// The notice's text (`system.body`) when it names no new number in a field, else nil.
        public var notice: String? = nil
        /// When the notification came (Unix seconds), nil when its time is unreadable.
        public var at: Int64?
        /// The numbers the contact moved through before `number`, oldest first, when the chain was followed
        /// (`followed(by:)`; probe28 P28-3: A→B→C was "write to B, they have not written from it").
        public var through: [Hop] = []
        /// True when the records of `number` were read, so `wroteAt` says whether they wrote from it.
        public var followed = false
        /// The contact's newest message written from `number`, when `followed` found one.
        public var wroteAt: Int64? = nil
        /// The API's clock when the records of `number` were read (`followed`), for whether `wroteAt` keeps its window open.
        public var readAt: Int64? = nil
        /// The newest send to the number the contact left that Meta reported reaching a device after the notice
        /// (`LaterReach`): someone holds that number, not necessarily the contact. Said beside the move, never instead.
        public var laterReach: LaterReach? = nil
        /// The notice's type as the data gives it (`WindowEvidence.noticeType`): `user_changed_number`, or the legacy
        /// `customer_changed_number` (tester66b X9).
        public var noticeType = "user_changed_number"

        /// A number the contact moved to and then left: when they moved to it and when they last wrote from it.
        public struct Hop: Sendable, Equatable {
            public var number: String
            public var at: Int64?
            public var wroteAt: Int64?
        }

        public init(number: String?, at: Int64?, notice: String? = nil, type: String? = nil) {
            self.number = number
            self.at = at
            self.notice = number == nil ? notice : nil
            if let type { noticeType = type }
        }
    }

    public var evidence: Evidence
    /// The contact's business-scoped user id was regenerated (`UserIDChange`); nil when not, or when the contact is
    /// read by a number or by the new id.
    public var userIDChanged: UserIDChange? = nil
    /// The moment the window is looked at (Unix seconds).
    public var at: Int64
    /// The contact's newest message written in a WhatsApp group (Unix seconds), when one was read: it opened the
    /// group's window, not this 1:1 window (`MessageOrigin`), so it is no evidence here and is only named.
    public var groupInbound: Int64? = nil
    public var moved: Moved? = nil
    /// The contact's reactions and actions among the messages read that a free-form send Meta refused for the window
    /// after them shows opened none (`WindowEvidence.refuted`), by message id: what `evidence(of:)` reads.
    public var refutedBy: [String: WindowEvidence.Refusal] = [:]
    /// The newest inbound message that is not the contact writing (`WindowEvidence`), when it is newer than the last
    /// message they wrote: `2026-11-21T11:00:00Z: a reaction removed, not a new message`. Named, never counted.
    public var notCounted: String? = nil
    /// The window left unknown by the contact's newest action Meta documents nothing on (`WindowEvidence.Unsettled`);
    /// the evidence is then `unknown`, said with what is known and what is safe.
    public var unsettled: WindowEvidence.Unsettled? = nil
    /// What the newest message the contact wrote (`messageInbound`) was when a reading leaning on it must say so
    /// (`WindowEvidence.countedNote`: `a reaction`); nil otherwise.
    public var lastInboundNote: String? = nil
    /// While the last message the contact wrote keeps the window open, their later action Meta documents nothing on, read
    /// as the window at its close (`WindowEvidence.Unsettled` at that time): after the close it is unknown (`closingSoon`).
    public var unsettledAtClose: WindowEvidence.Unsettled? = nil
    /// The newest readable time of a message the contact wrote 1:1 among the messages read (Unix seconds), nil when
    /// none was read: what confirms a window Kapso's `last_inbound_at` calls open (probe17 P17-10: a summary made
    /// "open" by a `user_changed_number` notification), as only a message the contact sent opens it.
    public var messageInbound: Int64? = nil
    /// True when the number has WhatsApp calling on (`PhoneNumber.callsEnabled`): a call from the contact opens or refreshes
    /// the window as a message does ("When a WhatsApp user messages you or calls you, a 24-hour timer called a customer
    /// service window starts. If the user messages or calls you again before the timer expires, the timer resets", Meta,
    /// Service messages, developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages), and
    /// kops reads no calls (the Platform API lists messages), so a window the messages show closed is said with that
    /// caveat (`callCaveat`), never as certain (probe21 P21-7). Off by default: a window of a number without calling is
    /// what the messages say.
    public var callsEnabled = false
    /// How Kapso's `last_inbound_at` was read when it was not the ISO-8601 Kapso documents (`… was a JSON number of Unix
    /// seconds, not …`), named in `text`; nil otherwise.
    public var lastInboundForm: String? = nil
    /// The sending number's own state when it is not CONNECTED (`SenderState`: its health, else Kapso's record), or that
    /// it is no number of this project now (`IDResolver.sendingFromFormer`), for `reply` to say before a send, and to
    /// refuse one from a number that cannot send (`SenderState.cannotSend`); nil otherwise or when neither was read.
    public var senderState: SenderState? = nil
    /// Where the contact wrote among the project's other numbers (`elsewhere`), read when this window is not open; nil
    /// otherwise.
    public var elsewhere: String? = nil
    /// `+14155550101 is this project's Sales Line; it has sent Support Line no message` when the contact is another of the
    /// project's own numbers (`ownNumber`), read when this window is not open; nil otherwise.
    public var ownNumber: String? = nil
    /// Meta's refusal for the window of the contact's newest free-form send, where kops's reading says open
    /// (`weighing(sends:phoneNumberID:contact:)`): `but Meta refused …`, said after the window; nil otherwise.
    public var refusedSince: String? = nil
    /// What reading the messages settled (`unconfirmed`); nil when they were not read.
    var inboundRead: InboundRead? = nil
    /// Why the contact's messages were not read, as the caller said (`unread`); nil otherwise.
    var unreadReason: String? = nil

    public init(evidence: Evidence, at: Int64) {
        self.evidence = evidence
        self.at = at
    }

    /// Reads the evidence for `contact` (digits or business-scoped user id) on `phoneNumberID`. The contact's
    /// conversations and messages are those `ContactNumber.same` says are the contact's (Brazil's and Mexico's two
    /// forms of one number included), and the messages of those conversations. Only a message the contact wrote 1:1
    /// at a readable time counts (`WindowEvidence`, `MessageTime`): a notification, a revoke, a removed reaction or a
    /// coexistence echo opens nothing, and a conversation's `last_inbound_at` that is the time of one does not count
    /// either (Kapso files them as inbound). A message the contact wrote in a group (`group_id`) opens the group's
    /// window, not the 1:1 one (Meta's Groups pricing: "a customer service window is opened between you and the entire
    /// group … different from 1:1 messaging"). A message the contact wrote whose time kops cannot read makes the window
    /// `unknown` unless a readable one already shows it open (another message can only keep it open longer).
    ///
    /// - Parameters:
    ///   - conversations: the pair's conversations that were read (others are ignored).
    ///   - reading: messages listed for the pair (`InboundReading`), nil when they were not listed (or the listing
    ///     failed); only inbound messages of this pair count. Its `complete` false when the listing stopped at a page
    ///     limit, so an empty result proves nothing.
    ///   - unread: why the messages were not listed, for the `unknown` reason.
    ///   - refusedSends: the contact's failed sends that were read (`needsRefusals`): one Meta refused for the window
    ///     after a reaction or action of theirs shows it opened none (`WindowEvidence.refuted`), as `trace` reads it.
    ///   - at: the API's clock (Unix seconds); a time more than `MessageTime.skew` ahead of it is unreadable.
    public init(
        phoneNumberID: String, contact: String, conversations: [Conversation], reading: InboundReading?, unread: String? = nil,
        refusedSends: [Message] = [], at: Int64
    ) {
        self.at = at
        let inbound = reading?.messages
        var newest: Int64?
        // The contact's digits and other forms found once for every conversation and message (tester63 AN7).
        let wanted = ContactNumber.Prepared(contact)
        let pairs = conversations.filter { conversation in
            conversation.phoneNumberID == phoneNumberID
                && ((conversation.contact ?? conversation.businessScopedUserID).map { ContactNumber.Prepared($0).isSame(as: wanted) } == true
                    || conversation.hasUserID(contact))
        }
        // A message in one of the pair's conversations is the contact's, whatever form its number has.
        let conversationIDs = Set(pairs.map(\.id))
        // And one written under the BSUID a conversation of the pair names, with no number (tester48 F5).
        let pairUserIDs = Set(pairs.compactMap(\.businessScopedUserID))
        var groupTimes: Set<Int64> = []
        var notWrittenTimes: Set<Int64> = []
        var newestNotWritten: (time: Int64, what: String)?
        var newestOfUnknownEffect: (time: Int64, what: String)?
        var unreadable: [String] = []
        var newestFromOld: Int64?
        var newestFromOldUserID: Int64?
        var read: [WindowEvidence] = []
        let byUserID = BusinessScopedUserID.isValid(contact)
        let refuted = WindowEvidence.refuted(among: inbound ?? [], by: refusedSends, now: at)
        refutedBy = refuted
        // Each message's side read once per number (`InboundReading.Facts`), as `isInbound`, `same` and `hasUserID` read it.
        for (message, fact) in zip(inbound ?? [], reading?.facts ?? [])
        where fact.isInbound && fact.phoneNumberID.map({ $0 == phoneNumberID }) ?? true
            && (fact.contact?.isSame(as: wanted) == true || fact.preparedUserID?.isSame(as: wanted) == true
                || fact.userID == contact || fact.parentUserID == contact || fact.conversationID.map(conversationIDs.contains) == true
                || (fact.contact == nil && fact.userID.map(pairUserIDs.contains) == true)
                || (byUserID && WindowEvidence(message, now: at).newUserID != nil
                    && (message.json["system"]?["body"]?.string?.contains(contact) ?? false)))
        {
            let evidence = refuted[message.id].map { WindowEvidence(message, now: at).settled(by: $0) } ?? WindowEvidence(message, now: at)
            read.append(evidence)
            switch evidence.kind {
            case .notWritten(let what):
                let time = evidence.time.seconds
                if let time {
                    notWrittenTimes.insert(time)
                    if time >= newestNotWritten?.time ?? .min { newestNotWritten = (time, what) }
                    if let effect = evidence.unknownEffect, time >= newestOfUnknownEffect?.time ?? .min { newestOfUnknownEffect = (time, effect) }
                }
                if evidence.leftNumber, (moved?.at ?? .min) <= (time ?? .max) {
                    moved = Moved(number: evidence.movedTo, at: time, notice: evidence.noticeBody, type: evidence.noticeType)
                }
                if byUserID, let new = evidence.newUserID, !ContactNumber.same(new, contact),
                    (userIDChanged?.at ?? .min) <= (time ?? .max)
                {
                    userIDChanged = UserIDChange(old: contact, new: new, at: time)
                }
            case .group:
                if let time = evidence.time.seconds { groupTimes.insert(time) }
            case .written:
                guard let time = evidence.time.seconds else {
                    if case .unreadable(let why) = evidence.time { unreadable.append("a message the contact wrote (\(message.id)) has no readable time: \(why)") }
                    continue
                }
                newest = max(newest ?? time, time)
                messageInbound = max(messageInbound ?? time, time)
                // Only a message written from the old number shows it is still theirs (probe19 P19-4): one without a
                // number (a username-only sender) or from another number, filed in the same conversation, does not.
                if byUserID || ContactNumber.same(message.contact, contact) { newestFromOld = max(newestFromOld ?? time, time) }
                // Only a message written with the old user id shows it still identifies them.
                if byUserID, message.userID.map({ ContactNumber.same($0, contact) }) ?? true {
                    newestFromOldUserID = max(newestFromOldUserID ?? time, time)
                }
            }
        }
        for conversation in pairs {
            // Read as every time kops is given is (ZonelessTime.read): a number or Unix seconds is read and named, a
            // present value kops cannot read is "unreadable", never "no inbound message" (probe28 P28-4, P28-5).
            let value = conversation.json["kapso"]?["last_inbound_at"]
            guard let reading = ZonelessTime.read(field: value) else { continue }
            let text = value?.string ?? value.map { $0.serialized() } ?? ""
            let time: Int64
            switch reading {
            case .time(let seconds, let form):
                time = seconds
                if let form { lastInboundForm = "Kapso's last_inbound_at \(ZonelessTime.shown(text)) was \(form), not the ISO-8601 Kapso documents" }
            case .problem, .notATime:
                unreadable.append(Self.unreadableSummary(text))
                continue
            }
            guard !groupTimes.contains(time), !notWrittenTimes.contains(time) else { continue }
            if time > at + MessageTime.skew {
                unreadable.append(
                    "Kapso's last_inbound_at \(text) is \(Elapsed.text(time - at)) ahead of the API's clock (\(KapsoTime.iso(at)))")
                continue
            }
            newest = max(newest ?? time, time)
        }
        groupInbound = groupTimes.max()
        // The newest notice moves them to the number looked at: it is theirs; never "write to" the number written to (P35-7).
        if let number = moved?.number, ContactNumber.same(number, contact) { moved = nil }
        if let newestFromOld, let movedAt = moved?.at, newestFromOld > movedAt { moved = nil }
        if !byUserID, let standing = moved {
            switch Moved.reading(of: contact, after: standing.at, messages: inbound ?? [], now: at) {
            case .stillTheirs: moved = nil
            case .left(let reach): moved?.laterReach = reach
            }
        }
        if let newestFromOldUserID, let changedAt = userIDChanged?.at, newestFromOldUserID > changedAt { userIDChanged = nil }
        unsettled = newestOfUnknownEffect.flatMap { WindowEvidence.Unsettled(action: $0.time, what: $0.what, lastWritten: newest, now: at) }
        if let action = newestOfUnknownEffect, let newest, ServiceWindow(lastInbound: newest, at: at).isOpen {
            unsettledAtClose = WindowEvidence.Unsettled(
                action: action.time, what: action.what, lastWritten: newest, now: newest + Conversation.windowSeconds)
        }
        if let other = newestNotWritten, other.time > (newest ?? .min), other.time != unsettled?.at {
            notCounted = "\(KapsoTime.iso(other.time)): \(other.what)"
        }
        unreadReason = unread
        lastInboundNote = WindowEvidence.countedNote(at: messageInbound, among: read)
        if let reading, unread == nil { inboundRead = reading.coverage(at: at) }
        let openNow = ServiceWindow(lastInbound: newest, at: at).isOpen
        if let reason = unreadable.first, !openNow {
            let readable = newest.map { "; the newest readable one is \(KapsoTime.iso($0)) (closed since \(KapsoTime.iso($0 + Conversation.windowSeconds)))" } ?? ""
            evidence = .unknown(reason + readable)
        } else if let unsettled {
            evidence = .unknown(unsettled.known)
        } else if let newest {
            evidence = .lastInbound(newest)
        } else if reading?.complete == true {
            evidence = .noInbound
        } else {
            let kapso = conversations.isEmpty ? "no conversation of the contact was found" : "Kapso sent no last_inbound_at"
            let messages = unread ?? (inbound == nil ? "the contact's messages were not read" : "the contact's messages were read only in part")
            evidence = .unknown(kapso + ", and " + messages)
        }
    }

    /// The last inbound message (Unix seconds), nil when none was found or it is unknown.
    public var lastInbound: Int64? {
        if case .lastInbound(let time) = evidence { return time }
        return nil
    }

    /// The window as a `ServiceWindow`, nil when unknown (a `noInbound` pair has one that never opened).
    public var window: ServiceWindow? {
        if case .unknown = evidence { return nil }
        return ServiceWindow(lastInbound: lastInbound, at: at)
    }

    /// True while a free-form message goes through; false when closed or unknown.
    public var isOpen: Bool { window?.isOpen ?? false }

    /// True when the evidence says the window is closed (not when it is unknown).
    public var isClosed: Bool { window.map { !$0.isOpen } ?? false }

    /// True when a message the contact wrote, among those read, keeps the window open at `at` by itself; false when
    /// only Kapso's `last_inbound_at` says open (or the window is not open).
    public var isOpenByMessage: Bool { ServiceWindow(lastInbound: messageInbound, at: at).isOpen }

    /// `unless the contact called since (calling is on for this number; kops cannot see calls)`, for a window the
    /// messages show closed on a number with calling on (`callsEnabled`); nil otherwise.
    public var callCaveat: String? {
        guard callsEnabled, isClosed else { return nil }
        return Self.callCaveat(since: lastInbound == nil ? nil : "since")
    }

    /// `unless the contact called since the send (calling is on for this number; kops cannot see calls)`: the one phrase
    /// of every view that says a window is closed, or that only a template goes through, on a number with calling on
    /// (`callCaveat`, `MessageVerdict.SendContext.callsEnabled`, `MessageError.fix(for:writtenSince:callsEnabled:)`;
    /// probe25 P25-16: `trace`, `message` and `errors` asserted what `conversation` and `reply` hedged). `since` is what
    /// the call would have come after (`since`, `since the send`), nil for none.
    public static func callCaveat(since: String?) -> String {
        "unless the contact called" + (since.map { " " + $0 } ?? "") + " (calling is on for this number; kops cannot see calls)"
    }

    /// `, unless they called`: `callCaveat` as a table cell ends (`conversations`' WINDOW column), with
    /// `callCellNote` under the table; nil when `callCaveat` is (an open window, a number without calling).
    public var callCellMark: String? { callCaveat == nil ? nil : ", unless they called" }

    /// The line under a table with a `callCellMark` cell: what the mark stands for.
    public static let callCellNote = "unless they called: calling is on for the number, and a call from the contact opens the "
        + "24-hour window as a message does; kops cannot see calls, so a window the messages show closed may be open"

    /// `2026-11-21T10:00:00Z`, `none found` or `unknown: ...`, for a "last inbound" field.
    public var lastInboundText: String {
        switch evidence {
        case .lastInbound(let time): KapsoTime.iso(time) + (time == messageInbound ? lastInboundNote.map { " (\($0))" } ?? "" : "")
        case .noInbound: "none found: the contact's messages to this number hold no inbound message"
        case .unknown(let reason):
            // The last message the contact wrote is known; the action after it is what leaves the window unknown.
            if let unsettled, let last = unsettled.lastWritten {
                "\(KapsoTime.iso(last)) (the last message the contact wrote; at \(KapsoTime.iso(unsettled.at)) came \(unsettled.what))"
            } else {
                "unknown: \(reason)"
            }
        }
    }

    /// `open until ... (2 h left)`, `closed since ... (28 h ago); only templates go through`, or why it is closed or
    /// unknown, for a "window" field; a group message of the contact is named as not counting.
    public var text: String {
        var text = evidenceText
        if let group = groupInbound {
            text += "; the contact's message in a WhatsApp group at \(KapsoTime.iso(group)) opened the group's window, not a 1:1 window with them"
        }
        if let notCounted { text += "; not counted: \(notCounted)" }
        if let lastInboundForm, lastInbound != nil { text += "; " + lastInboundForm + ", read as such" }
        if let moved { text += "; " + moved.text }
        if let refusedSince { text += "; " + refusedSince }
        return text
    }

    private var evidenceText: String {
        switch evidence {
        case .lastInbound(let last):
            // A state the messages read do not show is said as such, in every view (`unconfirmed`, probe37 P37-4).
            if let unsure = unconfirmedText { return unsure + (callCaveat.map { "; " + $0 } ?? "") }
            let closes = last + Conversation.windowSeconds
            return ServiceWindow(lastInbound: last, at: at).isOpen
                ? "open until \(KapsoTime.iso(closes)) (\(Elapsed.text(closes - at)) left)" + (openedByNote.map { "; " + $0 } ?? "")
                : "closed since \(KapsoTime.iso(closes)) (\(Elapsed.text(at - closes)) ago)\(callsEnabled ? " by the contact's messages" : ""); "
                    + "only templates go through" + (callCaveat.map { " " + $0 } ?? "")
        case .noInbound:
            return "closed: no \(groupInbound == nil ? "" : "1:1 ")inbound message from the contact to this number was found; "
                + "only templates go through" + (callCaveat.map { " " + $0 } ?? "")
        case .unknown(let reason):
            if let unsettled { return unsettled.text }
            return "unknown: \(reason); if it is closed, free-form messages fail with 131047"
        }
    }
}
