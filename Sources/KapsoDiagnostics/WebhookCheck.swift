public import KapsoClient
internal import KopsHTTP

/// Lint rules over webhook configurations and their recent deliveries, each finding with a fix.
///
/// Rules: message/conversation events on a project-scoped webhook and project events on a phone-number webhook
/// (never delivered), no events or names that are not Kapso events, a URL Kapso cannot reach (localhost, private
/// networks), a number outside the project, duplicates and two meta webhooks on one number
/// (`WebhookCheck+Delivery.swift`), v1 payloads, non-https URLs, missing secrets, buffer settings out of range; what
/// the deliveries say (`WebhookCheck+Receiver.swift`, read through `WebhookVerdict`): a receiver failing now or
/// recovered, failures at a previous URL, stuck deliveries, pauses, a webhook that receives nothing, deliveries delivered
/// only after a retry (`WebhookCheck+Retried.swift`); and a number with no webhook receiving `whatsapp.message.received`
/// (the selected one, or with none selected each of the project's that had inbound messages: `WebhookCheck+Coverage.swift`).
public struct WebhookCheck {
    /// How bad a finding is; `error` makes `webhooks check` exit 1.
    public enum Severity: String, Comparable {
        case error, warning, info

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    /// One problem with one webhook (or with the number, when `webhookID` is nil) and what to do.
    public struct Finding {
        public var severity: Severity
        public var webhookID: String?
        public var problem: String
        public var fix: String
    }

    public internal(set) var findings: [Finding] = []
    /// How many webhooks were checked: each id once, however often the list held it.
    public private(set) var checked = 0
    /// The webhooks some fix deletes (`Fate`): the other rules' fixes do not update them.
    private(set) var fates: [String: Fate] = [:]

    /// Checks `webhooks`; with `coverageFor`, also that the number has a receiver of inbound messages. `deliveries` are
    /// the period's deliveries by webhook id; `now` the API's clock (Unix seconds; without it nothing is said of
    /// stuck or silent webhooks); `inbound` the inbound messages read of each number. `projectNumbers` (the project's
    /// phone-number ids, when listed) finds webhooks bound to a number outside the project; `apiIsLocal` (the API
    /// runs on this machine: kapso-sim) makes a localhost receiver reachable, said as info. `health` holds the health
    /// read of numbers whose message events a webhook here receives: one whose subscription blocks them is an error.
    /// `unread` names the webhooks whose deliveries could not be read, with why: only the rules that need no delivery
    /// run for them (`checkUnread`). With no `coverageFor`, each of `numbersToCover` (the project's numbers) that had
    /// inbound messages is checked for a receiver of them (`checkCoverage`); `projectWebhooks` is every webhook the project lists
    /// (the fix names a webhook with the URL that carried the number's messages on another number).
    public init(
        webhooks: [Webhook], deliveries: [String: [WebhookVerdict.Delivery]], period: String, coverageFor number: String?,
        projectNumbers: [String]? = nil, apiIsLocal: Bool = false, now: Int64? = nil, inbound: [Inbound] = [],
        health: [String: HealthTriage] = [:], unread: [String: String] = [:], numbersToCover: [NumberToCover] = [],
        projectWebhooks: [Webhook] = []
    ) {
        // A webhook is one id: a list that holds an id twice (offset pages read while the list changed, or a seed
        // that repeats it) must not make a webhook the duplicate of itself, nor count its deliveries twice.
        var listed: [String: Int] = [:]
        var unique: [Webhook] = []
        for webhook in webhooks {
            listed[webhook.id, default: 0] += 1
            if listed[webhook.id] == 1 { unique.append(webhook) }
        }
        let webhooks = unique
        checked = unique.count
        fates = Self.fates(webhooks, projectNumbers: projectNumbers)
        // Every delivery read: another webhook's accepted 2xx is evidence for this one's (`AcceptedAnswer`).
        let project = deliveries.values.flatMap { $0 }
        for webhook in webhooks {
            if let times = listed[webhook.id], times > 1 {
                add(
                    .info, webhook, "listed \(times) times by the API (one webhook: the list changed while it was read, or repeats it); checked once",
                    fix: "none: it is one webhook, not two; do not delete it as a duplicate")
            }
            let verdict = WebhookVerdict(webhook, deliveries: deliveries[webhook.id] ?? [], now: now, project: project)
            if let why = unread[webhook.id] {
                checkUnread(verdict, why: why, number: number, projectNumbers: projectNumbers, apiIsLocal: apiIsLocal)
                continue
            }
            check(webhook, number: number, projectNumbers: projectNumbers)
            checkScheme(webhook, deliveries: deliveries[webhook.id] ?? [])
            checkSecretStrength(webhook)
            checkTemporary(webhook)
            checkReceiver(
                verdict, period: period, inbound: inbound.first { $0.number == webhook.phoneNumberID }, apiIsLocal: apiIsLocal)
            checkDelivery(webhook, verdict: verdict, number: number, projectNumbers: projectNumbers, apiIsLocal: apiIsLocal)
            checkRetried(verdict, period: period)
            checkDeliveredWithError(verdict, period: period)
            checkFewer(
                verdict, deliveries: deliveries[webhook.id] ?? [], inbound: inbound.first { $0.number == webhook.phoneNumberID },
                period: period)
        }
        checkDuplicates(webhooks)
        checkSubscriptions(webhooks, health: health, inbound: inbound)
        checkCoverage(
            selected: number, numbers: numbersToCover, webhooks: webhooks, listed: projectWebhooks, deliveries: deliveries, period: period,
            now: now)
        // Stable: within a severity, findings keep the order of the webhooks and rules.
        findings = findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// The numbers whose message events reach Kapso, for the webhooks of that number that would carry them: Meta's
    /// `messages` field carries incoming messages and statuses alike (HealthTriage.messageEventsBlocked), so when the
    /// app's subscription lacks it no `whatsapp.message.*` webhook of the number fires, however well its receiver does
    /// (probe19 P19-3: `webhooks check` said "0 errors" of such a number).
    public static func carriesMessageEvents(_ webhook: Webhook) -> Bool {
        webhook.active && webhook.phoneNumberID != nil
            && WebhookEvents.messages.contains { WebhookAudience.subscribes(webhook, to: $0) }
    }

    /// An inbound message Kapso stored in the period (`inbound`) shows message events reached Kapso until then: the
    /// subscription read now is no cause of what was missed before it (tester70 F7: "Meta sends Kapso no incoming
    /// messages" beside 3 messages Kapso stored, and a second error giving another cause for the same deliveries). Such a
    /// finding is a warning dated by that message, not an error stated as fact.
    private mutating func checkSubscriptions(_ webhooks: [Webhook], health: [String: HealthTriage], inbound: [Inbound]) {
        for number in health.keys.sorted() {
            guard let blocked = health[number]?.messageEventsBlocked, let cause = blocked.cause else { continue }
            let carriers = webhooks.filter { Self.carriesMessageEvents($0) && $0.phoneNumberID == number }
            guard !carriers.isEmpty else { continue }
            let which = carriers.count == 1 ? "its webhook \(carriers[0].id) gets" : "its \(carriers.count) webhooks get"
            let fix = (blocked.fix ?? "'health \(number)' says what to do") + "; 'health \(number)' shows the check"
            if let newest = inbound.first(where: { $0.number == number })?.times.first {
                findings.append(
                    Finding(
                        severity: .warning, webhookID: nil,
                        problem: "\(number)'s health: \(cause): if so, \(which) no message or status event from then on, whatever "
                            + "its receiver does; messages that reached Kapso (the newest at \(KapsoTime.iso(newest))) and were "
                            + "not delivered are not the subscription's doing",
                        fix: fix))
                continue
            }
            findings.append(
                Finding(
                    severity: .error, webhookID: nil,
                    problem: "\(number)'s health: \(cause): \(which) no message or status event, whatever its receiver does",
                    fix: fix))
        }
    }

    mutating func add(_ severity: Severity, _ webhook: Webhook, _ problem: String, fix: String) {
        findings.append(Finding(severity: severity, webhookID: webhook.id, problem: problem, fix: fix))
    }

    /// Create the webhook on the numbers (`createOnNumbers`) with the events that never reach it here, then remove them
    /// here with the webhook's one event update (`--remove-events`, which keeps the rest; names that are no event go in
    /// the same line), or delete it when nothing it could receive is left (`WebhookEventPlan`), its settings carried
    /// into the create (`carriedFlags`).
    static func moveToNumberFix(_ webhook: Webhook, numberEvents: [String], number: String?, projectNumbers: [String]? = nil) -> String {
        let creates = createOnNumbers(webhook, events: moved(webhook, numberEvents), number: number, projectNumbers: projectNumbers)
        let keep = keepFix(webhook)
        return (creates.isSentence ? "\(creates.text), then '\(keep)'" : "\(creates.text); \(keep)") + notes(webhook)
    }

    /// The events a webhook of the other scope gets: `names`, and what misspelt names of that scope meant
    /// (`WebhookEventPlan.elsewhere`), so one webhook is created for both rules.
    static func moved(_ webhook: Webhook, _ names: [String]) -> [String] {
        uniqued(names + WebhookEventPlan(webhook).elsewhere)
    }

    /// The webhook's one event update (`WebhookEventPlan.update`), or `webhooks delete ID` when the plan leaves it
    /// nothing or the webhook is deleted anyway (`deleting`: bound to a number outside the project).
    static func keepFix(_ webhook: Webhook, deleting: Bool = false) -> String {
        let plan = WebhookEventPlan(webhook)
        return plan.target.isEmpty || deleting
            ? "webhooks delete \(webhook.id)" : plan.update(webhook.id) ?? "webhooks get \(webhook.id)"
    }

    /// True when `webhook` is bound to a number that is not one of `projectNumbers` (when they are known).
    static func isOutside(_ webhook: Webhook, _ projectNumbers: [String]?) -> Bool {
        guard let number = webhook.phoneNumberID, let projectNumbers else { return false }
        return !projectNumbers.contains(number)
    }

    /// `100200300400502 or 100200300400501`, or where the ids are listed when they are not known.
    static func numbersChoice(_ projectNumbers: [String]?) -> String {
        guard let numbers = projectNumbers, !numbers.isEmpty else { return "'numbers' lists them" }
        return numbers.count == 1 ? numbers[0] : numbers.dropLast().joined(separator: ", ") + " or " + (numbers.last ?? "")
    }

    /// The mirror of `moveToNumberFix`: create a project webhook with the project events, then remove them here (or
    /// delete it when nothing it could receive is left).
    static func moveToProjectFix(_ webhook: Webhook, projectEvents: [String], deleting: Bool = false) -> String {
        let events = moved(webhook, projectEvents)
        return "webhooks create --scope project --url \(ShellWord.quoted(replacementURL(webhook))) --events \(events.joined(separator: ","))"
            + carriedFlags(webhook, events: events) + "; " + keepFix(webhook, deleting: deleting) + notes(webhook)
    }

    /// What a v2 receiver reads instead of v1 (kapso-api.md §10.6).
    static let v2Reading = "Meta-style message with a kapso block, phone_number_id instead of whatsapp_config_id, no whatsapp_config"

    /// Headers Kapso sets on each delivery (kapso-api.md §10.1) and HTTP's own framing headers, lower case.
    static let deliveryHeaders: Set<String> = [
        "content-type", "x-webhook-event", "x-webhook-signature", "x-idempotency-key", "x-webhook-payload-version",
        "x-webhook-batch", "x-batch-size", "host", "content-length", "transfer-encoding",
    ]

    /// The custom header names (as written) that collide with `deliveryHeaders`, compared without case.
    static func kapsoHeaderNames(in names: [String]) -> [String] {
        names.filter { deliveryHeaders.contains(String($0.lowercased().filter { $0 != " " })) }
    }

    mutating func check(_ webhook: Webhook, number: String?, projectNumbers: [String]?) {
        let id = webhook.id
        let known = webhook.events.filter(WebhookEvents.isKnown)
        let numberEvents = known.filter { WebhookEvents.scope(of: $0) == .phoneNumber }
        if webhook.isProjectScoped, !numberEvents.isEmpty {
            add(
                .error, webhook,
                "project-scoped but subscribed to \(numberEvents.joined(separator: ", ")): these reach only phone-number webhooks, so they are never delivered",
                fix: Self.moveToNumberFix(webhook, numberEvents: numberEvents, number: number, projectNumbers: projectNumbers)
            )
        }
        let projectEvents = WebhookEvents.outOfScope(known, projectScoped: false)
        if !webhook.isProjectScoped, webhook.kind != "meta", !projectEvents.isEmpty {
            add(
                .error, webhook,
                "phone-number webhook subscribed to \(projectEvents.joined(separator: ", ")): these reach only project webhooks, so they are never delivered",
                fix: Self.moveToProjectFix(webhook, projectEvents: projectEvents, deleting: Self.isOutside(webhook, projectNumbers))
            )
        }
        // Payload versions, buffering and the conversation.inactive threshold are kapso-kind settings: a meta webhook
        // gets Meta's own payloads (`WebhookPayloadShape`, probe37 P37-19), and an unknown kind gets no such advice.
        let shape = WebhookPayloadShape(webhook)
        if case .unknownKind(let kind) = shape {
            add(
                .warning, webhook,
                "kind \(kind) is not one Kapso documents (kapso, meta): which payloads its receiver gets cannot be told, so "
                    + "no advice on events, payload versions or batches is given",
                fix: "'webhooks get \(id)' shows the record; a webhook's kind cannot change: create one of kind kapso or meta")
        }
        if let ignored = WebhookPayloadShape.ignoredSettings(of: webhook) {
            add(.info, webhook, ignored, fix: WebhookPayloadShape.metaReading)
        }
        if shape == .kapso(version: "v1", batched: shape.batchedEvents) {
            add(
                .warning, webhook,
                "uses legacy v1 payloads: flat message fields and a nested whatsapp_config object",
                fix: insteadOfUpdate(
                    webhook,
                    replaced: "\(Self.replacingCreate) keeps v1 with --payload-version v1; to move to v2, move the receiver first "
                        + "(\(Self.v2Reading)), then leave that flag out")
                    ?? "move the receiver to v2 (\(Self.v2Reading)), then webhooks update \(id) --payload-version v2"
            )
        }
        switch SecretKeyState(webhook) {
        case .absent:
            add(
                .warning, webhook, "no secret_key: the receiver cannot verify signatures",
                fix: insteadOfUpdate(
                    webhook,
                    replaced: "\(Self.replacingCreate) gives the new webhook a secret_key (kops generates one and shows it "
                        + "once): verify X-Webhook-Signature with it")
                    ?? "webhooks update \(id) --secret-key S, and verify X-Webhook-Signature")
        case .empty:
            add(
                .warning, webhook,
                "secret_key is empty: deliveries are signed with an empty key, which anyone can forge and a receiver "
                    + "that requires a secret rejects",
                fix: insteadOfUpdate(webhook) ?? "webhooks update \(id) --secret-key S, and verify X-Webhook-Signature with it")
        case .blank(let blanks):
            add(
                .warning, webhook,
                "secret_key is only blanks (\(blanks)): deliveries are signed with a key anyone can guess, and a receiver "
                    + "that trims its copy of the secret holds an empty one and rejects them",
                fix: insteadOfUpdate(webhook) ?? "webhooks update \(id) --secret-key S, and verify X-Webhook-Signature with it")
        case .padded(let problem):
            // A pasted secret with its line end or a space: Kapso signs with it as stored (tester62b AM4).
            add(
                .warning, webhook,
                "secret_key \(problem): Kapso signs with the whole stored key, and a receiver that trims its copy of the "
                    + "secret (as many config loaders do) computes another signature and rejects every delivery",
                fix: insteadOfUpdate(webhook)
                    ?? "webhooks update \(id) --secret-key S with no blank at either end, and give the receiver the same secret")
        case .quoted, .variableName, .placeholder:
            add(
                .warning, webhook, "secret_key " + (SecretKeyState(webhook).shapeProblem ?? ""),
                fix: insteadOfUpdate(webhook)
                    ?? "webhooks update \(id) --secret-key S with the secret itself, and give the receiver the same secret")
        case .set:
            break
        }
        for (name, value, range) in [
            ("buffer_window_seconds", webhook.bufferWindowSeconds, 1...60),
            ("max_buffer_size", webhook.maxBufferSize, 1...100),
            ("inactivity_minutes", webhook.inactivityMinutes, 1...1440),
        ] where shape.isKapso {
            if let value, !range.contains(value) {
                add(
                    .error, webhook, "\(name) is \(value), outside \(range.lowerBound)-\(range.upperBound)",
                    fix: insteadOfUpdate(webhook)
                        ?? "webhooks update \(id) --\(name.replacingUnderscores()) \(min(max(value, range.lowerBound), range.upperBound))")
            }
        }
        if shape.isKapso, webhook.bufferEnabled {
            let listed = webhook.json["buffer_events"]?.array?.compactMap(\.string) ?? []
            let unbufferable = listed.filter { WebhookEvents.event($0)?.bufferable != true }
            if !unbufferable.isEmpty {
                add(
                    .warning, webhook,
                    "buffer_events lists \(unbufferable.joined(separator: ", ")), which Kapso does not buffer (only whatsapp.message.received can be)",
                    fix: insteadOfUpdate(webhook)
                        ?? "webhooks update \(id) with buffer_events [whatsapp.message.received] (Kapso's dashboard or API), or turn buffering off")
            }
            let buffered = shape.batchedEvents
            if let idle = WebhookPayloadShape.bufferingWithoutEffect(webhook) {
                add(
                    .info, webhook, idle,
                    fix: insteadOfUpdate(webhook) ?? "nothing to change in the receiver; turn buffering off (buffer_enabled false, "
                        + "Kapso's dashboard or API) to say what the webhook does")
            } else if buffered.isEmpty {
                add(
                    .info, webhook, "buffering is on, but buffer_events holds no bufferable event: nothing is batched",
                    fix: insteadOfUpdate(webhook) ?? "list whatsapp.message.received in buffer_events, or turn buffering off")
            } else {
                add(
                    .info, webhook,
                    "buffering is on: every \(buffered.joined(separator: ", ")) delivery is batch-shaped, even with one message",
                    fix: insteadOfUpdate(
                        webhook,
                        replaced: Self.carriedFlags(webhook, events: webhook.events + WebhookEventPlan(webhook).elsewhere)
                                .contains("--buffer-enabled")
                            ? "\(Self.replacingCreate) keeps buffering (--buffer-enabled): make the receiver read batch "
                                + "bodies (data[]), or leave the buffer flags out"
                            : nil)
                        ?? "make the receiver read batch bodies (data[]), or turn buffering off")
            }
        }
        let headers = webhook.json["headers"]?.object?.entries ?? []
        if let problem = CustomHeader.problem(in: headers.map { ($0.key, $0.value.string ?? "") }) {
            add(
                .error, webhook,
                "custom headers hold \(problem); Kapso adds it to every delivery, so the receiver's HTTP stack refuses each "
                    + "one or reads a header injected into it (https://docs.kapso.ai/docs/platform/webhooks/overview)",
                fix: "webhooks update \(id) --headers '{...}' with every header named in letters, digits and -, each value on "
                    + "one line, and --yes (--headers replaces them all)")
        }
        let taken = Self.kapsoHeaderNames(in: headers.map(\.key))
        if !taken.isEmpty {
            add(
                .warning, webhook,
                "custom headers \(taken.joined(separator: ", ")) have the names of headers Kapso sets on every delivery "
                    + "(https://docs.kapso.ai/docs/platform/webhooks/overview); which value reaches the receiver is not documented, and if the custom one wins, "
                    + "signature checks or JSON parsing fail there",
                fix: insteadOfUpdate(
                    webhook,
                    replaced: "give \(Self.replacingCreate) --headers '{...}' with every other custom header and its value but "
                        + "without \(taken.count == 1 ? "it" : "them")")
                    ?? "webhooks update \(id) --headers '{...}' with every other custom header and its value but without "
                    + "\(taken.count == 1 ? "it" : "them"), and --yes (--headers replaces them all, so kops asks first)")
        }
    }
}

extension String {
    /// `buffer_window_seconds` → `buffer-window-seconds`, for flag names.
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
