public import KapsoClient

/// Which send calls (API log) and webhook deliveries found near a message's time are the message's own.
///
/// The API log and the delivery log carry no WAMID (kapso-api.md §4, §5: no bodies, no message id), so
/// `trace` finds them by endpoint, number, contact and time. What the message's own history says is the
/// link that remains: a call refused with a Graph code the message never failed with is another send's
/// (a read message's send was not refused with #132015), and a delivery of an event the message never
/// had (`whatsapp.message.failed` for a message with no failed status) is another message's. When
/// several sends still fit, the match is named as ambiguous instead of listed as the message's own.
///
/// A message Meta accepted has no refused send of its own: a send answered 4xx returns no WAMID (kapso-api.md
/// §9.2–9.3), so an outbound message with one (its `id`, §7) or with a `sent`, `delivered` or `read` status was
/// answered 200. Calls refused near its time are other attempts (the app retried, another agent sent),
/// `refusedAttempts`, never the message's send (probe11 P11-12: a 422 #131047 was listed as the call of a message
/// that had a WAMID and a `sent` status, and its request id went to Kapso support as the failed call).
public struct SendAttribution: Sendable {
    /// The calls that fit the message, oldest first as given.
    public var calls: [APILog]
    /// Send calls refused (HTTP 4xx) near the time of a message Meta accepted, as given: other attempts.
    public var refusedAttempts: [APILog] = []
    /// The deliveries that fit the message, as given.
    public var deliveries: [WebhookDelivery]
    /// Send calls in the time window whose outcome contradicts the message (left out of `calls`).
    public var otherCalls: Int
    /// Deliveries of events the message never had (left out of `deliveries`).
    public var otherDeliveries: Int
    /// How many send calls were made in the window, this message's included.
    public var sendsInWindow: Int
    /// The most deliveries of one event to one webhook: more than 1 means more than one message's.
    public var sameEventDeliveries = 0
    /// Failed deliveries of an event that reached its webhook once near the message, no other message as near: this message's.
    public var failedOwn = 0
    /// Failed deliveries of an event that reached its webhook more than once near the message, or that another message
    /// is as near to (`contestedDeliveries`): each may be this message's or another's sent at that time, and the log
    /// cannot say which (probe17 P17-9, tester51 G13).
    public var failedShared = 0
    /// Deliveries left out because another message to this contact is nearer in time to them (`shareDeliveries`, P44-2).
    public var nearerDeliveries: [Nearer] = []
    /// Deliveries kept although fewer deliveries of the event than messages that could have them fit the span.
    public var sharedDeliveries: [Shared] = []
    /// Kept deliveries that another message to (from) this contact is about as near to, by id: each may be that
    /// message's (`TimeMatch.Reading.either`, tester51 G13).
    public var eitherDeliveries: [String: Nearer] = [:]
    /// Kept deliveries that may be another message's (`eitherDeliveries` and those `sharedDeliveries` counts), by id.
    var contestedDeliveries: Set<String> = []
    /// Send calls left out because another of the number's sends is nearer in time to them (`shareCalls`, P44-2).
    public var nearerCalls: [Nearer] = []
    /// Send calls kept although fewer calls than the number's sends fit the window.
    public var sharedCalls: Shared? = nil
    /// Kept send calls that another of the number's sends is as near to (`TimeMatch.Reading.either`), oldest first.
    public var eitherCalls: [Nearer] = []
    /// Send calls after the window whose span reaches the message's time, when none in the window is its own (`findSlowCalls`).
    public var spanningCalls: [SpanningCall] = []
    /// Send calls in the window answered 5xx, beside a message Meta accepted: the send may have gone out (tester69b D9).
    public var unansweredCalls: [APILog] = []
    /// The endpoints of the kept calls whose path names no number (`/v1/messages`, `sendScope`, P44-12).
    public var unnamedCalls: [String] = []
    /// True when the traced message is inbound (the notes say "from this contact").
    var inboundMessage = false

    /// How far an outbound message has come, by status (Meta's order: sent, delivered, read).
    static let progress: [String: Int] = ["sent": 1, "delivered": 2, "read": 3]

    /// How a WAMID starts (kapso-api.md §7: a message's `id`; §9.2: what a send answered 200 returns).
    static let wamidPrefix = "wamid."

    /// Seconds around the message's time a send call counts as near it (MessageTrace's slack).
    public static let window: Int64 = 5

    /// True for an outbound message Meta accepted: it has a WAMID (its `id`, kapso-api.md §7; what a send answered
    /// 200 returns, §9.2) or a `sent`, `delivered` or `read` status. A send refused at once (4xx) gets no WAMID
    /// (§9.2–9.3, gotcha 19), so no refused call is such a message's send: `trace` lists those calls as other attempts
    /// and `errors` counts them apart (`FailureGroups.withoutSameSends`), one rule for both (probe28 P28-16).
    public static func accepted(_ message: Message) -> Bool {
        guard !message.isInbound else { return false }
        let history = StatusHistory(message: message)
        let had = history.events.map(\.status) + [message.status]
        return had.contains { (progress[$0] ?? 0) > 0 } || message.id.hasPrefix(wamidPrefix)
    }

    /// Sorts `calls` (send calls near the message's time) and `deliveries` (of the message's number,
    /// contact and period) by what the message's status history allows, then shares them with the other messages in
    /// `neighbours` by time (`shareDeliveries`, `shareCalls`, by `TimeMatch`'s rule).
    public init(
        message: Message, calls candidateCalls: [APILog], deliveries candidateDeliveries: [WebhookDelivery],
        neighbours: Neighbours = Neighbours()
    ) {
        let history = StatusHistory(message: message)
        let failureCodes = Set(history.failures.flatMap { $0.errors.compactMap(\.code) })
        let failed = !history.failures.isEmpty || message.status == "failed"
        let had = Set(history.events.map(\.status) + [message.status])
        let reached = had.compactMap { Self.progress[$0] }.max() ?? 0
        if Self.accepted(message) {
            refusedAttempts = candidateCalls.filter { (400..<500).contains($0.responseStatus) }
        }
        let refused = Set(refusedAttempts.map(\.id))
        calls = candidateCalls.filter { log in
            guard !refused.contains(log.id) else { return false }
            guard log.responseStatus >= 400 else { return true }
            guard failed else { return false }
            guard let refusal = APIRefusal(status: log.responseStatus, text: log.errorMessage), refusal.isGraphCode,
                !failureCodes.isEmpty
            else { return true }
            let code = refusal.code
            return failureCodes.contains(code)
        }
        otherCalls = candidateCalls.count - calls.count
        sendsInWindow = candidateCalls.count
        // A status event the message had, by the event's last word (`whatsapp.message.read` → `read`): a
        // failed event needs a failed status; sent, delivered and read need the message to have come that far.
        deliveries = candidateDeliveries.filter { delivery in
            guard !message.isInbound, delivery.event.hasPrefix("whatsapp.message.") else { return true }
            let event = String(delivery.event.dropFirst("whatsapp.message.".count))
            if event == "failed" { return failed }
            return reached == 0 || (Self.progress[event].map { $0 <= reached } ?? true)
        }
        otherDeliveries = candidateDeliveries.count - deliveries.count
        inboundMessage = message.isInbound
        shareDeliveries(of: message, neighbours: neighbours)
        shareCalls(of: message, neighbours: neighbours)
        findSlowCalls(of: message, candidates: candidateCalls, neighbours: neighbours)
        if let number = message.phoneNumberID {
            unnamedCalls = calls.filter { Self.sendScope(of: $0, phoneNumberID: number) == .unnamed }.map(\.endpoint)
        }
        var counts: [String: Int] = [:]
        for delivery in deliveries { counts[delivery.event + " " + delivery.webhookID, default: 0] += 1 }
        sameEventDeliveries = counts.values.max() ?? 0
        for delivery in deliveries where delivery.status == "failed" {
            let shared = counts[delivery.event + " " + delivery.webhookID, default: 0] > 1 || contestedDeliveries.contains(delivery.id)
            if shared { failedShared += 1 } else { failedOwn += 1 }
        }
    }

    /// The line under a trace about failed deliveries, ending with `more` (the command that lists them): `1 webhook
    /// delivery of this message failed`, or for deliveries that may be another message's `1 failed webhook delivery at
    /// that time may be this message's or another message's (the delivery log holds no WAMID)`; nil when none failed.
    /// Never asserts as this message's a delivery `deliveriesNote` says may be another's.
    public func failedNote(more: String) -> String? {
        func deliveries(_ count: Int) -> String { count == 1 ? "delivery" : "deliveries" }
        let shared = "may be this message's or another message's (the delivery log holds no WAMID)"
        switch (failedOwn, failedShared) {
        case (0, 0): return nil
        case (let own, 0): return "\(own) webhook \(deliveries(own)) of this message failed: '\(more)' shows more"
        case (0, let other): return "\(other) failed webhook \(deliveries(other)) at that time \(shared): '\(more)' shows more"
        case (let own, let other):
            return "\(own) webhook \(deliveries(own)) of this message failed, and \(other) more failed at that time \(shared): "
                + "'\(more)' shows more"
        }
    }

    /// `3 send calls within 5 s of this message: these may belong to another message (the API log holds
    /// no WAMID)`, nil when only one send fits.
    public var callsNote: String? {
        guard calls.count > 1 else { return nil }
        return "\(sendsInWindow) send calls within \(Self.window) s of this message: these may belong to another message "
            + "(the API log holds no WAMID)"
    }

    /// `1 other send refused with #131047 within 5 s of this message: another attempt, not this message's send (Meta
    /// accepted this message: a refused send gets no WAMID)`, nil when none was refused.
    public var refusedNote: String? {
        guard !refusedAttempts.isEmpty else { return nil }
        var labels: [String] = []
        for log in refusedAttempts {
            let label = APIRefusal(status: log.responseStatus, text: log.errorMessage)?.label ?? "HTTP \(log.responseStatus)"
            if !labels.contains(label) { labels.append(label) }
        }
        let count = refusedAttempts.count
        let (sends, attempts) = count == 1 ? ("other send", "another attempt") : ("other sends", "other attempts")
        return "\(count) \(sends) refused with \(labels.joined(separator: ", ")) within \(Self.window) s of this message: "
            + "\(attempts), not this message's send (Meta accepted this message: a refused send gets no WAMID)"
    }

    /// `2 deliveries of one event to one webhook: more than one message to this contact at that time; these may
    /// belong to another message`, nil when each event reached each webhook once.
    public var deliveriesNote: String? {
        guard sameEventDeliveries > 1 else { return nil }
        return "\(sameEventDeliveries) deliveries of one event to one webhook: more than one message to this contact at that "
            + "time; these may belong to another message (the delivery log holds no WAMID)"
    }
}
