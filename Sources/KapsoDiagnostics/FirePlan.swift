public import KapsoClient
public import KopsHTTP

/// The deliveries `webhooks fire` sends: an event of the catalogue or a scenario, in Kapso's shape (or Meta's
/// with `meta`), with `--set` overrides applied and validated, signed as kapso-api.md §10.1 and §10.8 say.
///
/// Built entirely before anything is sent, so a bad override or flag stops the run with nothing delivered.
public struct FirePlan: Sendable {
    /// One request to send: the event it carries, its headers in order, and the exact body.
    public struct Delivery: Sendable {
        public var event: String
        public var headers: [PayloadSamples.Header]
        public var body: [UInt8]
        /// Items in a batch body (`X-Batch-Size`), 1 otherwise.
        public var batchSize: Int
    }

    /// Why a plan cannot be built: one line naming what was wrong and what to do.
    public struct Refusal: Error, Sendable, Equatable {
        public var what: String
        public var value: String
        public var expected: String
    }

    public var deliveries: [Delivery]
    /// A line about the run, e.g. what a scenario checks, or nil.
    public var note: String?

    /// Scenarios: name, what the handler should show, and the events in the order sent.
    public static let scenarios: [(name: String, note: String, events: [String])] = [
        ("message-lifecycle", "one outbound reply's life after an inbound message",
         ["whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read"]),
        ("failed-131047", "a reply refused outside the 24-hour window (Graph error 131047)", ["whatsapp.message.failed"]),
        ("out-of-order-statuses", "statuses arrive read, sent, delivered: a handler keeps 'read', the furthest status",
         ["whatsapp.message.read", "whatsapp.message.sent", "whatsapp.message.delivered"]),
        ("buffered-batch", "a buffered delivery: a batch body with data[] (default 3 messages, --batch N)",
         ["whatsapp.message.received"]),
        ("conversation-inactive", "no message either way for 60 minutes", ["whatsapp.conversation.inactive"]),
        ("marketing-stop", "stopped (sequence 42), then a stale resumed (sequence 41): a handler keeps 'stopped'",
         ["whatsapp.contact.marketing_preference_changed", "whatsapp.contact.marketing_preference_changed"]),
        ("identity-changed", "a contact's new business-scoped user id", ["whatsapp.contact.identity_changed"]),
    ]

    /// Events `--meta` can send: Meta's raw payloads carry messages and statuses only.
    public static let metaEvents = Array(WebhookEvents.messages)

    /// Plans `target` (an event or a scenario name). `version` is `v1` or `v2` (nil: v2 unless the event is v1
    /// only); `batch` wraps received messages in a batch body; `secret` signs (nil: unsigned); each Kapso
    /// delivery gets `newKey()` as its `X-Idempotency-Key`.
    public init(
        _ target: String, version: String?, batch: Int?, meta: Bool, overrides: [JSONPathEdit], secret: Secret?,
        newKey: () -> String
    ) throws(Refusal) {
        let scenario = Self.scenarios.first { $0.name == target }
        guard scenario != nil || WebhookEvents.isKnown(target) else {
            throw Refusal(
                what: "event or scenario", value: target,
                expected: "a scenario (\(Self.scenarios.map(\.name).joined(separator: ", "))) or an event of the catalogue")
        }
        let events = scenario?.events ?? [target]
        note = scenario.map { "\($0.name): \($0.note)" }
        let received = events == ["whatsapp.message.received"]
        if let batch {
            guard received else {
                throw Refusal(what: "flag for \(target)", value: "--batch", expected: "--batch only with whatsapp.message.received or buffered-batch")
            }
            guard (1...100).contains(batch) else {
                throw Refusal(what: "value for --batch", value: String(batch), expected: "1 to 100 messages (max_buffer_size)")
            }
        }
        if meta {
            if let other = events.first(where: { !Self.metaEvents.contains($0) }) {
                throw Refusal(
                    what: "event for --meta", value: other,
                    expected: "a message event (Meta's raw payloads carry messages and statuses only)")
            }
            if batch != nil { throw Refusal(what: "flag with --meta", value: "--batch", expected: "no batching: meta-kind webhooks are never buffered") }
        }
        var built: [Delivery] = []
        for (position, event) in events.enumerated() {
            let chosen = version ?? (PayloadSamples.versions(of: event) == ["v1"] ? "v1" : "v2")
            guard var sample = PayloadSamples.sample(event, version: chosen) else {
                throw Refusal(
                    what: "version for \(event)", value: chosen,
                    expected: PayloadSamples.versions(of: event).map { "--" + $0 }.joined(separator: " or "))
            }
            if scenario?.name == "marketing-stop", position == 1 { sample.body = Self.staleResume(sample.body) }
            var body = sample.body
            let size = batch ?? (scenario?.name == "buffered-batch" ? 3 : 0)
            if size > 0 { body = Self.batch(of: body, size: size) }
            if meta { body = MetaPayload.body(from: body, event: event) }
            for edit in overrides {
                if let missing = edit.missing(in: body) {
                    throw Refusal(what: "--set path for \(event)", value: edit.path, expected: "a path in its payload: \(missing)")
                }
                if let problem = edit.typeProblem(in: body) {
                    throw Refusal(what: "--set value for \(event)", value: "\(edit.path)=\(edit.typed)", expected: "a value of the payload's type: \(problem)")
                }
                body = edit.fitted(to: body).applied(to: body)
            }
            let bytes = Array((meta ? SignatureCheck.metaEscaped(body) : body.serialized()).utf8)
            built.append(
                Delivery(
                    event: sample.event,
                    headers: Self.headers(
                        event: sample.event, version: chosen, body: bytes, batch: size > 0 ? size : nil, meta: meta,
                        secret: secret, key: newKey),
                    body: bytes, batchSize: max(size, 1)))
        }
        deliveries = built
    }

    /// Kapso's headers (§10.1), or Meta's with `meta`: `X-Hub-Signature-256: sha256=…` and the payload's SHA-256
    /// as the idempotency key.
    static func headers(
        event: String, version: String, body: [UInt8], batch: Int?, meta: Bool, secret: Secret?, key: () -> String
    ) -> [PayloadSamples.Header] {
        var headers = [PayloadSamples.Header(name: "Content-Type", value: "application/json")]
        let signature = secret.map { WebhookSignature.hmacSHA256Hex(key: Array($0.revealed.utf8), message: body) }
        if meta {
            if let signature { headers.append(.init(name: "X-Hub-Signature-256", value: WebhookSignature.metaPrefix + signature)) }
            headers.append(.init(name: "X-Idempotency-Key", value: WebhookSignature.sha256Hex(body)))
            return headers
        }
        headers.append(.init(name: "X-Webhook-Event", value: event))
        if let signature { headers.append(.init(name: "X-Webhook-Signature", value: signature)) }
        headers.append(.init(name: "X-Idempotency-Key", value: key()))
        headers.append(.init(name: "X-Webhook-Payload-Version", value: version))
        if let batch {
            headers.append(.init(name: "X-Webhook-Batch", value: "true"))
            headers.append(.init(name: "X-Batch-Size", value: String(batch)))
        }
        return headers
    }

    /// The batch shape of §10.5: `size` received messages of one conversation, numbered in their text, each with
    /// its own well-formed ids (a WAMID per item, v1's Kapso UUID too), as a handler that dedupes by id meets them;
    /// the conversation's `last_message_id` is the last item's.
    static func batch(of item: JSONValue, size: Int) -> JSONValue {
        let items = (1...size).map { number -> JSONValue in
            guard size > 1, case .object(var object) = item, case .object(var message)? = object["message"] else { return item }
            for key in ["id", "whatsapp_message_id"] {
                guard let id = message[key]?.string else { continue }
                message[key] = .string(id.hasPrefix("wamid.") ? WAMID.numbered(id, number) : numberedUUID(id, number))
            }
            if let text = message["text"]?["body"]?.string {
                message["text"] = ["body": .string(text + " (\(number)/\(size))")]
            }
            if let content = message["content"]?.string { message["content"] = .string(content + " (\(number)/\(size))") }
            object["message"] = .object(message)
            if number == size, case .object(var conversation)? = object["conversation"],
                case .object(var kapso)? = conversation["kapso"], kapso["last_message_id"] != nil
            {
                kapso["last_message_id"] = message["id"]
                conversation["kapso"] = .object(kapso)
                object["conversation"] = .object(conversation)
            }
            return .object(object)
        }
        return [
            "type": "whatsapp.message.received", "batch": true, "data": .array(items),
            "batch_info": [
                "size": .number(String(size)), "window_ms": 5000, "first_sequence": 101,
                "last_sequence": .number(String(100 + size)), "conversation_id": .string(Story.danaID),
            ],
        ]
    }

    /// A UUID whose last four hex digits are `number` (`…7c8d9e` → `…7c0001`), still a UUID.
    static func numberedUUID(_ id: String, _ number: Int) -> String {
        guard id.count == 36, number < 0x10000 else { return id }
        let digits = String(number, radix: 16)
        return id.dropLast(4) + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// The marketing-stop scenario's second delivery: an older `resumed` that arrives late (§14.2).
    static func staleResume(_ body: JSONValue) -> JSONValue {
        guard case .object(var object) = body else { return body }
        object["marketing_preference"] = [
            "status": "resumed", "previous_status": nil, "detail": nil, "occurred_at": "2026-11-20T15:01:40Z",
            "sequence": 41,
        ]
        return .object(object)
    }
}
