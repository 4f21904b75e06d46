internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `webhooks [list]`, `get ID`, `create`, `update ID`, `delete ID`, `test ID`, `check [ID]`, `fire EVENT|SCENARIO`.
public enum WebhooksCommand: Command {
    public static let name = "webhooks"
    public static let summary = "list, show, create, change, delete, test and lint webhooks"
    public static let usage =
        "webhooks [list | get ID | create | update ID | delete ID | test ID | check [ID] | fire EVENT|SCENARIO | probe [ID]] [flags]"
    static let createUsage =
        "webhooks create --url URL --events a,b [--scope number|project] [--kind kapso|meta] [--payload-version v1|v2] [--secret-key S] ..."
    static let updateUsage =
        "webhooks update ID [--url URL] [--events a,b | --add-events a,b --remove-events c] [--active true|false] [--payload-version v2] ..."
    public static let details = """
        --scope number (default) lists the selected number's webhooks; --scope project lists every
        webhook of the project, project-scoped ones included. Secrets are shown masked; 'get ID
        --reveal-secret' prints one in clear. 'create' generates a secret when --secret-key is not
        given and shows it once. 'delete' asks first on a terminal and needs --yes elsewhere. 'test'
        queues a sample delivery and shows how it went, waiting up to 12 s for the receiver's first
        answer (Kapso waits 10 s); with none recorded by then the result is unknown yet (exit 75).
        'check' lints one or every webhook (of the selected number and the project) and exits 1 when
        it finds an error, or when a read it needs fails (named under 'not read:'). 'fire' sends signed sample
        deliveries of any catalogue event, or a scenario (message-lifecycle, failed-131047,
        out-of-order-statuses, buffered-batch, conversation-inactive, marketing-stop, identity-changed), to
        your own handler (--to URL) and prints each answer against Kapso's 10 s limit; --set PATH=VALUE
        changes a field that exists in the payload, checked before anything is sent; it needs no API key;
        --secret-env VAR signs with the secret in that environment variable (not in shell history or ps).
        'probe' sends the webhook's own URL three signed deliveries (ASCII, non-ASCII, wrong signature) and
        says whether the handler verifies on the raw bytes; accepting the wrong signature is an error.
        --events takes a,b or a JSON array; buffer window 1-60 s, buffer size 1-100, inactivity 1-1440 min;
        --headers takes a JSON object of strings. On 'update', --events and --headers replace the
        webhook's whole list (Kapso's PATCH does): when that would remove events or headers it has,
        kops says what goes and asks, and needs --yes where it cannot ask. --add-events and
        --remove-events change the list it has, so adding one event keeps the others.
        Examples:
          webhooks
          webhooks --scope project
          webhooks get 3f1c2a9e-...
          webhooks create --url https://example.com/hook --events whatsapp.message.received
          webhooks update 4e5f6a7b-... --payload-version v2
          webhooks update 4e5f6a7b-... --add-events whatsapp.message.failed
          webhooks delete 3d4e5f6a-... --yes
          webhooks test 5f6a7b8c-... --event whatsapp.message.received
          webhooks check
          webhooks fire message-lifecycle --to http://127.0.0.1:3000/webhooks --secret-env KAPSO_WEBHOOK_SECRET
          webhooks probe 5f6a7b8c-...
          webhooks fire whatsapp.message.received --to http://127.0.0.1:3000/webhooks --set message.text.body=Hola
        """
    public static let maxArguments: Int? = 2
    public static let flags = [
        FlagSpec(
            "--scope", choices: ["number", "project"], help: "whose webhooks to list or create (default: number)"),
        FlagSpec("--kind", choices: ["kapso", "meta"], help: "only webhooks of this kind; on create, the kind"),
        FlagSpec(
            "--active", choices: ["true", "false"],
            help: "only active or only paused webhooks; on create/update, the state"),
        FlagSpec("--per-page", value: "N", range: 1...100, help: "webhooks per page (1-100, default 20)"),
        FlagSpec("--reveal-secret", help: "get: print the signing secret in clear"),
        FlagSpec("--url", value: "URL", help: "create/update: the receiver (https; http only for loopback)"),
        FlagSpec(
            "--events", value: "LIST",
            help: "create/update: events, a,b or a JSON array; whatsapp.message.* matches a group; all (create) every event of the scope"),
        FlagSpec("--payload-version", choices: ["v1", "v2"], help: "create/update: payload version, kind kapso only (default v2)"),
        FlagSpec("--secret-key", value: "S", help: "create/update: signing secret (create generates one if absent)"),
        FlagSpec(
            WebhookFields.keepBlanksFlag,
            help: "create/update: send a --secret-key as given with a blank or invisible character at either end, wrapped in "
                + "quotes, or shaped like a variable's name or a placeholder ($NAME, {{…}}: refused otherwise)"),
        FlagSpec("--buffer-enabled", help: "create/update: batch received messages (kind kapso only; meta never batches)"),
        FlagSpec("--buffer-window-seconds", value: "N", range: 1...60, help: "create/update: buffer window (1-60)"),
        FlagSpec("--max-buffer-size", value: "N", range: 1...100, help: "create/update: messages per batch (1-100)"),
        FlagSpec("--inactivity-minutes", value: "N", range: 1...1440, help: "create/update: conversation.inactive threshold (1-1440)"),
        FlagSpec(
            "--add-events", value: "LIST",
            help: "update: events to add to the webhook's list, keeping the rest (a,b; whatsapp.message.* matches a group)"),
        FlagSpec(
            "--remove-events", value: "LIST", help: "update: events to take out of the webhook's list, keeping the rest"),
        FlagSpec("--headers", value: "JSON", help: "create/update: extra headers, a JSON object of strings (update: replaces them all)"),
        FlagSpec(
            OutgoingSecret.sendFlag,
            help: "create/update: send a Meta access token or webhook signing secret in --url/--headers to the receiver"),
        FlagSpec("--yes", help: "delete: do not ask; update: remove the events or headers --events/--headers leave out without asking"),
        FlagSpec("--event", value: "TYPE", help: "test: the event to send (default: the first subscribed)"),
        FlagSpec("--to", value: "URL", help: "fire: your handler's URL (http only for loopback)"),
        FlagSpec("--secret", value: "S", help: "fire: sign with this secret (the webhook's secret_key); never printed"),
        FlagSpec("--secret-env", value: "VAR", help: "fire: read the secret from this environment variable"),
        FlagSpec("--v1", help: "fire: legacy v1 payloads"),
        FlagSpec("--v2", help: "fire: v2 payloads (default)"),
        FlagSpec("--batch", value: "N", range: 1...100, help: "fire: N received messages in one batch body (1-100)"),
        FlagSpec("--meta", help: "fire: Meta's raw payload, signed as X-Hub-Signature-256 (message events)"),
        FlagSpec("--set", value: "PATH=VALUE", help: "fire: change a payload field, e.g. message.text.body=Hola (repeatable)"),
    ]

    public static func sendsRequests(_ arguments: Arguments) -> Bool {
        arguments.positionals.first != "fire"
    }

    /// `fire` to a handler off this machine sends data out, so scripts need `--allow-writes` for it.
    public static func isWrite(_ words: [String]) -> Bool {
        let subcommand = words.first(where: { !$0.hasPrefix("--") })
        // probe's URL is known only once fetched: probe itself refuses a non-loopback one in a read-only script.
        return subcommand == "fire" && sendsOffMachine(words, flag: "--to")
    }

    /// Flags each subcommand takes; any other flag is refused.
    private static let allowedFlags: [String: Set<String>] = [
        "list": ["--scope", "--kind", "--active", "--per-page"], "get": ["--reveal-secret"],
        "create": WebhookFields.flagNames.union(["--scope", OutgoingSecret.sendFlag]),
        "update": WebhookFields.flagNames.subtracting(["--kind"]).union(["--add-events", "--remove-events", "--yes", OutgoingSecret.sendFlag]),
        "delete": ["--yes"], "test": ["--event"], "check": [],
        "fire": ["--to", "--secret", "--secret-env", "--v1", "--v2", "--batch", "--meta", "--set"], "probe": [],
    ]

    /// `list` and `create` take no id: the subcommand alone; the others the subcommand and an id.
    public static func positionalLimit(_ positionals: [String]) -> Int? {
        let subcommand = positionals.first.map { $0 == "show" ? "get" : $0 } ?? "list"
        return subcommand == "list" || subcommand == "create" ? 1 : 2
    }

    /// The subcommand, its flags and positionals, and each subcommand's own values (create's form, fire's plan).
    public static func validate(_ arguments: Arguments) throws {
        let subcommand = subcommand(arguments)
        guard let allowed = allowedFlags[subcommand] else {
            throw BareWordAdvice.error(for: subcommand, command: name, flags: []) ?? ShellError.invalidValue(
                command: name, what: "subcommand", value: subcommand,
                expected: "'list', 'get', 'create', 'update', 'delete', 'test', 'check', 'fire' or 'probe'")
        }
        let given = Set(arguments.values.keys).union(arguments.switches)
        if let flag = given.subtracting(allowed).sorted().first {
            throw ShellError.invalidValue(
                command: name, what: "flag for '\(subcommand)'", value: flag,
                expected: allowed.isEmpty ? "no flags" : allowed.sorted().joined(separator: ", "))
        }
        let maxPositionals = positionalLimit(arguments.positionals) ?? 2
        if arguments.positionals.count > maxPositionals { throw arguments.unexpected(maxPositionals) }
        switch subcommand {
        case "get", "delete": _ = try webhookID(arguments)
        case "create": _ = try createForm(arguments)
        case "update":
            _ = try updateForm(arguments)
            _ = try webhookID(arguments)
        case "test":
            _ = try webhookID(arguments)
            if let event = arguments.value("--event") { _ = try WebhookFields.checkedEvents(event) }
        case "probe", "check": if arguments.positionals.count > 1 { _ = try webhookID(arguments) }
        case "fire":
            try WebhookSecretFlags.check(arguments, command: name)
            _ = try firePlan(arguments, secret: nil)
        default: break
        }
    }

    /// The webhook id after the subcommand: a UUID (`MessageInput.uuid`), or the resolver says what it is before any
    /// request, so a mistyped id leaves no 404 in the project's API log (probe5 P5-4).
    static func webhookID(_ arguments: Arguments) throws -> String {
        try MessageInput.uuid(try arguments.required(1, "webhook id"), command: name, what: "webhook id", expected: .webhookID)
    }

    /// `webhooks show ID` is what many users type first; it is `get`.
    private static func subcommand(_ arguments: Arguments) -> String {
        arguments.positionals.first.map { $0 == "show" ? "get" : $0 } ?? "list"
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        switch subcommand(arguments) {
        case "list":
            let scope: KapsoClient.WebhookScope =
                arguments.value("--scope") == "project"
                ? .project : .phoneNumber(try context.session.requirePhoneNumber())
            let filters = [("kind", arguments.value("--kind")), ("active", arguments.value("--active"))]
                .compactMap { key, value in value.map { (key, $0) } }
            let perPage = arguments.integer("--per-page") ?? 20
            return try list(
                scope: scope, filters: filters, pageQuery: [("page", "1"), ("per_page", String(perPage))], in: context)
        case "get":
            return try get(try webhookID(arguments), reveal: arguments.has("--reveal-secret"), in: context)
        case "create": return try create(arguments, in: context)
        case "update": return try update(arguments, in: context)
        case "delete": return try delete(arguments, in: context)
        case "test": return try test(arguments, in: context)
        case "fire": return try fire(arguments, in: context)
        case "probe": return try probe(arguments, in: context)
        default: return try check(arguments.positionals.count > 1 ? try webhookID(arguments) : nil, in: context)
        }
    }

    static func list(
        scope: KapsoClient.WebhookScope, filters: [(String, String)], pageQuery: [(String, String)],
        in context: ShellContext
    ) throws -> CommandResult {
        let page = try context.client.webhooks(
            scope, page: Page<Webhook>.pageNumber(in: pageQuery),
            perPage: pageQuery.first { $0.0 == "per_page" }.flatMap { Int($0.1) } ?? 20, filters: filters)
        context.rememberList(page, source: .webhooks(scope, filters: filters))
        let rows = page.items.map { webhook -> [StyledText] in
            let events = webhook.events
            return [
                StyledText(webhook.id),
                StyledText(webhook.phoneNumberID ?? "project", style: webhook.isProjectScoped ? .warn : .plain),
                StyledText(webhook.kind),
                payloadCell(webhook),
                StyledText(webhook.active ? "yes" : "no", style: webhook.active ? .plain : .warn),
                StyledText(webhook.url),
                StyledText(events.isEmpty ? "-" : Renderer.joined(events, separator: ", ")),
            ]
        }
        var url = Column("URL", truncation: .middle)
        url.movesBelowWhenNarrow = true
        // At a narrow terminal the events, then the URL, go whole under their row instead of being cut: the id
        // stays whole for the next command.
        var table = Table(
            columns: [
                Column("ID", truncation: .middle), Column("SCOPE", truncation: .never),
                Column("KIND", truncation: .never),
                Column("PAYLOAD", truncation: .never), Column("ACTIVE", truncation: .never), url, Column("EVENTS"),
            ], rows: rows)
        table.detailBelowWhenTooWide = true
        if let last = page.items.last { context.session.lastWebhookID = last.id }
        return CommandResult(blocks: [.table(table), .hint(page.footer)], json: page.json)
    }

    static func get(_ id: String, reveal: Bool, in context: ShellContext) throws -> CommandResult {
        let webhook = try context.webhook(id)
        context.session.lastWebhookID = webhook.id
        let result = CommandResult(blocks: [.fields(fields(of: webhook))], json: .object(webhook.json))
        guard reveal, let secret = webhook.secretKey else { return result }
        return revealing(
            secret.revealed, in: result,
            warning: "warning: the signing secret is shown in clear; keep it out of tickets and screenshots",
            in: context)
    }

    /// The payload a webhook's receiver gets, by its kind (`WebhookPayloadShape`, P37-19): `v2`, or `Meta's own (kind
    /// meta)` whatever payload_version the record carries.
    static func payloadText(_ webhook: Webhook, shape: WebhookPayloadShape? = nil) -> String {
        switch shape ?? WebhookPayloadShape(webhook) {
        case .meta: "Meta's own (kind meta)"
        case .kapso(let version, _): version ?? "-"
        case .unknownKind: webhook.payloadVersion ?? "-"
        }
    }

    /// `payloadText` for a list's cell, `meta` for a meta-kind webhook; v1 drawn as a warning.
    static func payloadCell(_ webhook: Webhook) -> StyledText {
        let shape = WebhookPayloadShape(webhook)
        if shape == .meta { return StyledText("meta") }
        return StyledText(payloadText(webhook, shape: shape), style: shape == .kapso(version: "v1", batched: shape.batchedEvents) ? .warn : .plain)
    }

    /// `on (whatsapp.message.received)`, `off`, or `none for kind meta` when the record says on for a meta webhook.
    static func bufferingText(_ webhook: Webhook, shape: WebhookPayloadShape? = nil) -> String {
        let shape = shape ?? WebhookPayloadShape(webhook)
        if shape == .meta { return webhook.bufferEnabled ? "none for kind meta (the record's buffer_enabled does not apply)" : "none (kind meta)" }
        return webhook.bufferEnabled ? "on" : "off"
    }

    /// The `label: value` view of one webhook, secret masked.
    static func fields(of webhook: Webhook) -> [Field] {
        // A secret or URL that is kops's own mask, saved from a copy of its output before kops refused that (probe42
        // P42-3), looks like a working one in every view: said, with the fix.
        let savedMask = { (field: String, value: String) -> String? in
            MaskedInput.read(value).map { _ in
                " (kops's mask saved as the \(field), from a copy of kops's output: deliveries fail; "
                    + "'webhooks update \(webhook.id) --\(field == "secret" ? "secret-key" : "url") …' with the real one)"
            }
        }
        let urlMask = savedMask("url", webhook.url)
        let secretMask = webhook.secretKey.flatMap { savedMask("secret", $0.revealed) }
        let events = webhook.events
        // Each read once for the fields that show it (a `webhooks get` read the key's state and the payload's shape twice).
        let (secretState, shape) = (SecretKeyState(webhook), WebhookPayloadShape(webhook))
        var fields = [
            Field("id", webhook.id), Field("url", webhook.url + (urlMask ?? ""), style: urlMask == nil ? .plain : .warn),
            Field(
                "scope",
                webhook.phoneNumberID.map { "phone number \($0)" } ?? "project (message events never delivered)",
                style: webhook.isProjectScoped ? .warn : .plain),
            Field("kind", webhook.kind), Field("payload", payloadText(webhook, shape: shape)),
            Field("active", webhook.active ? "yes" : "no", style: webhook.active ? .plain : .warn),
            Field("events", events.isEmpty ? "-" : Renderer.joined(events, separator: ", ")),
            Field("secret", secretText(webhook, state: secretState) + (secretMask ?? ""), style: secretState != .set || secretMask != nil ? .warn : .plain),
            Field("buffering", bufferingText(webhook, shape: shape)),
        ]
        // The names only (P20-7: not shown at all before): a receiver that answers 401/403 often misses one, and the
        // values are credentials as often as not (the JSON form redacts them too).
        let headers = webhook.headerNames
        if !headers.isEmpty { fields.append(Field("headers", Renderer.joined(headers, separator: ", ") + " (values not shown)")) }
        // In UTC to the second, as the tables show times (tester70b G5: `2026-10-22T07:00:00.000-05:00` here beside `…Z`
        // in `deliveries`); the last change too, the pause time `webhooks check` quotes.
        if let created = webhook.createdAt { fields.append(Field("created", TimeText.short(created))) }
        if let updated = webhook.json["updated_at"]?.string { fields.append(Field("updated", TimeText.short(updated))) }
        return fields
    }

    /// The `secret:` field of `webhooks get`, from the key's state (`state`, `SecretKeyState(webhook)`): `none`,
    /// `(empty)`, `(blank: 3 spaces)`, the mask, or the mask with `(ends with a space)` (tester62b AM4: 3 spaces read
    /// `(empty)`, a padded key only its mask).
    static func secretText(_ webhook: Webhook, state: SecretKeyState) -> String {
        switch state {
        case .absent: "none"
        case .empty: "(empty)"
        case .blank(let blanks): "(blank: \(blanks))"
        case .padded(let problem): (webhook.secretKey?.masked ?? "") + " (\(problem))"
        case .quoted(let quote): (webhook.secretKey?.masked ?? "") + " (wrapped in \(quote))"
        case .variableName: (webhook.secretKey?.masked ?? "") + " (a shell variable's name, not its value)"
        case .placeholder(let placeholder): (webhook.secretKey?.masked ?? "") + " (\(placeholder.problem))"
        case .set: webhook.secretKey?.masked ?? "none"
        }
    }
}

extension ShellContext {
    /// Webhook `id` (a UUID) from the project's webhook list (both scopes, kapso-api.md §3.3), page by page up to
    /// `IDLookups.maxPages`: the list answers 200 whatever the id, so an id of no webhook leaves no 404 in the
    /// project's API log for another machine's `errors` to count (probe5 P5-4). Throws `webhookNotFound` naming the
    /// webhooks read; a 404 of the list itself is the base URL's (the error funnel says so).
    ///
    /// Each page is read afresh, its items cut down to their ids (`KapsoClient.webhookIDs`) and only the one wanted
    /// parsed whole; a recording, which learns personal data from each response whole (`KapsoClient.received`),
    /// reads the pages whole as before.
    func webhook(_ id: String) throws -> Webhook {
        var read: [Webhook] = []
        let wanted = id.lowercased()
        let whole = shell?.recorder?.masker != nil
        for number in 1...IDLookups.maxPages {
            let page = whole ? try client.webhooks(.project, page: number, perPage: 100) : try client.webhookIDs(page: number, perPage: 100)
            if let index = page.items.firstIndex(where: { ShellContext.equalIgnoringASCIICase($0.id, wanted) }) {
                return try page.whole(at: index, item: Webhook.init(json:))
            }
            for index in page.items.indices { read.append(try page.whole(at: index, item: Webhook.init(json:))) }
            guard page.hasMore else { break }
        }
        throw KapsoAPIError.webhookNotFound(id: id, known: read)
    }

    /// True when `id` lowercased is `wanted` (lower case already): ASCII ones are compared byte by byte with A–Z folded,
    /// without the lowercased copy of every id of the page; any other is lowercased and compared as before (`==` reads
    /// canonical equivalents as equal: U+037E is `;`).
    static func equalIgnoringASCIICase(_ id: String, _ wanted: String) -> Bool {
        var (id, wanted) = (id, wanted)
        let folded = id.withUTF8 { bytes in
            wanted.withUTF8 { lower -> Bool? in
                guard bytes.allSatisfy({ $0 < 0x80 }), lower.allSatisfy({ $0 < 0x80 }) else { return nil }
                return bytes.count == lower.count && zip(bytes, lower).allSatisfy { ByteSearch.fold($0) == $1 }
            }
        }
        return folded ?? (id.lowercased() == wanted)
    }
}
