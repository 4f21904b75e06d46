internal import KapsoClient
internal import KapsoDiagnostics

/// `trace [WAMID]`: one message from send to outcome on one screen, ending with a verdict.
public enum TraceCommand: Command {
    public static let name = "trace"
    public static let summary = "follow one message: statuses, errors explained, window, webhooks, API calls, verdict"
    public static let usage = "trace [WAMID] [--sequential]"
    public static let details = """
        Shows the message, its status timeline (errors with meaning and fix), its conversation and
        the 24-hour window when it was sent, the webhook deliveries of its events, the API call that
        sent it, and a verdict. Without a WAMID it traces the last message ('message', 'reply').
        The look-ups after the message go out at once; --sequential sends them one by one.
        Examples:
          trace wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=
          reply "On its way"; trace
        """
    public static let maxArguments: Int? = 1
    public static let flags = [
        FlagSpec("--sequential", help: "send the look-ups one by one instead of at once (for comparison)")
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let id: String
        if let typed = arguments.positionals.first {
            id = try MessageInput.wamid(typed, command: name)
        } else {
            guard let last = context.session.lastMessageID else { throw ShellError.noMessageSelected(command: name) }
            id = last
        }
        let trace = try MessageTrace.load(id, client: context.client, now: context.now, sequential: arguments.has("--sequential"))
        let now = context.now()
        context.remember(trace.message)
        var blocks: [Block] = [.fields(summary(trace, now: now))]
        blocks += timeline(trace.message)
        blocks += deliveries(trace)
        blocks += apiLogs(trace)
        blocks += [.line(StyledText("")), .line(prefixed("verdict: ", trace.verdict(now: now)))]
        if trace.failedDeliveryCount > 0 {
            let count = trace.failedDeliveryCount
            blocks.append(.hint("\(count) webhook \(count == 1 ? "delivery" : "deliveries") of this message failed: 'deliveries --errors' shows more"))
        }
        return CommandResult(blocks: blocks, json: json(trace, now: now))
    }

    private static func summary(_ trace: MessageTrace, now: Int64) -> [Field] {
        let message = trace.message
        let direction = message.isInbound ? "inbound \(message.type) from" : "outbound \(message.type) to"
        var fields = [
            Field("message", message.id, style: .bold),
            Field(message.isInbound ? "received" : "sent", message.time.map(KapsoTime.iso) ?? "-"),
            Field("direction", "\(direction) \(MessageCommand.contactLabel(message))"),
            Field("number", message.phoneNumberID ?? "-"), Field("content", MessageSummary.text(of: message.json)),
        ]
        if let quoted = message.quotedID { fields.append(Field("quotes", quoted)) }
        switch trace.conversation {
        case .loaded(let conversation):
            fields.append(Field("conversation", "\(conversation.id) (\(conversation.status))"))
        case .failed(let error):
            fields.append(Field("conversation", "\(message.conversationID ?? "-") (not loaded: \(error))", style: .warn))
        }
        fields.append(window(trace, now: now))
        return fields
    }

    private static func window(_ trace: MessageTrace, now: Int64) -> Field {
        if trace.message.isInbound, let time = trace.message.time {
            let window = ServiceWindow(lastInbound: time, at: now)
            let state = window.isOpen ? "open now" : "closed now"
            return Field(
                "window", "opened by this message until \(KapsoTime.iso(time + Conversation.windowSeconds)) (\(state))",
                style: window.isOpen ? .good : .warn)
        }
        guard let window = trace.windowAtSend else {
            if case .failed(let error) = trace.lastInboundBefore { return Field("window", "unknown: \(error)", style: .warn) }
            return Field("window", "unknown: the message has no time", style: .warn)
        }
        let when = trace.message.isInbound ? "received" : "sent"
        guard let closes = window.closesAt, let last = window.lastInbound else {
            return Field("window", "closed when \(when): the contact had never written", style: .warn)
        }
        if window.isOpen {
            return Field(
                "window", "open when \(when): last inbound \(KapsoTime.iso(last)), open until \(KapsoTime.iso(closes))",
                style: .good)
        }
        return Field(
            "window",
            "closed when \(when): last inbound \(KapsoTime.iso(last)), closed \(KapsoTime.iso(closes)) "
                + "(\(Elapsed.text(window.at - closes)) before)", style: .bad)
    }

    private static func timeline(_ message: Message) -> [Block] {
        let statuses = message.statuses
        guard !statuses.isEmpty else {
            let text = message.isInbound ? "statuses: none (inbound messages have no delivery statuses)" : "statuses: none reported yet"
            return [.line(StyledText("")), .line(StyledText(text, style: .dim))]
        }
        var rows: [[StyledText]] = []
        var previous = message.time
        var explained: [Block] = []
        for status in statuses {
            let delta = zip(status.time, previous).map { "+" + Elapsed.text($0 - $1) } ?? "-"
            let error = status.errors.first
            let detail = error.map { error in
                "\(error.code) " + (ErrorCatalog.entry(for: error.code)?.name ?? error.title ?? "")
            }
            rows.append([
                StyledText(status.time.map(KapsoTime.iso) ?? "-"),
                StyledText(status.status, style: status.status == "failed" ? .bad : .plain), StyledText(delta),
                StyledText(detail?.trimmingSuffix() ?? ""),
            ])
            previous = status.time ?? previous
            if let error, explained.isEmpty {
                let entry = ErrorCatalog.entry(for: error.code)
                explained.append(.line(StyledText("  meaning: " + (entry?.meaning ?? error.title ?? "not in the error catalog"))))
                if let fix = entry?.fix { explained.append(.line(StyledText("  fix:     " + fix))) }
                if let details = error.details { explained.append(.line(StyledText("  meta:    " + details, style: .dim))) }
            }
        }
        let table = Table(
            columns: [
                Column("TIME", truncation: .never), Column("STATUS", truncation: .never),
                Column("AFTER", truncation: .never), Column("DETAIL"),
            ], rows: rows)
        return [.line(StyledText("")), .table(table)] + explained
    }
}

/// Pairs two optionals (`zip(a, b)` for `Optional`).
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// `verdict: ...` keeping the verdict's style.
private func prefixed(_ prefix: String, _ text: StyledText) -> StyledText {
    StyledText(prefix + text.text, style: text.style)
}
