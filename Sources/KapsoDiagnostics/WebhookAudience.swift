public import KapsoClient

/// Which webhooks should have received a message event at the time it happened, and why each other webhook of the
/// number could not, or may not, have: the one rule `trace`, `webhooks check`, `health` and `overview` read before they
/// say a webhook "got no delivery" or "stopped firing" (probe44 P44-9, P44-11, P44-6).
///
/// Rules (kapso-api.md):
/// - Message events go only to phone-number-scoped webhooks of the message's number (§0.9, §3.2).
/// - A kapso-kind webhook receives the events listed in `events`; a meta-kind one has `events: []` by design and gets
///   Meta's untouched payload for every message and status, "no filtering/buffering" (§0.8, §3.1, §10.1;
///   docs.kapso.ai/docs/whatsapp/receive-messages: "We'll forward all Meta webhook events to your endpoint"), so it
///   receives every `whatsapp.message.*` event; Kapso's own conversation events are not Meta's and do not reach it.
/// - A webhook created after the event could not get it. One whose last change (`updated_at`) came after the event may
///   have been paused or subscribed to other events then: the API keeps no history of a webhook (§3.1), so whether it
///   should have got the event is unknown, never "it missed it".
/// - A kapso-kind webhook with `buffer_enabled` collects the events listed in `buffer_events` until its window
///   (`buffer_window_seconds`, 1–60 s, default 5) ends, then sends one batch (§10.5): no delivery is due before then.
///   Any delivery may wait up to 30 s for earlier ones of its conversation (§10.4), the slack `due(now:)` allows.
public struct WebhookAudience: Sendable {
    /// How one webhook stood towards the event.
    public enum Standing: Sendable, Equatable {
        /// It should have received the event, at the latest by `dueBy` (Unix seconds): the event's time, plus the buffer
        /// window (`window`, seconds) when Kapso batches the event for it.
        case expected(dueBy: Int64, window: Int64?)
        /// Subscribed and active now, but changed at this time (Unix seconds), after the event: whether it was active and
        /// subscribed then is not in the API.
        case changedLater(Int64)
        /// Paused now (`active: false`) by a change at this time, after the event: it may have been active then.
        case pausedLater(Int64)
        /// Created at this time, after the event: it could not get it.
        case createdLater(Int64)
        /// Paused (`active: false`) since before the event.
        case paused
        /// Not subscribed to the event, or not a webhook of the event's number.
        case notSubscribed
    }

    /// One webhook and how it stood.
    public struct Entry: Sendable {
        public var webhook: Webhook
        public var standing: Standing
    }

    /// Kapso holds a delivery up to 30 s for the earlier ones of its conversation (kapso-api.md §10.4).
    public static let slack: Int64 = 30

    /// The webhooks of the number (others left out), in list order, each with its standing.
    public let entries: [Entry]

    /// Reads `webhooks` against events of `number` that happened at the given times (Unix seconds): a message's
    /// `whatsapp.message.received`, or its status events. A webhook's standing is the best over the events: expected
    /// when it should have got any of them (due by the earliest such), else the first reason that applies.
    public init(webhooks: [Webhook], number: String, events: [(name: String, time: Int64?)]) {
        entries = webhooks.filter { $0.phoneNumberID == number }.map { webhook in
            let standings = events.map { Self.standing(of: webhook, event: $0.name, number: number, at: $0.time) }
            let due = standings.compactMap { standing -> (Int64, Int64?)? in
                if case .expected(let dueBy, let window) = standing { return (dueBy, window) }
                return nil
            }.min { $0.0 < $1.0 }
            if let due { return Entry(webhook: webhook, standing: .expected(dueBy: due.0, window: due.1)) }
            return Entry(webhook: webhook, standing: standings.min { $0.rank < $1.rank } ?? .notSubscribed)
        }
    }

    /// True when `webhook` receives `event` while active: a kapso-kind webhook listing it, a meta-kind one for every
    /// message event (`whatsapp.message.*`, Meta's messages and statuses forwarded).
    public static func subscribes(_ webhook: Webhook, to event: String) -> Bool {
        if webhook.kind == "meta" { return WebhookEvents.messages.contains(event) }
        return webhook.events.contains(event)
    }

    /// The buffer window in seconds when Kapso batches `event` for `webhook` (`WebhookPayloadShape.batchedEvents`: kind
    /// kapso, `buffer_enabled`, the event in `buffer_events`, none listed meaning whatsapp.message.received); nil when it
    /// sends each event on its own.
    public static func bufferWindow(of webhook: Webhook, for event: String) -> Int64? {
        guard WebhookPayloadShape(webhook).batchedEvents.contains(event) else { return nil }
        return Int64(max(webhook.bufferWindowSeconds ?? 5, 1))
    }

    /// How `webhook` stood towards `event` of `number` at `time` (Unix seconds; nil: unknown, judged by its record now
    /// and due at once), by its record now.
    public static func standing(of webhook: Webhook, event: String, number: String, at time: Int64?) -> Standing {
        guard webhook.phoneNumberID == number, subscribes(webhook, to: event) else { return .notSubscribed }
        guard let time else { return webhook.active ? .expected(dueBy: 0, window: nil) : .paused }
        let created = webhook.createdAt.flatMap(KapsoTime.seconds(iso:))
        if let created, created > time { return .createdLater(created) }
        let updated = webhook.json["updated_at"]?.string.flatMap(KapsoTime.seconds(iso:))
        if let updated, updated > time { return webhook.active ? .changedLater(updated) : .pausedLater(updated) }
        guard webhook.active else { return .paused }
        let window = bufferWindow(of: webhook, for: event)
        return .expected(dueBy: time + (window ?? 0), window: window)
    }

    /// The webhooks that should have received the event.
    public var expected: [Entry] { entries.filter { if case .expected = $0.standing { true } else { false } } }

    /// The expected webhooks whose delivery is overdue at `now` (Unix seconds; nil: unknown, so every one): no delivery
    /// from them is a missing delivery.
    public func due(now: Int64?) -> [Webhook] {
        expected.filter { entry in
            guard let now, case .expected(let dueBy, _) = entry.standing else { return true }
            return now > dueBy + Self.slack
        }.map(\.webhook)
    }

    /// The expected webhooks whose delivery may still come at `now`, with the time it is due by.
    public func pending(now: Int64?) -> [(webhook: Webhook, dueBy: Int64, window: Int64?)] {
        guard let now else { return [] }
        return expected.compactMap { entry in
            guard case .expected(let dueBy, let window) = entry.standing, now <= dueBy + Self.slack else { return nil }
            return (entry.webhook, dueBy, window)
        }
    }

    /// Why the webhooks of the number that were not expected could not, or may not, have received the event, one clause
    /// each: `https://h/k was created at 2026-11-21T11:55:00Z, after this message: it could not get it`. Paused and
    /// unsubscribed webhooks are left out (the caller says "no active webhook subscribes").
    public var notExpected: [String] {
        entries.compactMap { entry in
            let url = entry.webhook.url
            switch entry.standing {
            case .createdLater(let at):
                return "\(url) was created at \(KapsoTime.iso(at)), after this message: it could not get it"
            case .changedLater(let at):
                return "\(url) was changed at \(KapsoTime.iso(at)), after this message (what changed is not in the API): "
                    + "whether it was active and subscribed then is unknown"
            case .pausedLater(let at):
                return "\(url) is paused (active: false) since a change at \(KapsoTime.iso(at)), after this message: whether it "
                    + "was active then is unknown"
            case .expected, .paused, .notSubscribed:
                return nil
            }
        }
    }

    /// `its batch is due by 2026-11-21T12:00:40Z (buffering, 60 s window)` for a buffered webhook, `its delivery may
    /// still come (Kapso holds one up to 30 s for earlier ones, https://docs.kapso.ai/docs/platform/webhooks/advanced)` otherwise.
    public static func pendingText(dueBy: Int64, window: Int64?) -> String {
        guard let window else {
            return "its delivery may still come (Kapso holds one up to \(slack) s for earlier ones, https://docs.kapso.ai/docs/platform/webhooks/advanced)"
        }
        return "its batch is due by \(KapsoTime.iso(dueBy)) (buffering, \(window) s window, https://docs.kapso.ai/docs/platform/webhooks/advanced)"
    }
}

extension WebhookAudience {
    /// Reads the webhooks of `message`'s number (none when it names no number) against the events of its journey
    /// (`events(of:)`).
    public init(webhooks: [Webhook], message: Message) {
        self.init(webhooks: message.phoneNumberID == nil ? [] : webhooks, number: message.phoneNumberID ?? "", events: Self.events(of: message))
    }

    /// The names of the Kapso events `message`'s journey can produce, whether or not they happened or are documented for
    /// it: `whatsapp.message.received` for an inbound message; `whatsapp.message.sent`, `.delivered`, `.read` and `.failed`
    /// for an outbound one (kapso-api.md §3.4). `trace` attributes a delivery to the message only under one of these
    /// names; `events(of:)` times the ones due.
    public static func journey(of message: Message) -> [String] {
        message.isInbound
            ? ["whatsapp.message.received"]
            : ["whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.failed"]
    }

    /// The events of `message`'s journey (`journey(of:)`) that a webhook is due for, and when they happened:
    /// `whatsapp.message.received` at its time for an inbound message; for an outbound one each status Kapso recorded
    /// (`sent`, `delivered`, `read`, `failed`) at its time, or all four at the send time when no status has one
    /// (kapso-api.md §3.4). None for a message whose delivery is undocumented (`deliveryUndocumented`).
    public static func events(of message: Message) -> [(name: String, time: Int64?)] {
        // A system notification, imported history or an app echo has no documented event (`deliveryUndocumented`): none is
        // due for it.
        if deliveryUndocumented(message) != nil { return [] }
        let names = journey(of: message)
        if message.isInbound { return names.map { ($0, message.time) } }
        let timed = StatusHistory(message: message).events.compactMap { event -> (name: String, time: Int64?)? in
            let name = "whatsapp.message." + event.status
            guard names.contains(name), let time = event.time else { return nil }
            return (name, time)
        }
        return timed.isEmpty ? names.map { ($0, message.time) } : timed
    }
}

extension WebhookAudience.Standing {
    /// Which reason is said first when a webhook was expected for none of the events.
    fileprivate var rank: Int {
        switch self {
        case .expected: 0
        case .changedLater: 1
        case .pausedLater: 2
        case .createdLater: 3
        case .paused: 4
        case .notSubscribed: 5
        }
    }
}
