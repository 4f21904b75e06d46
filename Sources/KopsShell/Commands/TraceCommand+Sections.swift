internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Meta's webhooks, webhook deliveries, API log entries and JSON

extension TraceCommand {
    /// The webhooks Meta sent Kapso about the message (log search), with time since send and errors.
    static func metaEvents(_ trace: MessageTrace) -> [Block] {
        let heading: [Block] = [.line(StyledText(""))]
        switch trace.metaEvents {
        case .failed(let error):
            return heading + [.line(StyledText("Meta's webhooks: not loaded: \(error)", style: .warn))]
        case .loaded(.unavailable(let reason)):
            return heading + [.line(StyledText("Meta's webhooks: not searched: \(reason)", style: .dim))]
        case .loaded(.events(let events)) where events.isEmpty:
            // A search that does not reach back to the message says nothing of it (tester55 X4).
            if let unread = trace.metaReach.unread(log: "log search", rows: nil) {
                return heading + [.line(StyledText("Meta's webhooks: none read: \(unread); what Meta told Kapso of it is not known", style: .dim))]
            }
            let text = "Meta's webhooks: none about this message in log search (Meta has not told Kapso of it in that period)"
            return heading + [.line(StyledText(text, style: .warn))]
        case .loaded(.events(let events)):
            let sent = trace.message.time
            // The same status at the same time again is one notification Meta delivered twice (StatusHistory).
            var seen: Set<[String]> = []
            let rows = events.map { event -> [StyledText] in
                let reading = LogSearchReading(event)
                let again = event.status != nil && !seen.insert([reading.what, event.time]).inserted ? " (again: the same notification)" : ""
                var delta = "-"
                if let at = KapsoTime.seconds(iso: event.time), let sent {
                    let seconds: Int64 = at - sent
                    delta = (seconds < 0 ? "-" : "+") + Elapsed.text(abs(seconds))
                }
                return [
                    StyledText(TimeText.short(event.time)), StyledText(reading.what + again, style: reading.isProblem ? .bad : .plain),
                    StyledText(delta), StyledText(event.id),
                ]
            }
            let table = Table(
                columns: [
                    Column("TIME", truncation: .never), Column("META SENT KAPSO"), Column("AFTER", truncation: .never),
                    Column("EVENT ID", truncation: .middle),
                ], rows: rows)
            return heading + [.line(StyledText("Meta's webhooks: \(events.count) (log search)")), .table(table)]
        }
    }

    static func deliveries(_ trace: MessageTrace, now: Int64) -> [Block] {
        let heading: [Block] = [.line(StyledText(""))]
        // Deliveries another message to (or from) the contact is nearer to, or shared with it (P44-2).
        let sharing = trace.deliveriesSharing.map { Block.line(StyledText($0, style: .warn)) }
        switch trace.deliveries {
        case .failed(let error):
            return heading + [.line(StyledText("webhook deliveries: not loaded: \(error)", style: .warn))]
        case .loaded(let deliveries) where deliveries.isEmpty:
            let events = trace.message.isInbound ? "whatsapp.message.received" : "message status events"
            // No event is documented for a system notification, imported history or an app echo: none missing
            // (tester49 F8, tester50 F2).
            if let undocumented = WebhookAudience.deliveryUndocumented(trace.message) {
                return heading + [.line(StyledText("webhook deliveries: none; " + undocumented, style: .dim))] + sharing
            }
            // Rows read short of the message, or a message older than the log, say nothing of its deliveries (tester55 X4, X7).
            if let unread = trace.deliveriesReach.unread(log: "the delivery log", rows: "deliveries") {
                let text = "webhook deliveries: none read: \(unread); whether Kapso sent this message's events cannot be told from it"
                var lines = [Block.line(StyledText(text, style: .warn))]
                // What the webhook list read now says is no reading of the log: kept (tester55b Y10).
                if case .loaded(let webhooks)? = trace.numberWebhooks {
                    let audience = WebhookAudience(webhooks: webhooks, message: trace.message)
                    if audience.due(now: now).isEmpty, audience.pending(now: now).isEmpty, audience.notExpected.isEmpty {
                        lines.append(.line(StyledText(
                            "  no active webhook of this number subscribes to \(events) now (message events go only to "
                                + "phone-number-scoped webhooks subscribed to them)", style: .warn)))
                    }
                }
                return heading + lines + sharing
            }
            guard case .loaded(let webhooks)? = trace.numberWebhooks else {
                return heading + [
                    .line(StyledText("webhook deliveries: none for \(events) (they go only to phone-number-scoped webhooks)", style: .warn))
                ] + sharing
            }
            // Only the webhooks that should have had it by now (P44-9, P44-11, P44-6: created later, meta-kind, buffering).
            let audience = WebhookAudience(webhooks: webhooks, message: trace.message)
            let due = audience.due(now: now)
            let pending = audience.pending(now: now)
            var lines: [Block] = []
            if !due.isEmpty {
                let reading = trace.attribution?.deliveryInDoubt == true ? inDoubt : undelivered
                lines.append(.line(StyledText("webhook deliveries: none for \(events), although " + subscribedText(due) + reading, style: .bad)))
            } else if let first = pending.first {
                lines.append(.line(StyledText(
                    "webhook deliveries: none yet for \(events): \(first.webhook.url) should get it, and "
                        + WebhookAudience.pendingText(dueBy: first.dueBy, window: first.window), style: .dim)))
            } else if !audience.notExpected.isEmpty {
                lines.append(.line(StyledText(
                    "webhook deliveries: none for \(events), and no webhook of this number is known to have been active and "
                        + "subscribed to them at the message's time:", style: .warn)))
            } else {
                lines.append(.line(StyledText(
                    "webhook deliveries: none for \(events): no active webhook of this number subscribes to them (message events "
                        + "go only to phone-number-scoped webhooks subscribed to them)", style: .warn)))
            }
            for webhook in pending.dropFirst(due.isEmpty ? 1 : 0) {
                lines.append(.line(StyledText(
                    "  \(webhook.webhook.url) should get it too: " + WebhookAudience.pendingText(dueBy: webhook.dueBy, window: webhook.window),
                    style: .dim)))
            }
            lines += audience.notExpected.map { .line(StyledText("  " + $0, style: .dim)) }
            return heading + lines + sharing
        case .loaded(let deliveries):
            let rows = deliveries.map { delivery -> [StyledText] in
                [
                    StyledText(TimeText.short(delivery.createdAt)), StyledText(delivery.event),
                    StyledText(delivery.status, style: delivery.status == "delivered" ? .good : delivery.status == "failed" ? .bad : .warn),
                    StyledText(delivery.answer.cell(none: DeliveryAnswer.noResponseLabel)),
                    StyledText(delivery.attemptCount.map(String.init) ?? DeliveryAnswer.unreadableLabel), StyledText(delivery.webhookURL),
                ]
            }
            let table = Table(
                columns: [
                    Column("DELIVERED AT", truncation: .never), Column("EVENT", truncation: .never),
                    Column("STATUS", truncation: .never), Column("HTTP", truncation: .never),
                    Column("ATTEMPTS", truncation: .never, alignRight: true), Column("WEBHOOK URL", truncation: .middle),
                ], rows: rows)
            let unread = trace.deliveriesReach.unread(log: "the delivery log", rows: "deliveries").map { "\($0): more of this message's may be older" }
            let note = [trace.deliveriesNote, unread].compactMap { $0 }.map { Block.line(StyledText($0, style: .warn)) }
            return heading + [.line(StyledText("webhook deliveries: \(deliveries.count)"))] + note + sharing + [.table(table)]
        }
    }

    /// `1 active webhook of this number subscribes to them (https://hooks.example.com/k)`; at most two URLs named, a
    /// meta-kind one marked as getting every message event (kapso-api.md §10.1).
    static func subscribedText(_ hooks: [Webhook]) -> String {
        let urls = hooks.prefix(2).map { $0.url + ($0.kind == "meta" ? " [kind meta: Kapso forwards it every message event]" : "") }
            .joined(separator: ", ") + (hooks.count > 2 ? ", …" : "")
        return "\(hooks.count) active \(hooks.count == 1 ? "webhook of this number subscribes" : "webhooks of this number subscribe") to them (\(urls))"
    }

    static let undelivered = ": Kapso recorded no delivery of this message"

    /// Said instead of `undelivered` when a delivery left out as another message's may be this one's (tester53b U13).
    static let inDoubt = ": none surely of this message; the one read as another message's may be its own (below)"

    /// The line under the verdict when the message's events have a webhook that should have received them by now
    /// (`WebhookAudience.due`) and no delivery was recorded (probe17 P17-11: the verdict was a clean "received"), with
    /// Kapso's processing status as the first suspect when it is not done; nil otherwise.
    static func undeliveredNote(_ trace: MessageTrace, now: Int64) -> String? {
        // Nothing is drawn from deliveries the log read does not reach back to (tester55 X4, X7).
        guard case .loaded(let deliveries) = trace.deliveries, deliveries.isEmpty, trace.deliveriesReach == .reached,
            case .loaded(let webhooks)? = trace.numberWebhooks
        else { return nil }
        let due = WebhookAudience(webhooks: webhooks, message: trace.message).due(now: now)
        guard !due.isEmpty else { return nil }
        // A meta-kind webhook's missing log entries are no evidence (whether Kapso's delivery log lists its forwards is
        // not documented, kapso-api.md §4, §13): beside a kapso-kind webhook, only the latter is judged, and the meta-kind
        // one is named apart, as `webhooks check` names it (tester46 F7: "the webhook stopped firing" of both).
        let kapsoKind = due.filter { $0.kind != "meta" }
        let hooks = kapsoKind.isEmpty ? due : kapsoKind
        let metaApart = kapsoKind.isEmpty ? [] : due.filter { $0.kind == "meta" }
        let processing = processingText(trace.message, now: now).map { "; Kapso's processing_status is \($0), the first suspect" } ?? ""
        // Never "see 'webhooks check'" unless that check can see it (P19-2): it compares received messages only.
        let later = trace.deliveredAfter.map { ids in hooks.contains { ids.contains($0.id) } }
        let blocked = if case .closed = trace.statusPath { !trace.message.isInbound } else { false }
        let doubt = trace.attribution?.deliveryInDoubt == true
        let advice = WebhookVerdict.undeliveredAdvice(
            laterDelivery: later, laterAnswered: hooks.contains { trace.answeredAfter.contains($0.id) }, checkSees: hooks.contains { WebhookAudience.subscribes($0, to: "whatsapp.message.received") },
            statusesBlocked: blocked, metaOnly: hooks.allSatisfy { $0.kind == "meta" }, rowInDoubt: doubt)
        let meta = metaApart.isEmpty ? "" : "; not judged from the log: "
            + metaApart.prefix(2).map(\.url).joined(separator: ", ") + (metaApart.count > 2 ? ", …" : "")
            + " (kind meta: whether Kapso's delivery log lists its forwards is not documented; check the receiver's own log)"
        let (heading, recorded) = doubt
            ? ("no webhook delivery surely of this message: ", ", and the delivery Kapso recorded near its time may be its own or another's")
            : ("no webhook delivery: ", ", yet Kapso recorded none for this message")
        return heading + subscribedText(hooks) + recorded + processing
            + "; " + advice + meta
    }

    /// Kapso's `kapso.processing_status` when it is not done (`processed`, `completed`), with what it means: `blocked
    /// (Kapso stopped processing it, …)`, `pending for 1 h (…)`; nil when done or absent. Values differ by source
    /// (kapso-api.md gotcha 14: SPEC `pending|processed|blocked`, PROXY `pending|processing|completed|failed`), so an
    /// unknown one is shown as it is, cut to 40 characters.
    static func processingText(_ message: Message, now: Int64) -> String? {
        guard let status = message.json["kapso"]?["processing_status"]?.string, status != "processed", status != "completed" else { return nil }
        let age = message.time.map { now - $0 }.flatMap { $0 >= 60 ? " for \(Elapsed.text($0))" : nil } ?? ""
        switch status {
        case "pending", "processing":
            return "\(status)\(age) (Kapso has not finished processing it; its webhooks may not have gone out)"
        case "blocked": return "blocked (Kapso stopped processing it; its webhooks may not have gone out)"
        case "failed": return "failed (Kapso's processing of it failed; its webhooks may not have gone out)"
        default: return "\"\(String(status.prefix(40)))\" (a processing status kops does not know)"
        }
    }

    static func apiLogs(_ trace: MessageTrace) -> [Block] {
        let heading: [Block] = [.line(StyledText(""))]
        // Send calls another of the number's sends is nearer to or shares, and calls whose path names no number (P44-2, P44-12).
        let sharing = trace.callsSharing.map { Block.line(StyledText($0, style: .warn)) }
        switch trace.apiLogs {
        case .failed(let error):
            return heading + [.line(StyledText("API calls: not loaded: \(error)", style: .warn))]
        case .loaded(let logs) where logs.isEmpty:
            // A coexistence echo or imported history never went through the API (WindowEvidence.appOrigin).
            let origin = WindowEvidence(trace.message, now: nil).appOrigin
            let text = trace.message.isInbound ? "API calls: none (inbound messages are not sent through the API)"
                : !trace.message.isOutbound ? "API calls: none found near its time (which way the message went is unknown)"
                : origin == .businessApp ? "API calls: none: it was sent from the WhatsApp Business app (kapso.origin business_app), not through the API"
                : origin == .importedHistory ? "API calls: none: imported history (kapso.origin history_sync), not sent through the API"
                // An API log read short of the message says nothing of its send call (tester55 X4, X6).
                : trace.callsReach.unread(log: "the API log", rows: "/messages calls").map {
                    "API calls: none read: \($0); whether this project's keys sent it cannot be told from it"
                }
                ?? "API calls: no send call with this project's keys at that time (sent from the inbox or another project?)"
            // A slow call whose span reaches the message, or a 5xx beside a message Meta accepted (tester69 C2, tester69b D9).
            if !trace.slowCalls.isEmpty {
                let none = trace.slowCalls.allSatisfy { $0.responseStatus < 500 } ? "none within 5 s of this message" : "none answered 2xx at that time"
                return heading + [.line(StyledText("API calls: \(none)"))] + trace.slowNotes.map { .line(StyledText($0, style: .warn)) }
                    + [.table(callsTable(trace.slowCalls, trace: trace))] + sharing + refusedAttempts(trace, unread: true)
            }
            let slow = trace.slowNotes.map { Block.line(StyledText($0, style: .dim)) }
            return heading + [.line(StyledText(text, style: .dim))] + slow + sharing + refusedAttempts(trace, unread: true)
        case .loaded(let logs):
            let note = ([trace.callsNote, requestIDsUnread(trace)].compactMap { $0 }).map { Block.line(StyledText($0, style: .warn)) } + sharing
            return heading + [.line(StyledText("API calls: \(logs.count)"))] + note + [.table(callsTable(logs, trace: trace))]
                + refusedAttempts(trace, unread: false)
        }
    }

    /// `request ids: not loaded: …` when the log search that reads the calls' request ids failed: said where the REQUEST
    /// ID column would be, never a column silently left out (tester47 L11); nil otherwise.
    private static func requestIDsUnread(_ trace: MessageTrace) -> String? {
        trace.requestIDsNotLoaded.map { "request ids: not loaded: \($0)" }
    }

    /// The calls refused near the time of a message Meta accepted, under the line that says they are not its send
    /// (probe11 P11-12); nothing when there are none. `unread`: say here that the request ids were not read (no table of
    /// the message's own calls said it above).
    private static func refusedAttempts(_ trace: MessageTrace, unread: Bool) -> [Block] {
        guard let note = trace.refusedNote, !trace.refusedAttempts.isEmpty else { return [] }
        let missing = (unread ? requestIDsUnread(trace) : nil).map { [Block.line(StyledText($0, style: .warn))] } ?? []
        return [.line(StyledText(note, style: .warn))] + missing + [.table(callsTable(trace.refusedAttempts, trace: trace))]
    }

    /// Send calls as rows, with the request id log search gave for each when it gave any.
    private static func callsTable(_ logs: [APILog], trace: MessageTrace) -> Table {
        let rows = logs.map { log -> [StyledText] in
            [
                StyledText(TimeText.short(log.createdAt)), StyledText(log.httpMethod), StyledText(log.endpoint),
                StyledText(String(log.responseStatus), style: log.responseStatus >= 400 ? .bad : .good),
                StyledText(log.responseTimeMS.map(String.init) ?? "-"), StyledText(log.apiKeyName ?? "-"),
                StyledText(log.errorMessage ?? ""),
            ]
        }
        var table = Table(
            columns: [
                Column("CALLED AT", truncation: .never), Column("METHOD", truncation: .never),
                Column("ENDPOINT", truncation: .middle), Column("STATUS", truncation: .never),
                Column("MS", truncation: .never, alignRight: true), Column("KEY"), Column("ERROR"),
            ], rows: rows)
        // Log search knows each call's request id, what Kapso support asks for.
        if logs.contains(where: { trace.requestIDs[$0.id] != nil }) {
            table.columns.insert(Column("REQUEST ID", truncation: .never), at: 1)
            table.rows = zip(logs, table.rows).map { log, row in
                var row = row
                row.insert(StyledText(trace.requestIDs[log.id] ?? "-"), at: 1)
                return row
            }
        }
        return table
    }

    /// `trace --output json` (documented in `help trace`): Kapso's records as read (`message` with kops's reading under
    /// `kops`, `MessageReading`; `conversation`, `webhook_deliveries`, `api_logs`, `meta_events`), and what the text shows
    /// from them: `window`, `timeline` (`timelineJSON`), `errors` (`json(_:)` of `errors`, every one explained), `verdict`
    /// (its text, where scripts have read it) and `verdict_severity` (`good`, `warning` or `bad`, as it is coloured).
    static func json(_ trace: MessageTrace, history: StatusHistory, errors: ExplainedErrors, now: Int64) -> JSONValue {
        func part<Value>(_ part: MessageTrace.Part<Value>, _ encode: (Value) -> JSONValue) -> JSONValue {
            switch part {
            case .loaded(let value): encode(value)
            case .failed(let error): ["error": .string(error)]
            }
        }
        let verdict = trace.verdict(now: now)
        var window: JSONValue = .null
        if trace.message.isInbound {
            // The message the contact sent opened the window: what the text's window line says, not the window before it (P46-1).
            window = InboundWindow(
                trace.message, newestInbound: trace.newestInbound, contactWindow: trace.contactWindow,
                kapsoLastInbound: trace.kapsoLastInbound, unsettled: trace.unsettled, now: now
            ).json
        } else if let at = trace.windowAtSend {
            // Kapso's last_inbound_at is the second reading: where it says open and the messages say closed, open_at_send
            // is unknown (null), not false (probe23 P23-2).
            let disagree = SendWindow.readingsDisagree(at, kapsoLastInbound: trace.kapsoLastInbound)
            window = [
                "reading": "at_send",
                "last_inbound_at": at.lastInbound.map { .string(KapsoTime.iso($0)) } ?? .null,
                "closes_at": at.closesAt.map { .string(KapsoTime.iso($0)) } ?? .null,
                "open_at_send": disagree ? .null : .bool(at.isOpen),
                "kapso_last_inbound_at": trace.kapsoLastInbound.map { .string(KapsoTime.iso($0)) } ?? .null,
                "readings_disagree": .bool(disagree),
            ]
        }
        var object: JSONObject = [
            "message": .object(MessageReading.object(trace.message, prepended: trace.prepended)),
            "conversation": part(trace.conversation) { .object($0.json) },
            "window": window,
            "webhook_deliveries": part(trace.deliveries) { .array($0.map { .object($0.json) }) },
            "api_logs": part(trace.apiLogs) { logs in
                .array(logs.map { log in
                    var object = log.json
                    if let request = trace.requestIDs[log.id] { object["request_id"] = .string(request) }
                    return .object(object)
                })
            },
            "refused_attempts": .array(trace.refusedAttempts.map { log in
                var object = log.json
                if let request = trace.requestIDs[log.id] { object["request_id"] = .string(request) }
                return .object(object)
            }),
            "meta_events": part(trace.metaEvents) { search in
                switch search {
                case .events(let events): .array(events.map { .object($0.json) })
                case .unavailable(let reason): ["available": false, "reason": .string(reason)]
                }
            },
            "timeline": timelineJSON(history),
            "errors": json(errors),
            "verdict": .string(verdict.text),
            "verdict_severity": .string(severityWord(verdict.severity)),
        ]
        if let unread = trace.requestIDsNotLoaded { object["request_ids"] = ["error": .string(unread)] }
        // Why the calls and deliveries may be another message's; only when they may.
        let notes = [trace.callsNote, trace.refusedNote, trace.deliveriesNote].compactMap { $0 } + trace.slowNotes + trace.callsSharing
            + trace.deliveriesSharing
        if !notes.isEmpty { object["attribution_notes"] = .array(notes.map(JSONValue.string)) }
        return .object(object)
    }

    /// `good`, `warning` or `bad`: a verdict's severity as `--output json` names it.
    static func severityWord(_ severity: MessageVerdict.Severity) -> String {
        switch severity {
        case .good: "good"
        case .warning: "warning"
        case .bad: "bad"
        }
    }
}
