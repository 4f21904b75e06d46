public import KapsoClient

/// A message's Meta status events as they happened: sorted by their timestamps (stable for ties, so
/// equal times keep the order they were stored in), each with its time after the send.
///
/// Kapso stores `kapso.statuses[]` in arrival order, which is not always the order Meta produced them
/// (webhooks arrive out of order). Events without a readable timestamp are kept, after the timed ones,
/// in stored order, and counted in `untimedCount`, because their place in the history is unknown.
///
/// A status stored twice with the same `id` (present), `status`, `timestamp` and `errors` is one event (`repeats` counts
/// the copies): Meta retries a webhook notification until the receiver answers 200 ("we retry delivery with
/// increasing delays … until the delivery succeeds", developers.facebook.com/docs/whatsapp/api/webhooks), so a
/// retried notification reaches Kapso, and its history, again. One failure retried is still one failure.
///
/// A status whose `id` names another message is set apart (`foreign`), never part of `events`: Meta's status object
/// names the message it is about by `id` (kapso-api.md §7.3 "Status entry"; Meta's status webhook reference,
/// developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/), so another
/// WAMID's `failed` is no evidence about this message (probe10 P10-1: a relay or receiver that files statuses by
/// conversation or recipient stores them so). Every reader (verdict, timeline, `errors`, the STATUS column) reads
/// `events`, so they agree on which statuses belong to the message. A status without an `id` is kept: nothing says
/// it is another's.
public struct StatusHistory: Sendable {
    /// One status event: `sent`, `delivered`, `read`, `played`, `failed` (or anything Meta adds later: `StatusWord`).
    public struct Event: Sendable {
        public var status: String
        /// Unix seconds, nil when the event has no readable `timestamp`.
        public var time: Int64?
        /// Seconds after the send (the message's own `timestamp`); nil when either time is unknown.
        public var sinceSend: Int64?
        /// Every error the event carries (`MessageError.carried(by:)`: its `errors[]`, else a singular `error`).
        public var errors: [MessageError]
        /// Where the event was in `kapso.statuses[]`, zero-based.
        public var storedIndex: Int
        /// The `timestamp` as given when it is there but unusable (`"1795255620000"` in milliseconds, `"0"`,
        /// text that is no time), so it is shown rather than turned into a time; nil otherwise.
        public var unusableTimestamp: String? = nil
        /// The form the `timestamp` was read from when it was not Unix seconds (`ISO-8601`, `Unix milliseconds`), nil for
        /// seconds or no time (`time(_:sentAt:)`).
        public var readFrom: String? = nil
        /// How many more identical copies of the event were stored (the same notification delivered again); 0 for one.
        public var repeats: Int = 0
        /// The status's `recipient_id` (the WhatsApp id of who it is about), nil when absent.
        public var recipient: String? = nil
        /// The status's `id`: the WAMID of the message it is about (Meta's status object), nil when absent.
        public var messageID: String? = nil
        /// For a message sent to a group, the participant the status is about (`recipient_participant_id`, Meta's status
        /// webhook reference: "only included if message sent to a group"); nil otherwise.
        public var participant: String? = nil
        /// How far the event's time is ahead of the API's clock when more than `MessageTime.skew` (seconds), nil
        /// otherwise. Meta stamps a status when it triggers the status webhook (Meta's status webhook reference:
        /// "timestamp — Unix timestamp of the status message"; the business-scoped user id page names it
        /// `<WEBHOOK_TRIGGER_TIMESTAMP>`, https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids), so it
        /// cannot be after the API's "now": such a time is a tool's or device's clock. The event keeps its place and
        /// status, but no delay after the send is computed from it (`sinceSend` is nil), as an inbound message's time
        /// ahead of the clock is no time (`MessageTime`; probe26 P26-3: "read 2 h 10 min after sending" at an API clock
        /// 2 h before that read).
        public var ahead: Int64? = nil

        /// `stamped 2026-11-21T14:00:00Z, 2 h ahead of the API's clock (2026-11-21T12:00:00Z): a tool's or device's
        /// clock, not when Meta sent the status`; nil when the time is not ahead.
        public var aheadText: String? {
            guard let ahead, let time else { return nil }
            return "stamped \(KapsoTime.iso(time)), \(Elapsed.text(ahead)) ahead of the API's clock (\(KapsoTime.iso(time - ahead))): "
                + "a tool's or device's clock, not when Meta sent the status"
        }
    }

    /// A failure and a later delivery or read: WhatsApp reported both, so the outcome is uncertain.
    public struct Conflict: Sendable {
        public var failure: Event
        /// The delivered, read or played event that came after the failure (or, when the failure is last, before it).
        public var success: Event
        /// True when the failure is the later of the two.
        public var failureIsLast: Bool
    }

    /// The events, oldest first.
    public let events: [Event]
    /// The send time the deltas count from (Unix seconds).
    public let sentAt: Int64?
    /// How many events have no usable timestamp (missing or unusable).
    public let untimedCount: Int
    /// The stored statuses whose `id` names another message than the one they are stored with, in stored order (their
    /// `messageID` says which): not in `events`, counted nowhere; shown apart so the user sees them.
    public let foreign: [Event]

    /// Status times are Unix seconds (kapso-api.md §0.16). A status may be stamped a little before the
    /// message's own time (clocks differ), and Meta keeps trying to deliver for up to 30 days; outside that
    /// window (`0`, or milliseconds read as seconds: year 58859) it is not this message's time.
    /// Without the message's time, only 2009 (before WhatsApp) to 2100 counts.
    static let earliestPlausible: Int64 = 1_230_768_000
    static let latestPlausible: Int64 = 4_102_444_800
    static let before: Int64 = 3_600
    static let after: Int64 = 31 * 86_400

    /// Reads a `kapso.statuses` value of the message `messageID` (its WAMID; nil when unknown: then no status is set
    /// apart); anything that is not an array of objects gives no events. `now` is the API's clock (Unix seconds): an
    /// event stamped more than `MessageTime.skew` after it is marked `ahead` and gets no `sinceSend`; nil: not checked.
    public init(statuses: JSONValue?, sentAt given: Int64?, messageID: String?, now: Int64? = nil) {
        // A message time ahead of the API's clock is flagged (`MessageTime`) and judges nothing: its statuses' own times
        // (Meta's, Unix seconds) are read on their own, against the API's clock (probe28 P28-6: valid statuses 5 min
        // old were "unusable" next to a message record stamped 2 h ahead).
        let sentAt = given.flatMap { sent in now.map { sent > $0 + MessageTime.skew } == true ? nil : sent }
        self.sentAt = sentAt
        var timed: [Event] = []
        var untimed: [Event] = []
        var foreign: [Event] = []
        let stored = statuses?.array ?? []
        // The first copy of each (id, status, timestamp, errors) stands for all of them: its index in `events` by key.
        // A lone status has no copy to find nor to be found by: no key is made for it.
        var firstCopy = FirstCopies(count: stored.count)
        let copiesPossible = stored.count > 1
        // The message's own key once, not again for each status (`namesSameMessage`).
        let ownKey = messageID.flatMap { $0.isEmpty ? nil : Self.messageKey($0) }
        for (index, value) in stored.enumerated() {
            guard let json = value.object else { continue }
            // Without its `id` a status is not known to be the same notification: it is kept. The id is read as a WAMID
            // (`messageKey`: with or without `wamid.`, its `=` padding), as `namesSameMessage` reads it (tester64 T4: a
            // copy whose id lacked `wamid.` was a second `delivered` event).
            let id = json["id"]?.string.map { JSONValue.string(String(Self.messageKey($0))) } ?? json["id"]
            let key = copiesPossible ? [id, json["status"], json["timestamp"], json["errors"], json["error"]] : []
            if copiesPossible, json["id"]?.string != nil, let first = firstCopy[key] {
                if first.timed { timed[first.index].repeats += 1 } else { untimed[first.index].repeats += 1 }
                continue
            }
            let (time, unusable, form) = Self.time(json["timestamp"], sentAt: sentAt)
            var event = Event(
                status: json["status"]?.string ?? "unknown", time: time,
                sinceSend: time.flatMap { time in sentAt.map { time - $0 } }, errors: MessageError.carried(by: value),
                storedIndex: index, unusableTimestamp: unusable, recipient: json["recipient_id"]?.string,
                messageID: json["id"]?.string, participant: Self.participant(of: json))
            event.readFrom = form
            if let now, let time, time > now + MessageTime.skew {
                event.ahead = time - now
                event.sinceSend = nil
            }
            if let own = messageID, let ownKey, let named = event.messageID, !named.isEmpty, named != own,
                Self.messageKey(named) != ownKey
            {
                foreign.append(event)
                continue
            }
            if copiesPossible { firstCopy[key] = (time != nil, time == nil ? untimed.count : timed.count) }
            if time == nil { untimed.append(event) } else { timed.append(event) }
        }
        // Meta stamps whole seconds, so sent, delivered and read often share one: ties go in status order
        // (sent < delivered < read), then as stored (`TimeOrder`, the one order of timed things).
        // Mostly stored in that order already: then nothing is sorted (issue #16, session 62).
        if !Self.inTimeOrder(timed) { timed = TimeOrder.sorted(timed, time: \.time, tie: { Self.rank($0.status) ?? Int.max }) }
        events = timed + untimed
        untimedCount = untimed.count
        self.foreign = foreign
    }

    /// The history of a Platform API message (`kapso.statuses`, deltas from its `timestamp`).
    public init(message: Message, now: Int64? = nil) {
        self.init(statuses: message.json["kapso"]?["statuses"], sentAt: message.time, messageID: message.id, now: now)
    }

    /// The events stamped ahead of the API's clock (`Event.ahead`), oldest first.
    public var ahead: [Event] { events.filter { $0.ahead != nil } }

    /// The failed events, oldest first (a retried notification is one event: `Event.repeats`).
    public var failures: [Event] { events.filter { $0.status == "failed" } }

    /// The failed events that are different failures, oldest first: a later `failed` with the same error codes (in
    /// any order) as an earlier one is that failure reported again — a notification sent again with another
    /// `timestamp`, or passed on by a relay that dropped its `href` or texts — since a message fails once (`failed`
    /// is final; Meta's status webhooks reference). `trace` still shows every event; `errors` counts these
    /// (probe8 P8-8: "27 failures" for 24 failed messages).
    public var distinctFailures: [Event] {
        var seen: Set<[String]> = []
        return failures.filter { seen.insert(Self.codes(of: $0)).inserted }
    }

    /// The `storedIndex` of each failed event `distinctFailures` leaves out: an earlier failure had the same codes.
    public var failuresReportedAgain: Set<Int> {
        Set(failures.map(\.storedIndex)).subtracting(distinctFailures.map(\.storedIndex))
    }

    /// An event's error codes, sorted (`?` for an entry without one): what makes two failures the same failure.
    /// Whether two ids name one message: a WAMID with or without its `wamid.` prefix (in any case), its base64 `=`
    /// padding, or whitespace around it is the same WAMID (probe12 P12-3: a relay that trims the padding, or a
    /// fixed-width column that pads the id, made the message's own statuses "another message's").
    public static func namesSameMessage(_ a: String, _ b: String) -> Bool {
        a == b || messageKey(a) == messageKey(b)
    }

    /// True when timed `events` are in the order `TimeOrder.sorted` gives them (time, then status rank, then as stored):
    /// each no earlier than the one before, and of one time, no lower in rank.
    static func inTimeOrder(_ events: [Event]) -> Bool {
        var previous: (time: Int64, rank: Int)? = nil
        for event in events {
            guard let time = event.time else { return false }
            let current = (time: time, rank: rank(event.status) ?? Int.max)
            if let previous, previous > current { return false }
            previous = current
        }
        return true
    }

    static func codes(of event: Event) -> [String] { event.errors.map { $0.code ?? "?" }.sorted() }

    /// How many stored statuses were copies of another (`Event.repeats`, summed); 0 when none was stored twice.
    public var repeatedCount: Int { events.reduce(0) { $0 + $1.repeats } }

    /// The furthest status reached (sent < delivered < read; `failed` is final), whatever order the events
    /// were stamped or stored in: Meta sends a late `delivered` after `read`, and events are not ordered.
    /// Statuses kops does not know count only when nothing known was reached. Nil when the history is
    /// empty or an event has no usable timestamp (Kapso's own `kapso.status` is then the better guess).
    /// A history with both a failure and a delivery (`conflict`) has no furthest status: the last one stamped.
    public var latest: Event? {
        guard untimedCount == 0 else { return nil }
        if conflict != nil { return events.last }
        return events.max { (Self.rank($0.status) ?? -1, $0.time ?? 0) < (Self.rank($1.status) ?? -1, $1.time ?? 0) }
    }

    /// True when the stamps disagree with the status order (a `delivered` stamped after the `read`).
    public var outOfOrder: Bool {
        let ranks = events.filter { $0.time != nil && $0.status != "failed" }.compactMap { Self.rank($0.status) }
        return zip(ranks, ranks.dropFirst()).contains { $0 > $1 }
    }

    /// A failed event together with a delivered, read or played one, if the history has both.
    public var conflict: Conflict? {
        guard let failure = failures.last else { return nil }
        // Statuses about different group participants do not contradict each other (`aboutOthers`, probe28 P28-2).
        let successes = events.filter { StatusWord($0.status).reachedDevice && !Self.aboutOthers($0, failure) }
        guard let success = successes.last else { return nil }
        let failureIsLast: Bool
        switch (failure.time, success.time) {
        case (let failed?, let succeeded?): failureIsLast = failed > succeeded
        default: failureIsLast = failure.storedIndex > success.storedIndex
        }
        return Conflict(failure: failure, success: success, failureIsLast: failureIsLast)
    }

    /// The statuses' `recipient_id`s that are not the message's recipient `to` (digits), distinct, in history order.
    ///
    /// Meta's status names who it is about by `recipient_id`, a WhatsApp id; for Brazil's and Mexico's mobile numbers
    /// it is normally the other form of the number the message was sent to, which `ContactNumber.same` accepts. Any
    /// other id means the status may be another recipient's. Empty when `to` is unknown or every recipient is `to`.
    /// `prepended`: a `to` without `+` whose statuses name the number Meta made of it (`PrependedRecipient`); that number
    /// is `to` only when it is the contact's own (`isContact`, tester67 Y3), else it stays another recipient (tester67b Z0).
    public func otherRecipients(than to: String?, prepended: PrependedRecipient? = nil) -> [String] {
        guard let to, !to.isEmpty else { return [] }
        var others: [String] = []
        for event in events {
            guard let recipient = event.recipient, !recipient.isEmpty, !Self.isRecipient(recipient, to: to, prepended: prepended),
                !others.contains(recipient)
            else { continue }
            others.append(recipient)
        }
        return others
    }

    /// The set-apart statuses in words, e.g. `wamid.HBgL…AAA= (failed 131047 at 2026-11-21T11:00:02Z)`, joined by `; `;
    /// nil when none.
    public var foreignText: String? {
        guard !foreign.isEmpty else { return nil }
        return foreign.map { event in
            let code = MessageError.primary(of: event.errors).map { " " + ($0.code ?? "without an error code") } ?? ""
            let at = event.time.map { " at \(KapsoTime.iso($0))" } ?? event.unusableTimestamp.map { _ in " (unusable timestamp)" } ?? ""
            return "\(event.messageID ?? "?") (\(event.status)\(code)\(at))"
        }.joined(separator: "; ")
    }

    /// True when Kapso's `kapso.status` is a word only a set-apart status has (`failed` while every failure stored is
    /// another message's): Kapso's status may come from that status, so it says nothing of this message.
    public func kapsoStatusIsForeign(_ kapsoStatus: String) -> Bool {
        !events.contains { $0.status == kapsoStatus } && foreign.contains { $0.status == kapsoStatus }
    }

    /// The participants (`Event.participant`) that events with `status` name, distinct, in history order.
    public func participants(_ status: String) -> [String] {
        var seen: [String] = []
        for event in events where event.status == status {
            if let participant = event.participant, !seen.contains(participant) { seen.append(participant) }
        }
        return seen
    }

    /// The events whose timestamp is there but unusable.
    public var unusable: [Event] { events.filter { $0.unusableTimestamp != nil } }

    /// Kapso's `kapso.status` and the history disagree on the outcome: Kapso says `failed` while the history records a
    /// delivery or read and no failure, or Kapso says `delivered`, `read` or `played` while the history records a
    /// failure and no delivery or read (probe17 P17-17: Kapso `read` over sent → failed 131026 was read as a plain
    /// failure, its mirror as uncertain). Either side may hold the event the other missed (a status Kapso stored
    /// without its webhook, or a history Kapso did not update), so neither wins: the one rule behind the verdict, the
    /// timeline note, the STATUS column and `errors`.
    public struct Disagreement: Sendable {
        /// Kapso's status as given (`read`, `failed`).
        public var kapsoStatus: String
        /// The history's event that contradicts it: the last failure, or the furthest delivery or read.
        public var event: Event

        /// True when Kapso says failed and the history says delivered or read.
        public var kapsoSaysFailed: Bool { StatusWord(kapsoStatus) == .failed }

        /// `failed 131026` or `read`: the history's side, as the STATUS column writes it after Kapso's word.
        public var historyWord: String {
            guard StatusWord(event.status) == .failed else { return event.status }
            return "failed" + (MessageError.primary(of: event.errors)?.code.map { " \($0)" } ?? "")
        }

        /// `Kapso's status is read, but the status history records failed 131026 at 2026-…Z (1 s after sending) and no
        /// delivered, read or played`; `at` names the event's time as the caller writes times.
        public func text(at: String) -> String {
            let none = kapsoSaysFailed ? "no failure" : "no delivered, read or played"
            return "Kapso's status is \(kapsoStatus), but the status history records \(historyWord) at \(at) and \(none)"
        }

        /// `text(at:)` with what it means: whether the contact has the message is uncertain (the verdict and `errors`).
        public func conclusion(at: String) -> String { text(at: at) + ": whether the contact has it is uncertain; ask them before any resend" }

        /// The event's time as the verdict writes it: `2026-…Z (1 s after sending)`, or that it has none.
        public var when: String {
            guard let time = event.time else { return "an unknown time (no timestamp)" }
            if let ahead = event.aheadText { return "an unknown time (\(ahead))" }
            return KapsoTime.iso(time) + (event.sinceSend.map { " (\(Elapsed.text($0)) \($0 < 0 ? "before" : "after") sending)" } ?? "")
        }
    }

    /// Kapso's status against the history (`Disagreement`); nil when they agree, when the history already holds both a
    /// failure and a delivery (`conflict`), or when Kapso's word comes only from another message's status.
    public func disagreement(withKapso kapsoStatus: String) -> Disagreement? {
        guard conflict == nil, !kapsoStatusIsForeign(kapsoStatus) else { return nil }
        let word = StatusWord(kapsoStatus)
        if word == .failed, failures.isEmpty, let success = furthestReached {
            return Disagreement(kapsoStatus: kapsoStatus, event: success)
        }
        if word.reachedDevice, let failure = failures.last, !events.contains(where: { StatusWord($0.status).reachedDevice }) {
            return Disagreement(kapsoStatus: kapsoStatus, event: failure)
        }
        return nil
    }

    /// True when Kapso's own `kapso.status` is further along than the latest event of the history
    /// (`failed` or `read` while only `sent` was recorded): an event Kapso never stored, so the history
    /// is incomplete and Kapso's status is the better answer. False when the history holds an event of Kapso's status:
    /// a failed then delivered history (`conflict`, whose latest is the delivered) under Kapso's `failed` recorded the
    /// failure (probe35 P35-3: "no failed event was recorded" printed under the failed 131026).
    public func isBehind(_ kapsoStatus: String) -> Bool {
        guard let latest, let reported = Self.rank(latest.status), let kapso = Self.rank(kapsoStatus) else { return false }
        return kapso > reported && !events.contains { StatusWord($0.status) == StatusWord(kapsoStatus) }
    }

    /// How far along a status is (`StatusWord.rank`): waiting 0, `sent` 1, `delivered` 2, `read`/`played` 3,
    /// `failed` 4 (final); nil for a status kops does not know (Meta may add some).
    public static func rank(_ status: String) -> Int? { StatusWord(status).rank }

    /// A usable time from `"1795256160"` (Meta's string of digits) or a bare number, read as a message's time is, within
    /// `before` and `after` of the send; else the value as given when there is one (an implausible or unreadable timestamp).
    ///
    /// Other forms are read too, and named (`readFrom`), when they land within the same window (`KapsoTime.reading`, the
    /// one reading of a message's and its statuses' times; probe23 P23-4: such times were "unusable … where they belong
    /// is unknown").
    private static func time(_ value: JSONValue?, sentAt: Int64?) -> (Int64?, String?, String?) {
        guard let value, !value.isNull else { return (nil, nil, nil) }
        let plausible = sentAt.map { (($0 - before)...($0 + after)) } ?? (earliestPlausible...latestPlausible)
        if let read = KapsoTime.reading(timestamp: value, within: plausible) { return (read.seconds, nil, read.form) }
        return (nil, value.string ?? value.int.map(String.init) ?? value.serialized(), nil)
    }

    /// The forms status times were read from that are not Unix seconds (`readFrom`), in the order met, each once.
    public var otherForms: [String] {
        events.compactMap(\.readFrom).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

extension StatusHistory.Conflict {
    /// Kapso's `kapso.status` read against the conflict it sits on, for the line under the timeline: `Kapso's status is
    /// failed, as the failed 131026 at …Z; a delivered at …Z was recorded too: …`. Meta sends status webhooks unordered
    /// (Meta, status messages webhook reference), so Kapso's status is the event it processed last, and the other was
    /// still recorded (probe35 P35-3: the line denied the failure printed right above it). Nil when Kapso's status is
    /// neither side, or is the side stamped last (nothing to explain).
    public func kapsoNote(_ kapsoStatus: String) -> String? {
        let word = StatusWord(kapsoStatus)
        let (its, other) = word == StatusWord(failure.status) ? (failure, success) : word == StatusWord(success.status) ? (success, failure) : (nil, nil)
        guard let its, let other, (its.status == failure.status) != failureIsLast else { return nil }
        func named(_ event: StatusHistory.Event) -> String {
            let code = StatusWord(event.status) == .failed ? MessageError.primary(of: event.errors)?.code.map { " \($0)" } ?? "" : ""
            return event.status + code + (event.time.map { " at \(KapsoTime.iso($0))" } ?? " (no timestamp)")
        }
        return "Kapso's status is \(kapsoStatus), as the \(named(its)); a \(named(other)) was recorded too (Meta sends statuses "
            + "unordered, and Kapso keeps the one it processed last), so the verdict names both"
    }
}
