public import KapsoClient

/// Findings on what a webhook's deliveries say (`WebhookVerdict`): the receiver failing now or recovered, failures
/// at a previous URL or of events no longer subscribed (history), deliveries stuck in `pending`, a pause that
/// matches Kapso's automatic one, and a webhook that receives nothing while its number receives messages.
extension WebhookCheck {
    /// The inbound messages of one number that kops read: their times, newest first (Unix seconds), and whether
    /// that is all of them (`complete`: fewer than a page) or only the newest page.
    public struct Inbound: Sendable {
        public var number: String
        public var times: [Int64]
        public var complete: Bool

        public init(number: String, times: [Int64], complete: Bool) {
            self.number = number
            self.times = times.sorted(by: >)
            self.complete = complete
        }

        /// `7`, or `100+` when the page was full and every message on it is newer than `cut`.
        func count(after cut: Int64) -> (text: String, count: Int, newest: Int64?) {
            let after = times.filter { $0 > cut }
            let more = !complete && after.count == times.count
            return ("\(after.count)\(more ? "+" : "")", after.count, after.first)
        }
    }

    /// `7d` → 604800; nil for a period Kapso does not take.
    static func seconds(_ period: String) -> Int64? {
        ["24h": 86_400, "7d": 604_800, "30d": 2_592_000][period]
    }

    mutating func checkReceiver(_ verdict: WebhookVerdict, period: String, inbound: Inbound?, apiIsLocal: Bool) {
        let webhook = verdict.webhook
        let id = webhook.id
        let list = DeliveryPeriod.command(webhookID: id, errors: true, period: period)
        let advice = verdict.failureAdvice
        // An unreachable URL has its own finding ("expose the receiver"): "answer faster" is not its fix.
        let judged = apiIsLocal || WebhookURL.unreachable(webhook.url) == nil
        if !webhook.active {
            paused(verdict, inbound: inbound)
        } else if judged, let retrying = verdict.retryingNow {
            add(.warning, webhook, retrying, fix: "\(advice); 'deliveries --webhook \(id) --status pending --period \(period)' lists them")
        } else if judged, let (severity, problem) = receiverNow(verdict, period: period) {
            let fix: String
            if case .stuckAfterError = verdict.state {
                fix = "\(advice); 'deliveries --webhook \(id) --status pending --period \(period)' lists them"
            } else if case .recovered = verdict.state, severity == .info {
                fix = "none now; the events of the failed deliveries were never delivered (Kapso has no redelivery, "
                    + "https://docs.kapso.ai/api/platform/v1/webhook-deliveries/list-webhook-deliveries): '\(list)' lists them, 'messages' holds the messages they carried"
            } else {
                fix = "\(advice); '\(list)' lists them"
            }
            add(severity, webhook, problem, fix: fix)
        } else if judged, verdict.ahead.contains(where: { $0.status == "failed" }), let newest = verdict.current.last {
            // In-clock deliveries all delivered, failures only among rows stamped ahead (tester66b X4): named, not judged.
            add(
                .info, webhook,
                (verdict.current.count == 1
                    ? "the one delivery stamped within the API's clock was delivered, at "
                    : "the \(verdict.current.count) deliveries stamped within the API's clock were all delivered, the newest at ")
                    + verdict.when(newest.created) + verdict.aheadNote(period: period),
                fix: "none if the receiver works now; '\(list)' lists the failed ones")
        }
        for history in verdict.previousURLs where history.failed > 0 {
            let now = Self.since(history, in: verdict, none: "no delivery to \(webhook.url) since", some: "delivered to \(webhook.url) since")
            add(
                .info, webhook,
                "\(history.failed) of \(history.total) deliveries to a previous URL, \(history.what)"
                    + (WebhookURL.queryValuesDiffer(history.what, webhook.url).map { " (\($0) than the URL now)" } ?? "") + ", failed "
                    + "(\(history.answers.joined(separator: ", "))), the last at \(verdict.when(history.last)): they say nothing "
                    + "about the URL it has now; \(now)",
                fix: "none for the URL now; those events were never delivered (Kapso documents no redelivery): "
                    + "'\(DeliveryPeriod.command(webhookID: id, errors: true, period: period))' lists them")
        }
        if let history = verdict.unsubscribed, history.failed > 0 {
            let now = Self.since(history, in: verdict, none: "no delivery of its events since", some: "of its events delivered since")
            add(
                .info, webhook,
                "\(history.failed) of \(history.total) deliveries of \(history.what), "
                    + "which it no longer subscribes to, failed (\(history.answers.joined(separator: ", "))), the last at "
                    + "\(verdict.when(history.last)): they say nothing about the events it receives now; \(now)",
                fix: "none for its events now; '\(list)' lists the old failures")
        }
        if let oldest = verdict.stuck.first, let now = verdict.now {
            let quiet = now - (verdict.stuck.map(\.lastAttempt).max() ?? oldest.lastAttempt)
            let ids = verdict.stuck.prefix(3).map(\.id).joined(separator: ", ") + (verdict.stuck.count > 3 ? ", …" : "")
            let count = verdict.stuck.count
            add(
                .warning, webhook,
                "\(count) \(count == 1 ? "delivery" : "deliveries") still pending with no new attempt for \(Elapsed.text(quiet)) "
                    + "or more (the oldest created at \(KapsoTime.iso(oldest.created)), "
                    + "\(DeliveryAnswer.attempts(oldest.attempts))): \(WebhookVerdict.retryOverdue), so "
                    + "\(count == 1 ? "it is" : "they are") stuck, not in progress",
                fix: "report \(count == 1 ? "it" : "them") to Kapso support with the \(count == 1 ? "id" : "ids") (\(ids)); "
                    + "'deliveries --webhook \(id) --status pending --period \(period)' lists them")
        }
        silent(verdict, period: period, inbound: inbound)
    }

    /// How the current configuration did after an earlier one's last delivery: `none` when nothing was sent since, else
    /// `3 of 4 ` + `some` (`delivered to URL since`, `of its events delivered since`).
    private static func since(_ history: WebhookVerdict.History, in verdict: WebhookVerdict, none: String, some: String) -> String {
        let since = verdict.current.filter { $0.created > history.last }
        guard !since.isEmpty else { return none }
        return "\(since.filter { $0.status == "delivered" }.count) of \(since.count) \(some)"
    }

    /// The receiver's state as a finding, at the severity `WebhookVerdict.level` gives: an error when its newest
    /// deliveries fail or it fails intermittently; failures it recovered from more than a day ago, with at least 3
    /// deliveries since, are history (info).
    /// Deliveries stamped ahead of the API's clock are named after it (`WebhookVerdict.aheadNote`, tester64b U7).
    private func receiverNow(_ verdict: WebhookVerdict, period: String) -> (Severity, String)? {
        receiverState(verdict, period: period).map { ($0.0, $0.1 + verdict.aheadNote(period: period)) }
    }

    private func receiverState(_ verdict: WebhookVerdict, period: String) -> (Severity, String)? {
        guard let severity = verdict.level else { return nil }
        let total = verdict.current.count
        let failed = verdict.failed
        let counted = "\(failed) of \(total) deliveries failed in the last \(period) (\(Percent.shown(failed, of: total)))"
        switch verdict.state {
        case .noDeliveries, .working:
            return nil
        case .failing(let count, let since):
            let run = Array(verdict.current.suffix(count))
            let answers = WebhookVerdict.answers(run).joined(separator: ", ")
            let last = run.last?.created ?? since
            var text = count == total
                ? "\(counted): all of them (\(answers)), the last at \(verdict.when(last))"
                : "\(counted); failing since \(KapsoTime.iso(since)): the newest \(count) failed (\(answers)), the last at \(verdict.when(last))"
            if let delivered = verdict.current.last(where: { $0.status == "delivered" }) {
                text += "; the last delivered at \(verdict.marked(delivered.created))"
                if let updated = verdict.updated, updated > delivered.created, updated <= since {
                    text += "; the webhook was changed at \(KapsoTime.iso(updated)), between that delivery and the first failure "
                        + "(what changed is not in the API: URL, secret_key, headers, events, buffering or payload_version)"
                        + Self.bufferingNote(verdict, failures: run)
                }
            }
            // Failures between deliveries in the recent window: the newest run alone understates it (P12-5).
            let window = verdict.recent
            if count < 3, window.failureRuns >= 2, window.isHigh { text += "; it fails intermittently: " + verdict.recentCount }
            return (severity, text)
        case .intermittent(let count, let lastFailure):
            let window = verdict.recent
            let failures = verdict.current.suffix(window.total).filter { $0.status == "failed" }
            let answers = WebhookVerdict.answers(failures).joined(separator: ", ")
            let newest = verdict.current.last?.created ?? lastFailure
            var text = "fails intermittently: \(verdict.recentCount)"
            if window.failureRuns >= 2 { text += ", in \(window.failureRuns) separate runs between deliveries" }
            text += " (\(answers)), the newest failure at \(verdict.when(lastFailure)); "
            let since = count == 1 ? "the one delivery since" : "the \(count) deliveries since"
            text += window.failureRuns >= 2
                ? "it failed again after earlier deliveries, so \(since) (the newest at \(verdict.when(newest))) "
                    + "\(count == 1 ? "is" : "are") no recovery"
                : "only \(count) delivered since (the newest at \(verdict.when(newest))): too few to call it recovered "
                    + "(kops wants \(WebhookVerdict.recoveryRun) in a row)"
            if total > window.total { text += "; \(counted)" }
            return (severity, text)
        case .stuckAfterError:
            return verdict.stuckProblem(counted: counted).map { (severity, $0) }
        case .recovered(let count, let lastFailure):
            let newest = verdict.current.last?.created ?? lastFailure
            let failures = verdict.current.filter { $0.status == "failed" }
            let answers = WebhookVerdict.answers(failures).joined(separator: ", ")
            let since = count == 1 ? "the one delivery since was delivered, at" : "all \(count) since were delivered, the newest at"
            let text = "\(counted), the last at \(verdict.when(lastFailure)) (\(answers)); \(since) \(verdict.when(newest))"
            return (severity, severity == .info ? "recovered: " + text : text)
        }
    }

    /// `; buffering is on now: if that change turned it on, …`: for failures the receiver answered with a 4xx after a
    /// change, on a webhook that batches received messages. Buffering changes the body of every
    /// `whatsapp.message.received` delivery to `{"batch": true, "data": [...]}` (kapso-api.md §10.5), which a handler
    /// written for one message refuses (tester70 F2: the cause sat three findings lower as an info, unlinked). Empty
    /// otherwise.
    static func bufferingNote(_ verdict: WebhookVerdict, failures: [WebhookVerdict.Delivery]) -> String {
        let refused = failures.contains { $0.event == "whatsapp.message.received" && (400..<500).contains($0.http ?? 0) }
        guard verdict.webhook.bufferEnabled, refused else { return "" }
        return "; buffering is on now: if that change turned it on, every whatsapp.message.received delivery since is "
            + "batch-shaped (batch: true, data[]), which a handler that reads one message refuses: make it read batch bodies, "
            + "or turn buffering off"
    }

    /// `paused (active: false)`, with what preceded the pause: a burst matching Kapso's automatic pause, or the
    /// receiver failing at its last deliveries; and the inbound messages that arrived since.
    private mutating func paused(_ verdict: WebhookVerdict, inbound: Inbound?) {
        let webhook = verdict.webhook
        var problem = "paused (active: false): nothing is delivered to it"
        // The severity and the fix are the one rule every command reads (`WebhookVerdict.severity`, `resumeFix`).
        let severity = verdict.severity ?? .warning
        if let burst = verdict.autoPause, let updated = verdict.updated {
            let answers = WebhookVerdict.answers(verdict.current.filter { $0.created >= burst.first && $0.created <= burst.last && $0.status == "failed" })
            problem = "paused (active: false) since \(verdict.when(updated)) (its last change), "
                + "\(Elapsed.text(updated - burst.last)) after \(burst.failed) of \(burst.total) deliveries within "
                + "\(Elapsed.text(burst.last - burst.first)) failed (\(answers.joined(separator: ", "))): this matches Kapso's "
                + "automatic pause (https://docs.kapso.ai/docs/platform/webhooks/advanced: at least 40 deliveries, 10 failed and 85 % failed in 15 min), so Kapso "
                + "probably paused it; nothing is delivered to it since"
        } else {
            if let updated = verdict.updated { problem += "; last changed at \(verdict.when(updated))" }
            if verdict.pause == .afterFailures, case .failing(let count, _) = verdict.state {
                let run = Array(verdict.current.suffix(count))
                let answers = WebhookVerdict.answers(run).joined(separator: ", ")
                problem += "; before that its newest \(count) \(count == 1 ? "delivery" : "deliveries") failed (\(answers)), "
                    + "the last at \(verdict.when(run.last?.created ?? 0))"
            } else if verdict.pause == .afterFailures, case .intermittent = verdict.state {
                problem += "; before that it failed intermittently: \(verdict.recentCount)"
            }
        }
        // Only a receiver of inbound messages missed them; what a paused receiver of other events missed is not read.
        let receives = WebhookAudience.subscribes(webhook, to: "whatsapp.message.received")
        if receives, let inbound, let updated = verdict.updated {
            let since = inbound.count(after: updated)
            if since.count > 0, let newest = since.newest {
                problem += "; \(since.text) inbound \(since.count == 1 ? "message" : "messages") arrived on \(inbound.number) "
                    + "since that change (the last at \(verdict.when(newest))), none delivered to it"
            }
        }
        // A webhook the check deletes is not resumed: its replacement is created active.
        let created = "\(Self.replacingCreate) makes an active one (add --active false to keep it paused)"
        let replaced = verdict.pause == .unexplained ? "none apart: " + created : "fix the receiver first (\(verdict.failureAdvice)); " + created
        add(
            severity, webhook, problem,
            fix: insteadOfUpdate(webhook, replaced: replaced) ?? verdict.resumeFix ?? "webhooks update \(webhook.id) --active true")
    }

    /// An active phone-number webhook that should receive inbound messages but got no delivery of them in the period
    /// while messages arrived on its number after its last change (probe11 P11-5: "the webhook stopped firing").
    /// Only messages after `updated_at` count: earlier ones may have arrived while it was paused or pointed elsewhere.
    /// A meta-kind webhook gets every message event (`WebhookAudience.subscribes`, probe44 P44-11), but whether Kapso
    /// lists its forwards in the delivery log is not documented (kapso-api.md §4 and §13 say nothing of it), so for one
    /// the finding says its receiver's own log decides.
    private mutating func silent(_ verdict: WebhookVerdict, period: String, inbound: Inbound?) {
        let webhook = verdict.webhook
        guard webhook.active, let number = webhook.phoneNumberID, let inbound, inbound.number == number,
            WebhookAudience.subscribes(webhook, to: "whatsapp.message.received"),
            let now = verdict.now, let span = Self.seconds(period)
        else { return }
        let received = verdict.current.contains { $0.event == "whatsapp.message.received" }
            || verdict.stuck.contains { $0.event == "whatsapp.message.received" } || verdict.inFlight > 0
        // Any delivery to an earlier URL also says Kapso sends to it: not "receives nothing".
        guard !received, verdict.previousURLs.isEmpty else {
            stopped(verdict, period: period, inbound: inbound)
            return
        }
        let created = webhook.createdAt.flatMap(KapsoTime.seconds(iso:)) ?? 0
        let changed = max(created, verdict.updated ?? 0)
        let cut = max(changed, now - span)
        let after = inbound.count(after: cut)
        guard after.count > 0, let newest = after.newest else { return }
        let window = cut == changed ? "since its last change at \(KapsoTime.iso(changed))" : "in that time"
        // Info, not a warning: with Kapso's logging of meta forwards undocumented, this may be every meta webhook's normal
        // state; the receiver's own log tells (a received delivery in the log makes it the "stopped firing" rule's).
        if webhook.kind == "meta" {
            add(
                .info, webhook,
                "no delivery logged in the last \(period), although \(after.text) inbound \(after.count == 1 ? "message" : "messages") "
                    + "arrived on \(number) \(window) (the last at \(verdict.when(newest))): as kind meta it gets every message event "
                    + "Meta sends (https://docs.kapso.ai/docs/platform/webhooks/overview), but whether Kapso's delivery log lists meta-kind forwards is not documented",
                fix: "check the receiver's own log for those messages; if none arrived, 'health' (webhook_subscription must list "
                    + "messages), then report this webhook id to Kapso support; 'messages --direction inbound' holds them")
            return
        }
        add(
            .warning, webhook,
            "no whatsapp.message.received delivery in the last \(period), although \(after.text) inbound \(after.count == 1 ? "message" : "messages") arrived on "
                + "\(number) \(window) (the last at \(verdict.when(newest))): Kapso did not deliver them to it",
            fix: "'health' (webhook_subscription must list messages), then 'logs search --source whatsapp_webhook_event --period "
                + "\(period == "30d" ? "7d" : period)' (what Meta sent Kapso); if Meta's events arrive, report this webhook id to Kapso support")
    }

    /// An active receiver of inbound messages that got deliveries, then none while its number kept receiving messages
    /// (`WebhookVerdict.missed`; probe19 P19-2): nothing failed, so no other rule sees it. An error from
    /// `Missed.errorCount` missed messages. Kapso stored the messages, so Meta delivered them to Kapso; the webhook
    /// is active, so Kapso's automatic pause did not stop it.
    private mutating func stopped(_ verdict: WebhookVerdict, period: String, inbound: Inbound) {
        let webhook = verdict.webhook
        neverDelivered(verdict, period: period, inbound: inbound)
        guard let missed = verdict.missed(inbound, period: period), let number = webhook.phoneNumberID else { return }
        let since: String
        switch missed.since {
        case .lastDelivery(let last): since = "since \(verdict.when(last))"
        case .change(let changed): since = "since its last change at \(verdict.when(changed))"
        case .period: return
        }
        let search = "logs search --source webhook_delivery --period \(period == "30d" ? "7d" : period)"
        // Attempts failing while pending (an error answer or none at all: tester64b U6) point at the receiver too.
        let settledFailing = if case .failing = verdict.state { true } else { false }
        let failing = settledFailing || !verdict.stuckFailing.isEmpty || !verdict.retrying.isEmpty
        add(
            missed.severity, webhook,
            "no whatsapp.message.received delivery \(since), although \(missed.messages) arrived on \(number) since then "
                + "(\(missed.firstText), the last at \(verdict.when(missed.newest))): Kapso stored them "
                + "but sent this webhook none, and none failed or waits, so it stopped firing",
            fix: (failing ? "its earlier deliveries failed (\(settledFailing ? "above" : "their last attempts, named in this check")), but none was attempted for these, so fixing the receiver "
                + "alone does not bring them; " : "")
                + "it is active, so Kapso's automatic pause (which sets active: false, docs.kapso.ai/docs/platform/webhooks/advanced) "
                + "did not stop it\(failing ? "" : ", and no failure points at the receiver"): report the webhook id and the time of its last "
                + "delivery to Kapso support; '\(search)' shows whether Kapso tried to deliver; missed events are never "
                + "redelivered: 'messages --direction inbound' holds them")
    }

    /// Messages that arrived after its newest received delivery and before its last change, never delivered to it
    /// (`WebhookVerdict.missedBeforeChange`, tester70 F3): kept after any update, dated, a warning, as whether it fires
    /// since the change is not known until a message arrives after it.
    private mutating func neverDelivered(_ verdict: WebhookVerdict, period: String, inbound: Inbound) {
        guard let (missed, change) = verdict.missedBeforeChange(inbound, period: period), let number = verdict.webhook.phoneNumberID,
            case .lastDelivery(let last) = missed.since
        else { return }
        let after = inbound.times.contains { $0 > change }
        add(
            .warning, verdict.webhook,
            "\(missed.messages) arrived on \(number) after its last whatsapp.message.received delivery (\(verdict.when(last))) and "
                + "before its last change at \(verdict.when(change)) (\(missed.firstText), the last at \(verdict.when(missed.newest))): "
                + "Kapso attempted none of them, so they never reached it"
                + (after ? "" : "; whether it fires since the change is not known yet: no message has arrived since"),
            fix: "missed events are never redelivered: 'messages --direction inbound' holds them, for the receiver to backfill; "
                + "note them before a 'webhooks test': its delivery is read as the webhook's newest, and this list is no longer shown")
    }
}
