public import KapsoClient

/// What one webhook's deliveries of a period say about its receiver now: the one reading that `webhooks check`,
/// `errors` and `overview` share, with the times it rests on.
///
/// Rules (probe11 P11-1, P11-2, P11-6, P11-16):
/// - A delivery is evidence about the URL it went to (`webhook_url`, kapso-api.md §4) and the event it carried: one
///   sent to a URL the webhook no longer has, or of an event it no longer subscribes to, is history of an earlier
///   configuration (`Provenance`), never a verdict on the receiver configured now.
/// - The receiver's state is read from its newest settled deliveries (`delivered`/`failed`), not from a flat rate
///   over the period: failing when the newest ones failed, recovered when every delivery since its last failure
///   was delivered. The period's rate is still said, so failures "at night" stay visible.
/// - A recovery needs evidence (probe12 P12-5): when the newest of the recent window (the newest `recentWindow`
///   settled deliveries) was delivered but at least 2 of the window failed, and those failures come in two or more
///   runs between deliveries, or fewer than `recoveryRun` deliveries followed the last one, the receiver fails
///   intermittently, not recovered: every failed event is lost (Kapso has no redelivery, kapso-api.md §4).
/// - `level` is the one severity rule: an error when the newest 3 failed, or half the period's deliveries failed
///   with the newest failing, or a quarter or more of the recent window failed (at least 3) and no recovery followed.
/// - `pending` means "retries remain" (§4); Kapso's retries come within minutes by either schedule its sources give
///   (§10.3, `retrySchedule`), so a delivery still pending `stuckAfter` after its last attempt is stuck, not in progress.
/// - A paused webhook whose last change came within minutes of a burst matching Kapso's automatic pause rule (§10.4:
///   over 15 min, at least 40 deliveries, at least 10 failed, a failure rate of at least 85 %; a single source, so
///   kops says "matches", never "was") is read as probably paused by Kapso.
public struct WebhookVerdict: Sendable {
    /// Which configuration of its webhook a delivery speaks of.
    public enum Provenance: Sendable, Equatable {
        /// Sent to the webhook's URL now, with an event it subscribes to now (or the list did not say).
        case current
        /// Sent to a URL the webhook no longer has (the argument).
        case previousURL(String)
        /// An event the webhook no longer subscribes to (kind kapso only: meta webhooks list no events).
        case unsubscribedEvent(String)
        /// No webhook of the project has the delivery's `webhook_id` any more.
        case deletedWebhook
    }

    /// How the receiver configured now is doing.
    public enum State: Sendable, Equatable {
        /// No settled delivery to the current URL in the period.
        case noDeliveries
        /// Every settled delivery was delivered.
        case working
        /// The newest `count` settled deliveries failed, the first of them at `since`.
        case failing(count: Int, since: Int64)
        /// The newest `count` settled deliveries were delivered, after a failure at `lastFailure`.
        case recovered(count: Int, lastFailure: Int64)
        /// The newest `count` settled deliveries were delivered after a failure at `lastFailure`, but the recent
        /// window shows no recovery (`Recent`): failures between deliveries, or too few deliveries since.
        case intermittent(count: Int, lastFailure: Int64)
        /// The newest `count` deliveries are pending, stuck after an error answer (`stuckAfterError`), newer than the
        /// newest settled one, which was delivered (`delivered` in a row, after a failure at `lastFailure` when there was
        /// one): failed so far, so neither working nor recovered (probe44 P44-3, P43-3's rule).
        case stuckAfterError(count: Int, delivered: Int, lastFailure: Int64?)
    }

    /// The recent window: the newest `recentWindow` settled deliveries to the current configuration.
    public struct Recent: Sendable, Equatable {
        public var total = 0
        public var failed = 0
        /// Runs of consecutive failures within the window (`F D F` has 2).
        public var failureRuns = 0
        /// `created` of the window's oldest delivery (Unix seconds).
        public var first: Int64 = 0

        /// Failed share in percent, rounded down.
        public var rate: Int { total == 0 ? 0 : failed * 100 / total }
        /// A quarter or more failed, at least 3: every failed event is lost, so this is an error (P12-5).
        public var isHigh: Bool { failed >= 3 && failed * 4 >= total }
    }

    /// How many of the newest settled deliveries the state is judged on (probe12 P12-5): enough to see a receiver that
    /// fails every other event, few enough that an outage days ago does not weigh on it.
    public static let recentWindow = 20
    /// Deliveries in a row after the last failure that make a recovery (P12-5: one is thin evidence).
    public static let recoveryRun = 3

    /// By either schedule of `retrySchedule` (kapso-api.md §10.3) attempts come at most 90 s apart; 10 min leaves room for
    /// a slow attempt (10 s, §10.2) and clock skew.
    public static let stuckAfter: Int64 = 600

    public let webhook: Webhook
    /// Settled deliveries to the current URL with subscribed events, oldest first; those stamped ahead of the API's clock
    /// are in `ahead` instead when any others remain.
    public private(set) var current: [Delivery] = []
    /// Settled deliveries stamped more than `MessageTime.skew` ahead of `now`, set apart from `current` when some of its
    /// deliveries are stamped within the clock (tester66b X4: "failing since" and "the newest failed" rested on a row
    /// stamped 15 days ahead while the newest in-clock delivery was delivered): when they happened, and so their place
    /// among the others, is not known, so the state is read from the in-clock ones and these are only named
    /// (`aheadNote`). Empty when every delivery is ahead: then they are all `current`, and the note says so.
    public private(set) var ahead: [Delivery] = []
    public private(set) var previousURLs: [History] = []
    public private(set) var unsubscribed: History?
    /// Deliveries still `pending` `stuckAfter` after their last attempt, oldest first.
    public private(set) var stuck: [Delivery] = []
    /// Deliveries to the current URL still pending within the retry schedule.
    public private(set) var inFlight = 0
    /// Of those, the ones whose last attempt failed (`attemptFailed`), oldest first: being retried (P28-10).
    public private(set) var retrying: [Delivery] = []
    /// The period's deliveries of any kind, `pending` included.
    public private(set) var total = 0
    /// The webhook's `updated_at` in Unix seconds, when given.
    public let updated: Int64?
    /// The API's clock (Unix seconds) when the deliveries were read; nil when unknown.
    public let now: Int64?
    /// A 2xx other than 200 that one of its deliveries, else one of `project`'s, was counted delivered with: a failed
    /// 2xx is then not blamed on its status (`AcceptedAnswer`).
    public let accepted: AcceptedAnswer?

    /// Reads `deliveries` (any order) of `webhook` in the period; `now` is the API's clock; `project` holds the other
    /// webhooks' deliveries read with them, for `accepted` only.
    public init(_ webhook: Webhook, deliveries: [Delivery], now: Int64?, project: [Delivery] = []) {
        self.webhook = webhook
        self.now = now
        accepted = AcceptedAnswer.among(own: deliveries, project: project, url: webhook.url)
        updated = webhook.json["updated_at"]?.string.flatMap(KapsoTime.seconds(iso:))
        total = deliveries.count
        var previous: [String: History] = [:]
        var order: [String] = []
        for delivery in deliveries.sorted(by: { ($0.created, $0.id) < ($1.created, $1.id) }) {
            switch Self.provenance(url: delivery.url, event: delivery.event, of: webhook) {
            case .previousURL(let url):
                if previous[url] == nil { order.append(url) }
                previous[url, default: History(what: url)].add(delivery)
            case .unsubscribedEvent:
                unsubscribed = unsubscribed ?? History(what: "")
                unsubscribed?.add(delivery)
                let events = Set((unsubscribed?.what ?? "").split(separator: ",").map { $0.filter { $0 != " " } }).union([delivery.event])
                unsubscribed?.what = events.filter { !$0.isEmpty }.sorted().joined(separator: ", ")
            case .current, .deletedWebhook:
                if delivery.status == "pending" {
                    if let now, now - delivery.lastAttempt > Self.stuckAfter {
                        stuck.append(delivery)
                    } else {
                        inFlight += 1
                        if Self.attemptFailed(delivery) { retrying.append(delivery) }
                    }
                } else if delivery.status == "delivered" || delivery.status == "failed" {
                    current.append(delivery)
                }
            }
        }
        previousURLs = order.compactMap { previous[$0] }
        if let now {
            let split = Dictionary(grouping: current) { $0.created - now > MessageTime.skew }
            if let inClock = split[false], let stampedAhead = split[true] {
                current = inClock
                ahead = stampedAhead
            }
        }
    }

    /// Which configuration a delivery to `url` of `event` speaks of, judged against `webhook` as listed now (nil: no
    /// webhook of the project has its id). The rule `errors` and `webhooks check` share (probe11 P11-1). A URL is previous
    /// only when it names another receiver (`WebhookURL.sameReceiver`; tester54 V3: a spelling with an upper-case host and
    /// `:443` cleared a failing receiver). The webhook's `updated_at` is not asked: Kapso does not document what bumps it,
    /// and a delivery row naming another host is that host's evidence, not the URL's now (tester54b W1).
    public static func provenance(url: String, event: String, of webhook: Webhook?) -> Provenance {
        guard let webhook else { return .deletedWebhook }
        if !url.isEmpty, !webhook.url.isEmpty, !WebhookURL.sameReceiver(url, webhook.url) { return .previousURL(url) }
        if webhook.kind != "meta", !webhook.events.isEmpty, WebhookEvents.isKnown(event), !webhook.events.contains(event) {
            return .unsubscribedEvent(event)
        }
        return .current
    }

    /// The receiver's state from its newest settled deliveries, and stuck ones whose last answer was an error, newer than
    /// any of those (`stuckAfterError`): a pending delivery that got an error is failed so far (P44-3).
    public var state: State {
        let settled = settledState
        switch settled {
        case .working, .recovered:
            let after = stuckAfterError
            guard !after.isEmpty else { return settled }
            let delivered = current.reversed().prefix { $0.status == "delivered" }.count
            return .stuckAfterError(count: after.count, delivered: delivered, lastFailure: current.last { $0.status == "failed" }?.created)
        case .noDeliveries, .failing, .intermittent, .stuckAfterError:
            return settled
        }
    }

    /// The state from the settled deliveries alone.
    private var settledState: State {
        guard let newest = current.last else { return .noDeliveries }
        let run = current.reversed().prefix { $0.status == newest.status }
        if newest.status == "failed" { return .failing(count: run.count, since: run.last?.created ?? newest.created) }
        guard let failure = current.last(where: { $0.status == "failed" }) else { return .working }
        let window = recent
        if window.failed >= 2, window.failureRuns >= 2 || run.count < Self.recoveryRun {
            return .intermittent(count: run.count, lastFailure: failure.created)
        }
        return .recovered(count: run.count, lastFailure: failure.created)
    }

    /// The newest `recentWindow` settled deliveries to the current configuration, counted.
    public var recent: Recent {
        var window = Recent()
        var previous = "delivered"
        for delivery in current.suffix(Self.recentWindow) {
            if window.total == 0 { window.first = delivery.created }
            window.total += 1
            if delivery.status == "failed" {
                window.failed += 1
                if previous != "failed" { window.failureRuns += 1 }
            }
            previous = delivery.status
        }
        return window
    }

    /// How serious the receiver's state is, for an active webhook; nil when its deliveries call for no finding. The one
    /// severity rule `webhooks check`, `overview`, `errors` and `health` read.
    public var level: WebhookCheck.Severity? {
        let window = recent
        switch state {
        case .noDeliveries, .working:
            return retrying.isEmpty ? nil : .warning
        case .failing(let count, _):
            if count >= 3 || failureRate >= 50 || window.isHigh { return .error }
            return count >= 2 || failureRate >= 10 ? .warning : nil
        case .intermittent:
            return window.isHigh ? .error : .warning
        case .stuckAfterError(let count, _, _):
            return count >= 3 ? .error : .warning
        case .recovered(let count, let lastFailure):
            if !retrying.isEmpty { return .warning }
            if count >= 3, let now, now - lastFailure >= 86_400 { return .info }
            return failureRate >= 10 ? .warning : nil
        }
    }

    /// True when the receiver configured now loses events while Kapso still sends to it: an active webhook whose newest
    /// deliveries fail, or that fails intermittently (`overview` and `health` name it as failing now). A paused webhook
    /// loses every event (`losesEvents`) but is said as paused, not failing.
    public var failsNow: Bool {
        guard webhook.active else { return false }
        switch state {
        case .failing, .intermittent: return true
        case .noDeliveries, .working, .recovered, .stuckAfterError: return !retrying.isEmpty
        }
    }

    /// Failed settled deliveries to the current configuration.
    public var failed: Int { current.filter { $0.status == "failed" }.count }

    /// Failed share of `current` in percent, rounded down.
    public var failureRate: Int { current.isEmpty ? 0 : failed * 100 / current.count }

    /// The answers of `deliveries` in words, most frequent first: `HTTP 401`, `no HTTP response`.
    public static func answers(_ deliveries: [Delivery]) -> [String] {
        var counts: [String: Int] = [:]
        for delivery in deliveries { counts[delivery.answer.label, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// `2026-11-21T09:20:00Z (2 h 40 min ago)`; `2026-12-06T18:52:18Z (15 d 6 h ahead of the API's clock)` for a time more
    /// than `MessageTime.skew` ahead of `now` (tester64b U7: "the last at …" read as a recent failure); the bare time when
    /// `now` is unknown.
    public func when(_ time: Int64) -> String {
        guard let now else { return KapsoTime.iso(time) }
        if time - now > MessageTime.skew { return KapsoTime.iso(time) + " (\(Elapsed.text(time - now)) ahead of the API's clock)" }
        return KapsoTime.iso(time) + (now >= time ? " (\(Elapsed.text(now - time)) ago)" : "")
    }

    /// `2026-12-06T18:52:18Z (15 d 6 h ahead of the API's clock)` for a time more than `MessageTime.skew` ahead of `now`,
    /// else the bare time (tester66b X4: "the last delivered at" named an ahead time bare).
    public func marked(_ time: Int64) -> String {
        guard let now, time - now > MessageTime.skew else { return KapsoTime.iso(time) }
        return KapsoTime.iso(time) + " (\(Elapsed.text(time - now)) ahead of the API's clock)"
    }

    /// `; all 4 are stamped ahead of the API's clock (2026-11-21T12:00:00Z): counted in the last 7d as Kapso listed them,
    /// but when they happened is not known`, when every one of `current` was created more than `MessageTime.skew` after
    /// `now` (`when` marks each such time; tester64b U7, as `DeliveryStats.aheadNote` says it for `deliveries stats`).
    /// When only some are (`ahead`, tester66b X4): `; 2 more are stamped ahead of the API's clock (…), so when they
    /// happened is not known and this reading rests on the 3 stamped within it: 1 failed (HTTP 500), 1 delivered, stamped
    /// from 2026-11-25T09:00:00Z (3 d 21 h ahead of the API's clock) to …`. Empty when none is ahead.
    public func aheadNote(period: String) -> String {
        guard let now else { return "" }
        if !ahead.isEmpty {
            let failures = ahead.filter { $0.status == "failed" }
            let delivered = ahead.count - failures.count
            var parts: [String] = []
            if !failures.isEmpty { parts.append("\(failures.count) failed (\(Self.answers(failures).joined(separator: ", ")))") }
            if delivered > 0 { parts.append("\(delivered) delivered") }
            let times = ahead.map(\.created)
            let first = times.min() ?? now, last = times.max() ?? now
            let stamped = first == last ? "stamped \(marked(first))" : "stamped from \(marked(first)) to \(marked(last))"
            return "; \(ahead.count) more \(ahead.count == 1 ? "is" : "are") stamped ahead of the API's clock (\(KapsoTime.iso(now))), so when "
                + "\(ahead.count == 1 ? "it" : "they") happened is not known and this reading rests on the \(current.count) stamped within it: "
                + parts.joined(separator: ", ") + ", \(stamped)"
        }
        let ahead = current.filter { $0.created - now > MessageTime.skew }.count
        guard ahead > 0 else { return "" }
        let them = ahead == current.count ? (ahead == 1 ? "it is" : "all \(ahead) are") : "\(ahead) of them \(ahead == 1 ? "is" : "are")"
        return "; \(them) stamped ahead of the API's clock (\(KapsoTime.iso(now))): counted in the last \(period) as Kapso listed "
            + "them, but when they happened is not known"
    }

    /// A burst of failures just before the webhook's last change that matches Kapso's automatic pause (kapso-api.md
    /// §10.4), for a paused webhook: the deliveries created in the 15 minutes before the newest delivery made before
    /// `updated_at`, when that change came within 15 minutes of it.
    public var autoPause: (total: Int, failed: Int, first: Int64, last: Int64)? {
        guard !webhook.active, let updated else { return nil }
        let before = current.filter { $0.created <= updated }
        guard let last = before.last?.created, updated - last <= 900 else { return nil }
        let burst = before.filter { $0.created >= last - 900 }
        let failed = burst.filter { $0.status == "failed" }.count
        guard burst.count >= 40, failed >= 10, failed * 100 >= burst.count * 85, let first = burst.first?.created else { return nil }
        return (burst.count, failed, first, last)
    }

    /// The receiver's state now in one clause, for `errors` and `health`: `paused (active: false…): nothing is delivered
    /// to it` (`pauseHeadline`: whatever its deliveries before the pause say, P15-4), `failing: …`, `fails intermittently:
    /// …`, `recovered since: …`; nil when its deliveries say nothing (none, or all delivered).
    public var headline: String? {
        if let paused = pauseHeadline { return paused }
        if let retryingNow { return "failing: " + retryingNow }
        switch state {
        case .noDeliveries, .working: return nil
        case .failing(let count, let since):
            let newest = count == 1 ? "its newest delivery failed" : count == current.count ? "all \(count) deliveries failed" : "its newest \(count) deliveries failed"
            return "failing: \(newest), since \(KapsoTime.iso(since))"
        case .recovered(let count, let lastFailure):
            let since = count == 1 ? "the one delivery after it was delivered" : "all \(count) deliveries after it were delivered"
            return "recovered since its last failure at \(KapsoTime.iso(lastFailure)): \(since)"
        case .intermittent:
            return "fails intermittently: " + recentCount
        case .stuckAfterError:
            return stuckHeadline
        }
    }

    /// `10 of its newest 20 deliveries (from 2026-11-21T02:05:00Z) failed (50 %)`: the recent window in words.
    public var recentCount: String {
        let window = recent
        let newest = window.total == current.count ? "its \(window.total) deliveries" : "its newest \(window.total) deliveries"
        return "\(window.failed) of \(newest) (from \(KapsoTime.iso(window.first))) failed (\(Percent.shown(window.failed, of: window.total)))"
    }
}
