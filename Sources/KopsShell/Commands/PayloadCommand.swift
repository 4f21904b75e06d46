internal import KapsoClient
internal import KapsoDiagnostics

/// `payload sample EVENT [--v1|--v2]`: the headers and exact body a webhook receiver gets for an event.
public enum PayloadCommand: Command {
    public static let name = "payload"
    public static let summary = "show a sample webhook delivery for an event: headers and exact body, v2 or v1"
    public static let sendsRequests = false
    public static let usage = "payload sample EVENT [--v1|--v2] [--type SHAPE]"
    public static let details = """
        Prints what a receiver gets: the headers, an empty line, then the body byte for byte (compact
        JSON, no trailing newline when sent). The signature is computed with the placeholder secret
        'whsec_example'. --type gives a received message of another shape (location, sticker,
        button_reply, nfm_reply, reaction_removed, unsupported, ...). Works offline.
        Examples:
          payload sample whatsapp.message.received
          payload sample whatsapp.message.received --type location
          payload sample whatsapp.message.failed --v1
        """
    public static let maxArguments: Int? = 2
    public static let flags = [
        FlagSpec("--v2", help: "the current payload format (default)"),
        FlagSpec("--v1", help: "the legacy payload format"),
        FlagSpec("--type", choices: MessageShapes.names, help: "whatsapp.message.received only: the message's shape"),
    ]

    public static func validate(_ arguments: Arguments) throws { _ = try sample(arguments) }

    /// The sample the arguments name, with the event asked for and its payload version; every mistake is refused.
    private static func sample(_ arguments: Arguments) throws(ShellError)
        -> (event: String, version: String, sample: PayloadSamples.Sample)
    {
        let subcommand = try arguments.required(0, "subcommand 'sample'")
        guard subcommand == "sample" else {
            throw .invalidValue(command: name, what: "subcommand", value: subcommand, expected: "'sample'")
        }
        // Without an event: which ones there are (`EventNameInput.listed` points here).
        let event = try arguments.required(1, "event (\(EventNameInput.all))")
        if arguments.has("--v1") && arguments.has("--v2") {
            throw .invalidValue(
                command: name, what: "combination", value: "--v1 with --v2", expected: "one of them")
        }
        try EventNameInput.check(event, command: name, known: EventNameInput.all)
        let isV1Only = PayloadSamples.v1Only.contains(event)
        if isV1Only && arguments.has("--v2") {
            throw .invalidValue(
                command: name, what: "version for \(event)", value: "v2",
                expected: "--v1 (v2 webhooks get whatsapp.phone_number.created instead)")
        }
        if PayloadSamples.v2Only.contains(event) && arguments.has("--v1") {
            throw .invalidValue(
                command: name, what: "version for \(event)", value: "v1",
                expected: "--v2 (Kapso sends \(event) in v2 payloads only)")
        }
        let version = arguments.has("--v1") || isV1Only ? "v1" : "v2"
        let shape = arguments.value("--type")
        if shape != nil, event != "whatsapp.message.received" || version != "v2" {
            throw .invalidValue(
                command: name, what: "combination", value: "--type with \(event) \(version)",
                expected: "--type only with whatsapp.message.received (v2)")
        }
        guard let sample = PayloadSamples.sample(event, version: version, messageShape: shape) else {
            throw .invalidValue(
                command: name, what: "event", value: event,
                expected: "one with a sample: " + PayloadSamples.events.joined(separator: ", "))
        }
        return (event, version, sample)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let (event, version, sample) = try sample(arguments)
        var blocks = sample.headers.map { Block.data("\($0.name): \($0.value)") }
        blocks.append(.line(StyledText("")))
        // The body byte for byte: a wrapped line would no longer match the signature above it.
        blocks += sample.bodyText.split(separator: "\n", omittingEmptySubsequences: false).map { .data(String($0)) }
        blocks.append(
            .hint(
                "X-Webhook-Signature is computed with the placeholder secret '\(PayloadSamples.placeholderSecret)'; "
                    + "real deliveries are signed with the webhook's own secret_key"))
        if sample.event != event {
            blocks.append(.hint("v1 webhooks get the legacy \(sample.event) instead of \(event)"))
        }
        if version == "v1" {
            blocks.append(.hint("v1 shapes are reconstructed from Kapso's legacy docs; fields may differ in detail"))
        }
        if WebhookEvents.event(event)?.documentedPayload == false {
            blocks.append(
                .hint("shape reconstructed: Kapso names \(event) but publishes no sample payload; fields may differ"))
        }
        blocks.append(.hint(sample.body["event"] == nil ? versionHint : versionHintBodyNamesEvent))
        return CommandResult(blocks: blocks, json: json(sample))
    }

    /// What changes from v1 to v2, shown with every sample whose body does not name its event.
    public static let versionHint = versionChanges + "; the event name is only in the X-Webhook-Event header, never in a v2 body"

    /// The same for a sample whose body has an `event` field (agent runs, project events): "never in a v2 body"
    /// would contradict the body printed above it.
    public static let versionHintBodyNamesEvent =
        versionChanges + "; this event's body also names it in its \"event\" field"

    private static let versionChanges =
        "v1 to v2: the nested whatsapp_config object gives way to phone_number_id; flat message fields "
        + "(message_type, content, direction, status) move into a Meta-style message with a kapso block"

    static func json(_ sample: PayloadSamples.Sample) -> JSONValue {
        var headers = JSONObject()
        for header in sample.headers { headers[header.name] = .string(header.value) }
        return [
            "event": .string(sample.event), "payload_version": .string(sample.version), "headers": .object(headers),
            "body": sample.body,
        ]
    }
}
