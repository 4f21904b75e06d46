internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - Webhook deliveries, API log entries and JSON

extension TraceCommand {
    static func deliveries(_ trace: MessageTrace) -> [Block] {
        let heading: [Block] = [.line(StyledText(""))]
        switch trace.deliveries {
        case .failed(let error):
            return heading + [.line(StyledText("webhook deliveries: not loaded: \(error)", style: .warn))]
        case .loaded(let deliveries) where deliveries.isEmpty:
            let events = trace.message.isInbound ? "whatsapp.message.received" : "message status events"
            return heading + [
                .line(StyledText("webhook deliveries: none for \(events) (they go only to phone-number-scoped webhooks)", style: .warn))
            ]
        case .loaded(let deliveries):
            let rows = deliveries.map { delivery -> [StyledText] in
                [
                    StyledText(delivery.createdAt), StyledText(delivery.event),
                    StyledText(delivery.status, style: delivery.status == "delivered" ? .good : delivery.status == "failed" ? .bad : .warn),
                    StyledText(delivery.responseStatus.map(String.init) ?? "no response"),
                    StyledText(String(delivery.attemptCount)), StyledText(delivery.webhookURL),
                ]
            }
            let table = Table(
                columns: [
                    Column("DELIVERED AT", truncation: .never), Column("EVENT", truncation: .never),
                    Column("STATUS", truncation: .never), Column("HTTP", truncation: .never),
                    Column("ATTEMPTS", truncation: .never, alignRight: true), Column("WEBHOOK URL", truncation: .middle),
                ], rows: rows)
            return heading + [.line(StyledText("webhook deliveries: \(deliveries.count)")), .table(table)]
        }
    }

    static func apiLogs(_ trace: MessageTrace) -> [Block] {
        let heading: [Block] = [.line(StyledText(""))]
        switch trace.apiLogs {
        case .failed(let error):
            return heading + [.line(StyledText("API calls: not loaded: \(error)", style: .warn))]
        case .loaded(let logs) where logs.isEmpty:
            let text = trace.message.isInbound ? "API calls: none (inbound messages are not sent through the API)"
                : "API calls: no send call with this project's keys at that time (sent from the inbox or another project?)"
            return heading + [.line(StyledText(text, style: .dim))]
        case .loaded(let logs):
            let rows = logs.map { log -> [StyledText] in
                [
                    StyledText(log.createdAt), StyledText(log.httpMethod), StyledText(log.endpoint),
                    StyledText(String(log.responseStatus), style: log.responseStatus >= 400 ? .bad : .good),
                    StyledText(log.responseTimeMS.map(String.init) ?? "-"), StyledText(log.apiKeyName ?? "-"),
                    StyledText(log.errorMessage ?? ""),
                ]
            }
            let table = Table(
                columns: [
                    Column("CALLED AT", truncation: .never), Column("METHOD", truncation: .never),
                    Column("ENDPOINT", truncation: .middle), Column("STATUS", truncation: .never),
                    Column("MS", truncation: .never, alignRight: true), Column("KEY"), Column("ERROR"),
                ], rows: rows)
            return heading + [.line(StyledText("API calls: \(logs.count)")), .table(table)]
        }
    }

    static func json(_ trace: MessageTrace, now: Int64) -> JSONValue {
        func part<Value>(_ part: MessageTrace.Part<Value>, _ encode: (Value) -> JSONValue) -> JSONValue {
            switch part {
            case .loaded(let value): encode(value)
            case .failed(let error): ["error": .string(error)]
            }
        }
        var window: JSONValue = .null
        if let at = trace.windowAtSend {
            window = [
                "last_inbound_at": at.lastInbound.map { .string(KapsoTime.iso($0)) } ?? .null,
                "closes_at": at.closesAt.map { .string(KapsoTime.iso($0)) } ?? .null, "open_at_send": .bool(at.isOpen),
            ]
        }
        return [
            "message": .object(trace.message.json),
            "conversation": part(trace.conversation) { .object($0.json) },
            "window": window,
            "webhook_deliveries": part(trace.deliveries) { .array($0.map { .object($0.json) }) },
            "api_logs": part(trace.apiLogs) { .array($0.map { .object($0.json) }) },
            "verdict": .string(trace.verdict(now: now).text),
        ]
    }
}
