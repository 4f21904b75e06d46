internal import KapsoClient
internal import KapsoDiagnostics

/// `trace [WAMID]`: one message from send to outcome on one screen, ending with a verdict.
public enum TraceCommand: Command {
    public static let name = "trace"
    public static let summary = "follow one message: statuses, errors explained, window, webhooks, API calls, verdict"
    public static let usage = "trace [WAMID] [--sequential]"
    public static let details = """
        Shows the message, its status timeline (errors with meaning and fix), the webhooks Meta sent
        Kapso about it (Kapso's log search; one line says so when search is not enabled), its
        conversation and the 24-hour window when it was sent, the webhook deliveries of its events,
        the API call that sent it with its request id, and a verdict. Without a WAMID it traces the last message ('message', 'reply').
        The look-ups after the message go out at once; --sequential sends them one by one.
        Its JSON ('--output json', 'assert', 'capture') holds what the screen shows: .message (Kapso's,
        with .message.kops.status, the status kops reads, and .message.kops.status_shown, as 'message'
        has them), .timeline (each status oldest first: .time, .status, .after_send_seconds, .errors),
        .errors (each error with .code, .meaning and .fix), .window, .verdict (the verdict's text) and
        .verdict_severity (good, warning or bad), and Kapso's .conversation, .webhook_deliveries,
        .api_logs and .meta_events.
        Examples:
          trace wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=
          reply --to +14155550142 "On its way"; trace
        """
    public static let maxArguments: Int? = 1
    public static let flags = [
        FlagSpec("--sequential", help: "send the look-ups one by one instead of at once (for comparison)")
    ]

    public static func validate(_ arguments: Arguments) throws {
        if let typed = arguments.positionals.first { _ = try MessageInput.messageIDs(typed, command: name) }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let ids: [String]
        if let typed = arguments.positionals.first {
            ids = try MessageInput.messageIDs(typed, command: name)
        } else {
            guard let last = context.session.lastMessageID else { throw ShellError.noMessageSelected(command: name) }
            ids = [last]
            // A transcript names the message (masked), so it replays without the session before the recording and
            // its reader sees which message it was (probe18 P18-27).
            context.shell?.recorder?.completeLine(with: last)
        }
        var trace: MessageTrace
        do {
            trace = try MessageTrace.load(
                ids, client: context.client, now: context.now, sequential: arguments.has("--sequential"), numbers: context.ids.phoneNumbers,
                senderHealth: { context.ids.healthReads[$0] == nil && !(context.ids.phoneNumbersListed && context.ids.phoneNumbers[$0] == nil) })
        } catch {
            throw MessageLookup.explaining(error)
        }
        // The contact's move followed to the number they moved to, as `reply`, `whois` and `errors` read it: whether it
        // still stands, whether they wrote from the new number and whether a later send to the old one was read are read,
        // never assumed (probe33). More round trips, only for a contact who moved: the move bears on the notice, on a send
        // after it, and on what a reply to any message of theirs does now (session 36: "free-form replies go through" of a
        // message written before the notice, while `reply` to it refused).
        if let moved = trace.moved, !moved.followed, let number = trace.message.phoneNumberID, let contact = trace.message.contact {
            trace.moved = ContactWindowLookup.follow(moved, from: contact, on: number, in: context)
        }
        // A send to a `to` without `+`, read against its sender and contact (tester67 Y3, tester67b Z0).
        if case .loaded(let conversation) = trace.conversation {
            trace.prepended = context.prependedRecipient(of: trace.message, conversation: conversation)
        } else {
            trace.prepended = context.prependedRecipient(of: trace.message)
        }
        trace.replies = context.readingReplies(from: trace.message, read: trace.health)
        let now = context.now()
        context.remember(trace.message)
        var blocks: [Block] = [.fields(summary(trace, now: now))]
        if let note = MessageLookup.note(ids, found: trace.message) { blocks.insert(.hint(note), at: 0) }
        // The contact wrote since a send refused for the window: the timeline's fix says what the verdict says (P21-19).
        // Refused inside the window kops sees: the meaning is the verdict's, and the fix never "send it again as is" (P32-4).
        // Refused for the window of the number Meta made of a `to` without `+`: that number's window, not the contact's (B10).
        let made = trace.message.isOutbound ? trace.prepended?.windowRefusal(contactCloses: trace.windowAtSend?.closesAt, now: now) : nil
        let refused = trace.message.isOutbound && made == nil
            ? MessageVerdict.RefusedInOpenWindow(
                sentAt: trace.message.time, lastInbound: trace.windowAtSend?.lastInbound, note: trace.windowAtSend?.lastInboundNote) : nil
        let again = trace.message.isOutbound && refused == nil
            ? trace.message.time.flatMap {
                MessageVerdict.afterRefusal($0, newestInbound: trace.newestInbound, note: trace.newestNote, unsettled: trace.unsettled, now: now)
            } : nil
        let history = StatusHistory(message: trace.message, now: now)
        let errors = explainedErrors(
            trace.message, history: history, templates: trace.templates, writtenSince: again, refused: refused, made: made,
            callsEnabled: trace.callsEnabled)
        blocks += timeline(trace.message, history: history, errors: errors, userIDs: trace.contactUserIDs, prepended: trace.prepended)
        blocks += metaEvents(trace)
        blocks += deliveries(trace, now: now)
        blocks += apiLogs(trace)
        if let lock = trace.sendLock { blocks += [.line(StyledText("")), .line(StyledText(lock, style: .warn))] }
        let verdict = trace.verdict(now: now)
        blocks += [.line(StyledText("")), .line(StyledText("verdict: " + verdict.text, style: style(verdict.severity)))]
        if let note = undeliveredNote(trace, now: now) { blocks.append(.line(StyledText("  " + note, style: .bad))) }
        blocks += recategorised(trace.message, listing: trace.templates, in: context)
        // A verdict that says to send a template names the ones that fit (one more request, only then).
        // A list that could not be read says so, not nothing (tester53b U3: the line vanished under a 503).
        if verdict.text.contains("reply --template NAME"), let number = trace.message.phoneNumberID {
            do throws(KapsoAPIError) {
                let contact = trace.message.contact
                var fitting = try trace.templateContext.map { known throws(KapsoAPIError) in
                    try TemplateLookup.fittingRead(
                        businessAccountID: known.businessAccountID, marketingStopped: known.marketingStopped, contact: contact,
                        in: context)
                }
                if fitting == nil { fitting = try TemplateLookup.fittingRead(number, contact: contact, in: context) }
                if let fitting, !fitting.isEmpty {
                    blocks.append(.hint("approved templates: \(fitting.joined(separator: ", ")); 'template NAME' shows what each needs"))
                }
            } catch {
                blocks.append(.hint("approved templates: not read (\(error.message)); 'templates' lists them"))
            }
        }
        // Failed deliveries that may be another message's are never called this message's (SendAttribution.failedNote).
        let age = now - (trace.message.time ?? now)
        let more = DeliveryPeriod.command(errors: true, period: DeliveryPeriod.covering(age: age))
        if let note = trace.attribution?.failedNote(more: more) { blocks.append(.hint(note)) }
        return CommandResult(blocks: blocks, json: json(trace, history: history, errors: errors, now: now))
    }

    private static func summary(_ trace: MessageTrace, now: Int64) -> [Field] {
        let message = trace.message
        var fields = [
            Field("message", message.id, style: .bold),
            Field(
                message.isInbound ? "received" : message.isOutbound ? "sent" : "time",
                MessageTime.described(message, now: now) + (trace.reactionStamp.map { " (\($0.note))" } ?? ""),
                style: trace.reactionStamp == nil ? .plain : .warn),
            Field("direction", MessageCommand.directionLabel(message)),
            Field("number", message.phoneNumberID ?? "-"), MessageCommand.contentField(message),
        ]
        fields += trace.changes.map { Field($0.label, $0.text, style: .warn) }
        if let processing = processingText(message, now: now) { fields.append(Field("processing", processing, style: .warn)) }
        if let quoted = message.quotedID { fields.append(Field("quotes", quoted)) }
        fields += MessageOrigin(message).lines.map { Field($0.label, $0.text) }
        switch trace.conversation {
        case .loaded(let conversation):
            fields.append(Field("conversation", "\(conversation.id) (\(conversation.status))"))
        case .failed(let error):
            fields.append(Field("conversation", "\(message.conversationID ?? "-") (not loaded: \(error))", style: .warn))
        }
        var window = window(trace, now: now)
        // A reaction stamped before the message it reacts to: the window from its time is the least (tester66b X11).
        if let stamp = trace.reactionStamp, window.value.text.hasPrefix("opened by this message") {
            window = Field("window", window.value.text + "; " + stamp.windowNote, style: .warn)
        }
        fields.append(window)
        return fields
    }

    private static func window(_ trace: MessageTrace, now: Int64) -> Field {
        let message = trace.message
        if message.direction.side == .unknown {
            return Field("window", "unknown: which way the message went is unknown", style: .warn)
        }
        guard message.isInbound else {
            let unknown: String
            if case .failed(let error) = trace.lastInboundBefore {
                unknown = error
            } else if case .unreadable(let why) = MessageTime(message, now: now) {
                unknown = "the message's own time is unreadable: " + why
            } else {
                unknown = "the message has no time"
            }
            let line = SendWindow.of(
                message, window: trace.windowAtSend, unknown: unknown, kapsoLastInbound: trace.kapsoLastInbound,
                callsEnabled: trace.callsEnabled, unsettled: trace.unsettledAtSend)
            // A send after the contact moved: the old number's window is no longer theirs to write in (P21-17); what a
            // later send to it shows is said as every command says it (ContactWindow.Moved.text).
            if let moved = trace.moved, let at = moved.leftAt, let sent = message.time, at <= sent,
                !ContactNumber.same(message.json["to"]?.string ?? message.contact, moved.number)
            {
                return Field(
                    "window",
                    line.text + "; but the contact had " + moved.chainText + ", before the send"
                        + (moved.laterReach.map { "; " + $0.text } ?? "") + "; " + moved.writeTo,
                    style: .warn)
            }
            return Field("window", line.text, style: line.severity.map(style) ?? .plain)
        }
        // As the contact's window read it: a reaction a later refusal shows opened nothing is not counted (tester66 W2).
        let evidence = trace.contactWindow?.evidence(of: message) ?? WindowEvidence(message, now: now)
        let newestInbound = trace.contactWindow.flatMap { $0.refutes(message) ? $0.lastInbound : nil } ?? trace.newestInbound
        // Not the contact writing (a notification, a revoke, a removed reaction, an echo): it opens no window.
        if let what = evidence.notWritten {
            // An action Meta documents nothing on: the window after it is unknown, never "not opened" (tester47 F2).
            let lead = evidence.opensUnknown
                ? "whether this message opened it is not documented: it is \(evidence.unknownEffect ?? what)"
                : "not opened by this message: it is \(what)"
            if let unsettled = trace.unsettled, !evidence.leftNumber {
                let itself = evidence.opensUnknown && evidence.time.seconds == unsettled.at
                return Field("window", lead + "; the contact's window is " + (itself ? unsettled.textAfterItself : unsettled.text), style: .warn)
            }
            let newest = newestInbound.map { newest -> String in
                let window = ServiceWindow(lastInbound: newest, at: now)
                return "; the contact last wrote at \(KapsoTime.iso(newest)): "
                    + (window.isOpen ? "open until \(KapsoTime.iso(newest + Conversation.windowSeconds))" : "closed since \(KapsoTime.iso(newest + Conversation.windowSeconds))")
            } ?? ""
            let moved = evidence.leftNumber
                ? "; the contact moved" + ContactWindow.Moved(number: evidence.movedTo, at: nil, notice: evidence.noticeBody).newNumberText
                    + ": a message to this number reaches nobody, or whoever holds it now" : ""
            return Field("window", lead + newest + moved, style: .warn)
        }
        guard let time = evidence.time.seconds else {
            if case .unreadable(let why) = evidence.time { return Field("window", "unknown: \(why)", style: .warn) }
            return Field("window", "unknown: the message has no time", style: .warn)
        }
        if evidence.kind == .group {
            let window = ServiceWindow(lastInbound: time, at: now)
            let state = window.isOpen ? "open now" : "closed now, unless a later message in the group reopened it"
            return Field(
                "window",
                "the group's, opened by this message until \(KapsoTime.iso(time + Conversation.windowSeconds)) (\(state)); "
                    + "not a 1:1 window with the participant", style: window.isOpen ? .good : .warn)
        }
        let own = time + Conversation.windowSeconds
        // Calling on: a call since may have reopened it, which kops cannot see (P25-16).
        let call = trace.callsEnabled ? ", " + ContactWindow.callCaveat(since: "since") : ""
        // The contact left this number since: a reply here is refused, as `reply` refuses it (session 36).
        let refused = trace.moved.map { "; but " + $0.replyRefused } ?? ""
        // The contact's window now as every view says it, when the messages read do not show it (probe37 P37-4) or a later
        // refusal for the window contradicts them (tester67 Y2).
        if let now = trace.contactWindow, now.unconfirmed != nil || (now.isOpen && now.refusedSince != nil) {
            // Its advice beside the number's state, as the verdict says it (tester70b G6: "a template still goes through").
            let text = trace.replies.map { $0.said(after: now.text, advice: .template, separator: ";") } ?? now.text
            return Field("window", "opened by this message until \(KapsoTime.iso(own)); the contact's window now: \(text)", style: .warn)
        }
        // A later action of the contact that Meta documents nothing on leaves the closed window unknown (tester47 F2):
        // `Unsettled` exists only while the contact's newest message they wrote says closed.
        if let unsettled = trace.unsettled, trace.moved == nil {
            return Field("window", "opened by this message until \(KapsoTime.iso(own)); the contact's window now is " + unsettled.text, style: .warn)
        }
        // A newer inbound message from the contact reopened the window this one opened.
        if let newest = trace.newestInbound, newest > time {
            let window = ServiceWindow(lastInbound: newest, at: now)
            let state = window.isOpen ? "open now" : "closed now" + call
            return Field(
                "window",
                "opened by this message until \(KapsoTime.iso(own)); the contact wrote again at \(KapsoTime.iso(newest)): "
                    + "open until \(KapsoTime.iso(newest + Conversation.windowSeconds)) (\(state))" + refused,
                style: window.isOpen && refused.isEmpty ? .good : .warn)
        }
        let window = ServiceWindow(lastInbound: time, at: now)
        let state = window.isOpen ? "open now" : "closed now" + call
        // A reaction, counted as the contact writing: said as every view of the window says it (tester66 W2).
        let counted = evidence.countedNote.map { "; it is \($0), which kops counts as the contact writing (Meta documents nothing either way)" } ?? ""
        return Field(
            "window", "opened by this message until \(KapsoTime.iso(own)) (\(state))" + counted + refused,
            style: window.isOpen && refused.isEmpty && counted.isEmpty ? .good : .warn)
    }

    /// An unusable timestamp as shown: whole up to 40 characters, else its first 39 and `…` (a value cut without a mark
    /// reads as another value, probe23 P23-4).
    static func shortened(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(39)) + "…"
    }

    /// Timelines longer than this show their first and last `timelineEdge` events.
    static let timelineLimit = 40
    static let timelineEdge = 20

    /// The status timeline, the notes under it and the errors explained (`explainedErrors`).
    private static func timeline(
        _ message: Message, history: StatusHistory, errors: ExplainedErrors, userIDs: [String], prepended: PrependedRecipient?
    ) -> [Block] {
        guard !history.events.isEmpty else {
            if !errors.errors.isEmpty {
                // An outbound message's own errors are its failure's, not a received message's (P26-9).
                let which = message.isOutbound ? "errors on the sent message (no status carried them):" : "errors on the received message:"
                return [.line(StyledText("")), .line(StyledText(which, style: .warn))] + lines(errors)
            }
            let text = message.isInbound ? "statuses: none (inbound messages have no delivery statuses)"
                : history.foreign.isEmpty ? "statuses: none reported yet" : "statuses: none about this message"
            return [.line(StyledText("")), .line(StyledText(text, style: .dim))] + setApart(history)
        }
        var events = history.events
        var hidden = 0
        if events.count > timelineLimit {
            hidden = events.count - 2 * timelineEdge
            events = Array(events.prefix(timelineEdge)) + Array(events.suffix(timelineEdge))
        }
        let reportedAgain = history.failuresReportedAgain
        var rows: [[StyledText]] = []
        for (position, event) in events.enumerated() {
            if hidden > 0, position == timelineEdge {
                rows.append([StyledText("… \(hidden) more statuses", style: .dim), StyledText(""), StyledText(""), StyledText("")])
            }
            let delta = event.sinceSend.map { ($0 < 0 ? "-" : "+") + Elapsed.text($0) } ?? "-"
            var detail = event.errors.map { error in
                error.code.map { "\($0) " + (error.shownName ?? error.title ?? error.message ?? "") } ?? error.headline
            }
            if let participant = event.participant { detail.append("participant \(participant)") }
            if event.repeats > 0 { detail.append("stored \(event.repeats + 1) times: one notification, delivered again") }
            if reportedAgain.contains(event.storedIndex) { detail.append("the same failure reported again: one failure") }
            if let ahead = event.ahead { detail.append("\(Elapsed.text(ahead)) ahead of the API's clock: not when Meta sent it") }
            rows.append([
                StyledText(
                    event.time.map(KapsoTime.iso) ?? event.unusableTimestamp.map { "unusable: \(VisibleText.escaped(Self.shortened($0)))" }
                        ?? "no timestamp", style: event.time == nil || event.ahead != nil ? .warn : .plain),
                StyledText(event.status, style: event.status == "failed" ? .bad : .plain), StyledText(delta),
                StyledText(detail.joined(separator: "; ").trimmingSuffix()),
            ])
        }
        let table = Table(
            columns: [
                Column("TIME", truncation: .never), Column("STATUS", truncation: .never),
                Column("AFTER", truncation: .never), Column("DETAIL"),
            ], rows: rows)
        var blocks: [Block] = [.line(StyledText("")), .table(table)]
        if history.untimedCount > 0 {
            let count = history.untimedCount
            let missing = history.unusable.isEmpty ? "no timestamp" : "no usable timestamp (missing, or not Unix seconds of this message's time)"
            blocks.append(.line(StyledText("  \(count) \(count == 1 ? "status has" : "statuses have") \(missing): shown last, where \(count == 1 ? "it belongs" : "they belong") is unknown", style: .warn)))
        }
        // Times read from another form than Unix seconds (StatusHistory.time, probe23 P23-4): placed, and said so.
        let forms = history.otherForms
        if !forms.isEmpty {
            let count = history.events.filter { $0.readFrom != nil }.count
            blocks.append(.line(StyledText(
                "  \(count) status \(count == 1 ? "time was" : "times were") \(forms.joined(separator: " or ")), not the Unix seconds "
                    + "Kapso documents: read as \(count == 1 ? "that time" : "those times") (whole seconds)", style: .dim)))
        }
        // Times after the API's "now" (StatusHistory.Event.ahead, probe26 P26-3): no delay is read from them.
        if let first = history.ahead.first, let text = first.aheadText {
            let count = history.ahead.count
            blocks.append(.line(StyledText(
                "  \(count == 1 ? "the \(first.status) status is" : "\(count) statuses are, the first") \(text): how long after "
                    + "sending is not known", style: .warn)))
        }
        if history.outOfOrder {
            blocks.append(.line(StyledText("  the statuses are stamped out of order (Meta sends them unordered): the verdict takes the furthest one reached", style: .dim)))
        }
        if let others = history.otherRecipientsLine(than: MessageCommand.recipient(of: message), userIDs: userIDs, prepended: prepended) {
            blocks.append(.line(StyledText("  " + others, style: .warn)))
        } else if let note = prepended?.contactNote {
            blocks.append(.line(StyledText("  " + note, style: .dim)))
        }
        blocks += setApart(history)
        if let disagreement = history.disagreement(withKapso: message.status) {
            blocks.append(.line(StyledText("  " + disagreement.text(at: disagreement.when), style: .warn)))
        } else if let note = history.conflict?.kapsoNote(message.status) {
            blocks.append(.line(StyledText("  " + note, style: .dim)))
        } else if history.isBehind(message.status), !history.kapsoStatusIsForeign(message.status) {
            blocks.append(.line(StyledText("  Kapso's status is \(message.status), but no \(message.status) event was recorded in the history", style: .warn)))
        } else if let lag = StatusReading(message).lag {
            blocks.append(.line(StyledText("  " + lag.explained, style: .warn)))
        }
        return blocks + lines(errors) + billing(message)
    }

    /// How Meta priced the message, its billing conversation and the sender's callback data, one labelled line each
    /// (`StatusBilling`; probe9 P9-22: they were shown only in JSON); none when no status carried them.
    /// Indented fields, so a long value wraps under its value column on a terminal (a two-word label would not).
    private static func billing(_ message: Message) -> [Block] {
        let lines = StatusBilling(message: message).lines
        return lines.isEmpty ? [] : [.fields(lines.map { Field("  " + $0.label, $0.text) })]
    }

    /// The stored statuses that name another message (`StatusHistory.foreign`), under the timeline: one line each.
    private static func setApart(_ history: StatusHistory) -> [Block] {
        guard !history.foreign.isEmpty else { return [] }
        let count = history.foreign.count
        var blocks = [Block.line(StyledText(
            "  \(count) more stored \(count == 1 ? "status names" : "statuses name") another message (Meta's status names its message "
                + "by id), so \(count == 1 ? "it is" : "they are") not this message's and \(count == 1 ? "is" : "are") not counted:", style: .warn))]
        for event in history.foreign.prefix(5) {
            let code = MessageError.primary(of: event.errors).map { " " + $0.headline } ?? ""
            let at = event.time.map(KapsoTime.iso) ?? event.unusableTimestamp.map { "unusable time \(VisibleText.escaped(Self.shortened($0)))" } ?? "no timestamp"
            blocks.append(.line(StyledText("    \(at)  \(event.status)\(code)", style: .dim)))
            blocks.append(.line(StyledText("      about \(event.messageID ?? "-")", style: .dim)))
        }
        if count > 5 { blocks.append(.line(StyledText("    … \(count - 5) more: '--output json' shows them", style: .dim))) }
        return blocks
    }
}

extension TraceCommand {
    /// How a verdict's severity is drawn.
    static func style(_ severity: MessageVerdict.Severity) -> Style {
        switch severity {
        case .good: .good
        case .warning: .warn
        case .bad: .bad
        }
    }
}
