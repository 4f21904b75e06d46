public import KapsoClient

/// Received messages a webhook missed: its number's inbound messages that Kapso stored after the webhook's newest
/// `whatsapp.message.received` delivery (probe19 P19-2, "the webhook stopped firing": deliveries went from regular
/// to none while messages kept arriving, and `webhooks check` said all was well because nothing had failed).
///
/// Kapso sends `whatsapp.message.received` for every message a customer sends to the number ("Message received: Get
/// notified for every incoming customer message", docs.kapso.ai/docs/how-to/whatsapp/set-up-webhooks; kapso-api.md
/// §3.4) to each active webhook of the number subscribed to it. A stored inbound message is one Kapso got from Meta,
/// so a missing delivery is on Kapso's side of the path: not the receiver (nothing was sent to fail), not Meta. A
/// webhook Kapso pauses after failures shows `active: false` ("automatic pausing",
/// docs.kapso.ai/docs/platform/webhooks/advanced), so an active one without failures was not paused by that rule.
/// A meta-kind webhook gets every message event (`WebhookAudience.subscribes`, probe44 P44-11), but whether Kapso lists
/// its forwards in the delivery log is not documented: it is judged only once the log shows one of its received deliveries.
extension WebhookVerdict {
    /// The inbound messages after a cut that no delivery followed.
    public struct Missed: Sendable, Equatable {
        /// What the count starts from.
        public enum Since: Sendable, Equatable {
            /// The webhook's newest `whatsapp.message.received` delivery (Unix seconds, `created_at`).
            case lastDelivery(Int64)
            /// Its last change (`updated_at`, or `created_at`), newer than its last delivery: earlier messages may have
            /// arrived while it was paused or pointed elsewhere.
            case change(Int64)
            /// The start of the period read: it got no delivery of received messages in the period.
            case period(Int64)
        }

        public var since: Since
        /// Missed messages counted; `countText` adds `+` when the page read was full and every message on it counts.
        public var count: Int
        public var countText: String
        /// The newest and oldest missed message's time (Unix seconds).
        public var newest: Int64
        public var oldest: Int64
        /// Whether every missed message was read: false when the page read was full and each message on it counts
        /// (`countText` ends in `+`), so older missed messages may not have been read.
        public var complete = true

        /// `the first at 2026-12-05T12:48:19Z`, or, when not every missed message was read, `the oldest read at …, older
        /// ones not read` (tester61 AJ8: the oldest of one page was named as the first missed message, 7 h late).
        public var firstText: String {
            complete ? "the first at \(KapsoTime.iso(oldest))" : "the oldest read at \(KapsoTime.iso(oldest)), older ones not read"
        }

        /// At least this many missed messages make the finding an error: one or two may be messages Kapso is still
        /// processing or a retention quirk; three or more in a row are a webhook that stopped firing.
        public static let errorCount = 3

        /// `error` from `errorCount` missed messages, else `warning`.
        public var severity: WebhookCheck.Severity { count >= Self.errorCount ? .error : .warning }

        /// `12 received messages` (or `100+ received messages`, `1 received message`).
        public var messages: String { "\(countText) received \(count == 1 ? "message" : "messages")" }
    }

    /// How long after a message its delivery may still be on the way, in seconds: the longest buffer window (60 s,
    /// kapso-api.md §10.5) plus the 30 s Kapso holds a delivery for the ones before it (§10.4), rounded up.
    public static let deliveryGrace: Int64 = 120

    /// The inbound messages of `inbound` (the webhook's number) that arrived after the webhook's newest received
    /// delivery, its last change and the start of `period` (`24h`, `7d`, `30d`), and at least `deliveryGrace` before
    /// `now`; nil when there are none, or the webhook is not an active kapso receiver of inbound messages of that
    /// number (`WebhookAudience.subscribes`; a meta-kind one without a received delivery in the log), or a delivery is
    /// in flight, or `now` or the period is unknown. A delivery that failed or is stuck still counts as sent: those have
    /// their own findings. A receiver whose newest deliveries failed (`failing`) is read the same: messages after its last
    /// attempt got none, which no fix of the receiver brings (tester53 T6: of two webhooks that both stopped getting
    /// deliveries at one moment, only the healthy one was said to have stopped).
    public func missed(_ inbound: WebhookCheck.Inbound, period: String) -> Missed? {
        guard webhook.active, let number = webhook.phoneNumberID, inbound.number == number,
            WebhookAudience.subscribes(webhook, to: "whatsapp.message.received"), inFlight == 0, let now,
            let span = WebhookCheck.seconds(period)
        else { return nil }
        let received = (current + stuck).filter { $0.event == "whatsapp.message.received" }.map(\.created).max()
        if webhook.kind == "meta", received == nil { return nil }
        let created = webhook.createdAt.flatMap(KapsoTime.seconds(iso:)) ?? 0
        let changed = max(created, updated ?? 0)
        let start = now - span
        let since: Missed.Since
        if let received, received >= changed, received >= start {
            since = .lastDelivery(received)
        } else if changed >= start {
            since = .change(changed)
        } else {
            since = .period(start)
        }
        // A message stamped up to `TimeMatch.skew` after the newest delivery may be that delivery's own (Meta stamps the
        // message, Kapso the delivery: two clocks), so it is not counted as missed (tester51 G13).
        let cut = max(received.map { $0 + TimeMatch.skew } ?? 0, changed, start)
        let times = inbound.times.filter { $0 > cut && $0 <= now - Self.deliveryGrace }
        guard let newest = times.max(), let oldest = times.min() else { return nil }
        let more = !inbound.complete && inbound.times.allSatisfy { $0 > cut }
        return Missed(
            since: since, count: times.count, countText: "\(times.count)\(more ? "+" : "")", newest: newest, oldest: oldest,
            complete: !more)
    }
}

extension WebhookVerdict {
    /// The inbound messages of `inbound` that arrived after the webhook's newest `whatsapp.message.received` delivery and
    /// before its last change (`updated_at`), within `period`: Kapso attempted none of them (no delivery row after that
    /// one), and events are never redelivered, so they never reached it. `missed` counts only messages after the change
    /// (earlier ones may have come while it was paused or pointed elsewhere), so any `webhooks update` (a threshold, a
    /// resume) made the check of a webhook that stopped firing clean and dropped the list of what it never got (tester70
    /// F3). Nil when none, or the webhook is no active receiver of them, or it got no such delivery before the change.
    public func missedBeforeChange(_ inbound: WebhookCheck.Inbound, period: String) -> (missed: Missed, change: Int64)? {
        guard webhook.active, let number = webhook.phoneNumberID, inbound.number == number,
            WebhookAudience.subscribes(webhook, to: "whatsapp.message.received"), let now, let changed = updated,
            let span = WebhookCheck.seconds(period),
            let received = (current + stuck).filter({ $0.event == "whatsapp.message.received" }).map(\.created).max(),
            received + TimeMatch.skew < changed
        else { return nil }
        let cut = max(received + TimeMatch.skew, now - span)
        let times = inbound.times.filter { $0 > cut && $0 < changed }
        guard let newest = times.max(), let oldest = times.min() else { return nil }
        let more = !inbound.complete && inbound.times.allSatisfy { $0 > cut }
        let missed = Missed(
            since: .lastDelivery(received), count: times.count, countText: "\(times.count)\(more ? "+" : "")", newest: newest,
            oldest: oldest, complete: !more)
        return (missed, changed)
    }

    /// What to do about one message whose events an active webhook subscribes to, when Kapso recorded no delivery of
    /// them (probe19 P19-2: the trace sent the user to `webhooks check`, which could not see it). `laterDelivery` is
    /// whether those webhooks got any delivery after the message (nil: not known, never read as none); `checkSees` whether one of them
    /// receives `whatsapp.message.received`, the event `webhooks check` compares with the number's messages
    /// (`missed`). Events are never redelivered (kapso-api.md §4).
    ///
    /// `laterAnswered`: one of those later deliveries got an HTTP answer (`DeliveryAnswer`), so later events reached the
    /// receiver; without one (`response_status` null: no HTTP response, kapso-api.md §4) Kapso only attempted them, which
    /// still shows it sent later events and not this one (tester55b Y14: "reached it" of deliveries that all failed to connect).
    ///
    /// `statusesBlocked` (the number's health says Meta sends Kapso no statuses for it, `MessageVerdict.StatusPath`)
    /// explains an outbound message's missing status events before anything about the webhook (P19-3).
    ///
    /// `metaOnly`: every such webhook is of kind meta. Kapso forwards it every message event (kapso-api.md §10.1), but
    /// whether its delivery log lists those forwards is not documented (§4, §13), so without a later delivery of it in
    /// the log, the receiver's own log decides (probe44 P44-11).
    ///
    /// `rowInDoubt`: a delivery near the message was read as another message's but may be this one's
    /// (`SendAttribution.deliveryInDoubt`): the delivery log holds no WAMID (§4), so only the receiver's own log can say
    /// whether Kapso sent it, never "Kapso did not send it" (tester53b U13).
    public static func undeliveredAdvice(
        laterDelivery: Bool?, laterAnswered: Bool = false, checkSees: Bool, statusesBlocked: Bool = false, metaOnly: Bool = false,
        rowInDoubt: Bool = false
    ) -> String {
        if statusesBlocked {
            return "Meta sends Kapso no statuses for this number (the verdict says why), so none of this message's status "
                + "events can fire, whatever the webhook does"
        }
        let report = "report this message id and the webhook id to Kapso support; the event is never redelivered (Kapso documents no redelivery)"
        if rowInDoubt {
            return "the delivery log holds no WAMID: check the receiver's own log for this message; only if nothing arrived "
                + "there, " + report
        }
        if metaOnly, laterDelivery == false {
            return "whether Kapso's delivery log lists a meta-kind webhook's forwards is not documented, and it shows none to "
                + "this webhook after the message either: check the receiver's own log for this message; if nothing arrived "
                + "there, Kapso did not forward it: " + report
        }
        switch laterDelivery {
        case true? where laterAnswered:
            return "later events reached it, so Kapso skipped this one: " + report
        case true?:
            return "Kapso attempted later events to it (none of them got an HTTP response), so it skipped this one: " + report
        case false?:
            return "nor any delivery after it: the webhook stopped firing at or before this message; "
                + (checkSees ? "'webhooks check' counts the received messages it missed since its last delivery" : report)
        case nil:
            // Not known whether later events reached it (the log read does not reach back, tester55 X7): no "did not send it".
            return "whether later events reached it is not known: check the receiver's own log for this message; only if "
                + "nothing arrived there, " + report
        }
    }
}
