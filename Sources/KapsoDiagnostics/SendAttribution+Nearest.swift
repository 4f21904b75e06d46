public import KapsoClient

/// Which of several messages close in time a webhook delivery or a send call belongs to (probe44 P44-2; the rule is
/// `TimeMatch`'s, tester51 G13).
///
/// The delivery log and the API log carry no WAMID (kapso-api.md §4, §5), so `trace` finds a message's rows by number,
/// contact, event and time. When other messages fall in the span where the traced message's rows would be (for deliveries:
/// of the same number and contact, the same way, that had the event; for send calls: the number's other sends Meta
/// accepted), the rows are shared out by `TimeMatch`: one row to one message, in order; a row left over goes to the
/// message nearest it. A row nearer to another message (by more than `TimeMatch.margin` for deliveries) is that message's:
/// it is left out of the traced one's (with a line saying so when that leaves it none of the event), and the "no delivery"
/// or "no send call" reading speaks for the message left without. A row about as near to the traced message as to another
/// (two messages that second or the next) stays listed with a line that it may be the other's: they cannot be told apart,
/// and a failed one is never called this message's (`failedNote`). A row kept while a message that could have had it got
/// none is listed with a note: there are fewer rows than messages. A webhook that batches an event (`buffer_enabled`,
/// `buffer_events`, kapso-api.md §10.5) sends one delivery for several messages, so its deliveries of that event are not
/// shared out.
extension SendAttribution {
    /// What `trace` read around the message, that its own rows are told apart from.
    public struct Neighbours: Sendable {
        /// Messages of the traced message's number as listed (any contact, either way); the traced one is skipped by WAMID.
        public var messages: [Message]
        /// Deliveries read around the message's time (any event and contact): the other messages' own are among them.
        public var deliveries: [WebhookDelivery]
        /// Send calls read around the message's time (`sendScope(of:phoneNumberID:)` not nil).
        public var calls: [APILog]
        /// Webhook id → the events it batches (`WebhookPayloadShape.batchedEvents`).
        public var batched: [String: Set<String>]

        public init(
            messages: [Message] = [], deliveries: [WebhookDelivery] = [], calls: [APILog] = [], batched: [String: Set<String>] = [:]
        ) {
            self.messages = messages
            self.deliveries = deliveries
            self.calls = calls
            self.batched = batched
        }
    }

    /// A row left out as another message's: when it was created, what it was (an event name, or `send call`) and the
    /// time of the message nearer to it (Unix seconds). `otherContact`: that message is another contact's (both without
    /// a phone number, `mayShareRows`). `unsure`: the traced message got no row of its own and the row falls in its span,
    /// so the row may be its own after all: the other message's trace lists it as "may be the other message's" (tester53b
    /// U13: one trace sent the on-call to Kapso support about the row the other called ambiguous).
    public struct Nearer: Sendable, Equatable {
        public var row: Int64
        public var what: String
        public var other: Int64
        public var otherContact = false
        public var unsure = false
    }

    /// Rows kept as the message's although fewer rows than messages fit the span: what (an event name or `send call`),
    /// how many rows and how many messages; `otherContacts`: some of those messages are other contacts' (without a number).
    public struct Shared: Sendable, Equatable {
        public var what: String
        public var rows: Int
        public var messages: Int
        public var otherContacts = false
    }

    /// Where a send call went: the traced number's own path, or a path that names no number (`/v1/messages`).
    public enum SendScope: Sendable, Equatable {
        case number
        case unnamed
    }

    /// Seconds after a message's last status a delivery of it may still be created (MessageTrace's horizon).
    public static let deliverySpan: Int64 = 600

    /// `.number` for a POST to `…/{phoneNumberID}/messages`; `.unnamed` for a POST to a `…/messages` path that names no
    /// number (`/v1/messages`: kapso-api.md §5 marks the API log's `endpoint` format uncertain, "full path vs `/v1/...`;
    /// log-search examples show `/v1/messages`", probe44 P44-12); nil for anything else (another number's send, a GET).
    public static func sendScope(of log: APILog, phoneNumberID: String) -> SendScope? {
        guard log.httpMethod == "POST" else { return nil }
        var path = Substring(log.endpoint)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        while path.hasSuffix("/") { path = path.dropLast() }
        guard path.hasSuffix("/messages") else { return nil }
        if path.hasSuffix("/\(phoneNumberID)/messages") { return .number }
        let text = String(path)
        guard APIPath.phoneNumberID(in: text) == nil, APIPath.ids(in: text).isEmpty else { return nil }
        return .unnamed
    }

    /// When `message` had `event` (`whatsapp.message.sent`: its `sent` status, else its send time; `received`: its time),
    /// in Unix seconds; nil when it did not have it or its time is unknown.
    static func eventTime(_ message: Message, event: String) -> Int64? {
        let prefix = "whatsapp.message."
        guard event.hasPrefix(prefix) else { return nil }
        let word = String(event.dropFirst(prefix.count))
        if message.isInbound { return word == "received" ? message.time : nil }
        guard message.isOutbound else { return nil }
        if let at = StatusHistory(message: message).events.first(where: { $0.status == word })?.time { return at }
        return word == "sent" && accepted(message) ? message.time : nil
    }

    /// From when to when a delivery may be `message`'s: from its time less the slack to its last status plus the span.
    static func deliveryRange(_ message: Message) -> ClosedRange<Int64>? {
        guard let time = message.time else { return nil }
        let last = StatusHistory(message: message).events.compactMap(\.time).max() ?? time
        return (time - window)...(max(time, last) + deliverySpan)
    }

    /// How many rows and messages a kept row is shared among: the traced message (its rows at `own`), the others that
    /// could have one of its rows, and the rows (at `rows`) any of them could have.
    static func shared(_ what: String, rows: [Int64], own: [Int64], claimants: [TimeMatch.Claimant], strangers: Set<Int>) -> Shared {
        let contenders = claimants.indices.filter { index in index == 0 || own.contains { claimants[index].range.contains($0) } }
        let reachable = rows.filter { at in contenders.contains { claimants[$0].range.contains(at) } }
        return Shared(what: what, rows: reachable.count, messages: contenders.count, otherContacts: contenders.contains(where: strangers.contains))
    }

    /// A delivery or send call by id, at its creation time (Unix seconds).
    struct Row {
        var id: String
        var at: Int64
    }

    /// What sharing `rows` among `claimants` (`TimeMatch`) leaves the traced message (claimant 0) of its own rows (`own`):
    /// the ids nearer to another message (`dropped`, each one also in `nearer`), how many it keeps, the kept ones another
    /// message is as near to (`either`, by id), those and the kept rows another message got none of (`contested`), and,
    /// when a kept row could have been a message's that got none, how many rows and messages it is shared among.
    struct Split {
        var dropped: Set<String> = []
        var kept = 0
        var nearer: [Nearer] = []
        var either: [String: Nearer] = [:]
        var contested: Set<String> = []
        var shared: Shared?
    }

    /// `strangers`: the claimants that are other contacts' messages (`Nearer.otherContact`).
    static func split(
        _ rows: [Row], own ids: Set<String>, what: String, among claimants: [TimeMatch.Claimant], order: TimeMatch.Order,
        strangers: Set<Int> = []
    ) -> Split {
        let (owner, paired) = TimeMatch.owners(of: rows.map(\.at), among: claimants, order: order)
        let unserved = Set(claimants.indices).subtracting(paired)
        var split = Split()
        for (index, row) in rows.enumerated() where ids.contains(row.id) {
            let reading = TimeMatch.reading(row.at, owner: owner[index], among: claimants, order: order)
            if case .other(let who) = reading {
                split.dropped.insert(row.id)
                // The mirror of `contested` below: the other message's trace says this row may be this message's.
                let unsure = unserved.contains(0) && claimants[0].range.contains(row.at)
                split.nearer.append(
                    Nearer(row: row.at, what: what, other: claimants[who].at, otherContact: strangers.contains(who), unsure: unsure))
                continue
            }
            split.kept += 1
            // A message that got no row of its own and could have this one: the "fewer rows than messages" note says it.
            if unserved.contains(where: { $0 != 0 && claimants[$0].range.contains(row.at) }) {
                split.contested.insert(row.id)
            } else if case .either(let who) = reading {
                split.contested.insert(row.id)
                split.either[row.id] = Nearer(row: row.at, what: what, other: claimants[who].at, otherContact: strangers.contains(who))
            }
        }
        if split.contested.count > split.either.count {
            let own = rows.filter { ids.contains($0.id) }.map(\.at)
            split.shared = shared(what, rows: rows.map(\.at), own: own, claimants: claimants, strangers: strangers)
        }
        return split
    }

    /// True when `a` and `b` are with one contact: the same number (`ContactNumber.same`), or, for a contact without a
    /// number, the same business-scoped user id (tester52 H3).
    static func sameContact(_ a: Message, _ b: Message) -> Bool {
        if a.contact != nil || b.contact != nil { return ContactNumber.same(a.contact, b.contact) }
        return a.userID != nil && a.userID == b.userID
    }

    /// True when a delivery row may be `a`'s or `b`'s alike: they are with one contact (`sameContact`), or neither has a
    /// number, so a row naming no contact (`conversation_phone_number` null, as every row about a contact without a number
    /// is; kapso-api.md §8.3) may be either's whatever their BSUIDs (tester52 K12: two such contacts 30 s apart each
    /// listed the other's deliveries). Such a row goes to the nearer message (`split`), said as a guess when as near to both.
    static func mayShareRows(_ a: Message, _ b: Message) -> Bool {
        sameContact(a, b) || a.contact == nil && b.contact == nil
    }

    /// Leaves out of `deliveries` those nearer to another message to the same contact (or, for a contact without a number,
    /// to another such contact: `mayShareRows`), and notes those kept although fewer than the messages that could have them.
    mutating func shareDeliveries(of message: Message, neighbours: Neighbours) {
        guard !neighbours.messages.isEmpty, let range = Self.deliveryRange(message) else { return }
        let rivals = neighbours.messages.filter { other in
            other.id != message.id && other.isInbound == message.isInbound && other.isOutbound == message.isOutbound
                && other.phoneNumberID == message.phoneNumberID && Self.mayShareRows(other, message)
        }
        guard !rivals.isEmpty else { return }
        var dropped: Set<String> = []
        var seen: Set<String> = []
        for delivery in deliveries where seen.insert(delivery.event + " " + delivery.webhookID).inserted {
            let (event, hook) = (delivery.event, delivery.webhookID)
            guard neighbours.batched[hook]?.contains(event) != true, let own = Self.eventTime(message, event: event) else { continue }
            let entries = rivals.compactMap { other -> (TimeMatch.Claimant, Bool)? in
                guard let at = Self.eventTime(other, event: event), let range = Self.deliveryRange(other) else { return nil }
                return (TimeMatch.Claimant(at: at, range: range), !Self.sameContact(other, message))
            }
            let claimants = [TimeMatch.Claimant(at: own, range: range)] + entries.map(\.0)
            let strangers = Set(entries.indices.filter { entries[$0].1 }.map { $0 + 1 })
            guard claimants.count > 1 else { continue }
            let mine = deliveries.filter { $0.event == event && $0.webhookID == hook }
            let ids = Set(mine.map(\.id))
            let others = neighbours.deliveries.filter { row in
                row.event == event && row.webhookID == hook && !ids.contains(row.id) && row.mayConcern(message)
                    && (row.phoneNumberID == nil || row.phoneNumberID == message.phoneNumberID)
            }
            let rows = (mine + others).compactMap { row in KapsoTime.seconds(iso: row.createdAt).map { Row(id: row.id, at: $0) } }
            let split = Self.split(rows, own: ids, what: event, among: claimants, order: .after, strangers: strangers)
            dropped.formUnion(split.dropped)
            // Said only where the message is left without a delivery of the event: it explains the "no delivery" reading.
            if split.kept == 0 { nearerDeliveries += split.nearer }
            if let shared = split.shared { sharedDeliveries.append(shared) }
            eitherDeliveries.merge(split.either) { first, _ in first }
            contestedDeliveries.formUnion(split.contested)
        }
        deliveries.removeAll { dropped.contains($0.id) }
    }

    /// Leaves out of `calls` the sends nearer to another of the number's sends, and notes one kept although fewer calls
    /// than sends fit; refused calls (4xx) are left as they are (no message Meta accepted had one, `accepted`).
    mutating func shareCalls(of message: Message, neighbours: Neighbours) {
        guard message.isOutbound, let time = message.time, let number = message.phoneNumberID else { return }
        let claimants = [TimeMatch.Claimant(at: time, range: (time - Self.window)...(time + Self.window))]
            + neighbours.messages.compactMap { other in
                guard other.id != message.id, other.isOutbound, other.phoneNumberID == number, Self.accepted(other),
                    let at = other.time, abs(at - time) <= 2 * Self.window
                else { return nil }
                return TimeMatch.Claimant(at: at, range: (at - Self.window)...(at + Self.window))
            }
        guard claimants.count > 1 else { return }
        let mine = calls.filter { $0.responseStatus < 400 }
        let ids = Set(mine.map(\.id))
        let others = neighbours.calls.filter { log in
            log.responseStatus < 400 && !ids.contains(log.id) && Self.sendScope(of: log, phoneNumberID: number) != nil
        }
        let rows = (mine + others).compactMap { log in KapsoTime.seconds(iso: log.createdAt).map { Row(id: log.id, at: $0) } }
        let split = Self.split(rows, own: ids, what: "send call", among: claimants, order: .either)
        // Said only where the message is left without a send call: it explains the "no send call" reading.
        if split.kept == 0 && calls.count == mine.count { nearerCalls = split.nearer }
        sharedCalls = split.shared
        eitherCalls = split.either.values.sorted { $0.row < $1.row }
        calls.removeAll { split.dropped.contains($0.id) }
    }
}
