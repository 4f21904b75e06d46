internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// The `whatsapp_webhook` fields of a `webhooks create|update` line, checked before anything is sent.
///
/// `--events` takes `a,b` or a JSON array; URLs must be https (http only for loopback receivers);
/// buffer window 1–60 s, buffer size 1–100, inactivity 1–1440 min, `--headers` a JSON object of strings.
struct WebhookFields {
    /// The flags this form reads, for the subcommands that take them.
    static let flagNames: Set<String> = [
        "--url", "--events", "--kind", "--payload-version", "--secret-key", "--buffer-enabled",
        "--buffer-window-seconds", "--max-buffer-size", "--inactivity-minutes", "--headers", "--active", keepBlanksFlag,
    ]

    /// The flag that sends a `--secret-key` with a blank at either end as given (`checkedSecret`).
    static let keepBlanksFlag = "--keep-blanks"

    var fields = JSONObject()
    /// `--add-events` (update only): catalogue names, patterns expanded, to append to the webhook's list.
    var addEvents: [String]?
    /// `--remove-events` (update only): the names or `prefix.*` patterns to take out of the webhook's list, read
    /// against that list once it is fetched (a name Kapso no longer knows can be removed too).
    var removeEvents: [String]?

    init(_ arguments: Arguments, isCreate: Bool) throws(ShellError) {
        try Self.refuseMasked(arguments, isCreate: isCreate)
        if let url = arguments.value("--url") { fields["url"] = .string(try Self.checkedURL(url)) }
        if let kind = arguments.value("--kind") {
            guard isCreate else {
                throw .invalidValue(
                    command: "webhooks", what: "use of --kind", value: kind,
                    expected: "no --kind on update (a webhook's kind cannot change; delete and create it again)")
            }
            fields["kind"] = .string(kind)
            if kind == "meta" { try Self.refuseKapsoOnly(arguments, what: "flag with --kind meta") }
        }
        if let events = arguments.value("--events") {
            // `all` and `whatsapp.message.*` expand to the catalog's events for the new webhook's scope.
            let scope: WebhookEvents.Scope? =
                isCreate ? (arguments.value("--scope") == "project" ? .project : .phoneNumber) : nil
            let expanded = try Self.expandedEvents(events, scope: scope, v1: arguments.value("--payload-version") == "v1")
            fields["events"] = .array(try Self.checkedEvents(expanded).map(JSONValue.string))
        }
        try readEventEdits(arguments)
        if let version = arguments.value("--payload-version") { fields["payload_version"] = .string(version) }
        if let secret = arguments.value("--secret-key") {
            fields["secret_key"] = .string(try Self.checkedSecret(secret, keepBlanks: arguments.has(Self.keepBlanksFlag)))
        }
        if arguments.has("--buffer-enabled") { fields["buffer_enabled"] = true }
        for (flag, key) in [
            ("--buffer-window-seconds", "buffer_window_seconds"), ("--max-buffer-size", "max_buffer_size"),
            ("--inactivity-minutes", "inactivity_minutes"),
        ] {
            if let number = arguments.integer(flag) { fields[key] = .number(String(number)) }
        }
        if let headers = arguments.value("--headers") { fields["headers"] = try Self.checkedHeaders(headers) }
        if let active = arguments.value("--active") { fields["active"] = .bool(active == "true") }
    }

    /// Refuses a `--secret-key`, `--url` or `--headers` that holds a form kops prints in place of what it hides
    /// (`MaskedInput`: `whsec_…23`, `https://hook.eu1.make.com/<redacted>`, `{"X-Env":"<redacted>"}`), before anything is
    /// sent. Copied from `webhooks get` or a transcript, it replaced the webhook's real secret, URL or header with the mask,
    /// and every delivery after failed while kops's own views looked unchanged (probe42 P42-3). On update, leaving the
    /// flag out keeps what the webhook has.
    static func refuseMasked(_ arguments: Arguments, isCreate: Bool) throws(ShellError) {
        // The id in the advice only when it is one (a UUID): a mistyped one is refused by its own check.
        let id = isCreate ? nil : arguments.positionals.dropFirst().first.flatMap { IDInput.isUUID($0) ? $0 : nil }
        if let secret = arguments.value("--secret-key") {
            try MaskedInput.refuse(
                secret, command: "webhooks", subject: "--secret-key", thing: "the secret",
                fix: isCreate
                    ? "nothing was sent; give the secret in full, or leave --secret-key out and kops generates one"
                    : "nothing was sent; leave --secret-key out to keep the webhook's secret, or give a new one in full "
                        + "('\(MaskedInput.revealCommand(id))' shows the current one)")
        }
        if let url = arguments.value("--url") {
            try MaskedInput.refuse(
                url, command: "webhooks", subject: "--url", thing: "the URL",
                fix: (isCreate ? "nothing was sent; give" : "nothing was sent; leave --url out to keep the webhook's URL, or give")
                    + " the URL in full, as the service that issued it shows it (kops masks a hook URL's key in every view)")
        }
        if let headers = arguments.value("--headers") {
            try MaskedInput.refuse(
                headers, command: "webhooks", subject: "--headers", thing: "the header values",
                fix: isCreate
                    ? "nothing was sent; give each header's value in full"
                    : "nothing was sent; leave --headers out to keep the webhook's headers, or give their values in full")
        }
    }

    /// Refuses the first flag of `arguments` that only kind kapso takes (buffering, payload version), for a meta
    /// webhook: `create --kind meta`, and `update` of a webhook whose kind is meta. Kapso refuses buffering on a meta
    /// webhook and ignores a payload version there (kapso-api.md §3.1, §3.2). `what` names the flag's context.
    static func refuseKapsoOnly(_ arguments: Arguments, what: String) throws(ShellError) {
        let kapsoOnly = ["--buffer-enabled", "--buffer-window-seconds", "--max-buffer-size", "--payload-version"]
        guard let flag = kapsoOnly.first(where: { arguments.has($0) || arguments.value($0) != nil }) else { return }
        throw .invalidValue(
            command: "webhooks", what: what, value: flag,
            expected: "no \(flag): a meta webhook gets Meta's own payloads, never batched or versioned by Kapso (kind kapso has them)")
    }

    /// `secret` when a receiver can hold it as given (`SecretKeyState`); else a one-line error, before anything is sent.
    /// Empty or only blanks: refused (deliveries would be signed with a key anyone can compute). A blank at either end
    /// (`'whsec_x '`, pasted with its line end), an invisible character there (U+200B) or wrapping quotes (`"whsec_x"`,
    /// from a `.env` line): refused unless `keepBlanks` (`--keep-blanks`), since Kapso signs with
    /// the key as stored and a receiver that trims its copy rejects every delivery, far from this command; the rare key
    /// that really has one is still possible (tester62 AL6, tester62b AM4: both were set without a word). A shell
    /// variable's name (`$S`) is refused: kops expands `${env:S}` (tester63b AO8).
    static func checkedSecret(_ secret: String, keepBlanks: Bool) throws(ShellError) -> String {
        switch SecretKeyState(secret) {
        case .absent, .set:
            return secret
        case .empty:
            throw .invalidValue(command: "webhooks", what: "value for --secret-key", value: "", expected: "a non-empty secret")
        case .blank(let blanks):
            // Blanks hold no secret: shown, with line ends and tabs escaped so the line stays one line.
            let shown = secret.unicodeScalars.map { scalar in
                switch scalar {
                case "\t": "\\t"
                case "\n": "\\n"
                case "\r": "\\r"
                case " ": " "
                default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                }
            }.joined()
            throw .invalidValue(
                command: "webhooks", what: "value for --secret-key", value: shown,
                expected: "a secret that is not only blanks (this is \(blanks): deliveries would be signed with a key anyone "
                    + "can guess); nothing was sent")
        case .padded(let problem):
            guard !keepBlanks else { return secret }
            throw .invalidSecretValue(
                command: "webhooks", flag: "--secret-key", problem: problem,
                expected: "Kapso signs with the secret as given, blanks included, and a receiver that trims its copy rejects "
                    + "every delivery; nothing was sent: give the secret without the blank, or add \(keepBlanksFlag) to send it as given")
        case .quoted(let quote):
            // Quotes copied from a `.env` line (tester63b AO8): refused as a blank is, the escape the same flag.
            guard !keepBlanks else { return secret }
            throw .invalidSecretValue(
                command: "webhooks", flag: "--secret-key", problem: "is wrapped in \(quote)",
                expected: "the quotes would be part of the key Kapso signs with, and a receiver that reads the secret from a "
                    + ".env line drops them and rejects every delivery; nothing was sent: give the secret without the quotes, "
                    + "or add \(keepBlanksFlag) to send it as given")
        case .variableName(let name):
            // The name is no secret and is the advice (tester64b U5: `${env:<redacted>}`); a `$…` spelled otherwise may be
            // a real secret (`$Abc123_…`): not shown, and sent as given with the escape flag.
            guard !keepBlanks else { return secret }
            let shown = SecretKeyState.shownName(name)
            throw .invalidSecretValue(
                command: "webhooks", flag: "--secret-key", problem: "is a shell variable's name",
                expected: "kops does not expand $NAME: write ${env:\(shown ?? "NAME")} for an environment variable, or add "
                    + "\(keepBlanksFlag) if the secret really is that text; nothing was sent")
        case .placeholder(let placeholder):
            guard !keepBlanks else { return secret }
            throw .invalidSecretValue(
                command: "webhooks", flag: "--secret-key", problem: "is \(placeholder.problem)",
                expected: "Kapso would sign every delivery with that text and the receiver would reject them all; nothing was "
                    + "sent: give the secret itself" + (placeholder.variable.map { " (${env:\($0)} reads it from the environment)" } ?? "")
                    + ", or add \(keepBlanksFlag) to send it as given")
        }
    }

    /// The URL when it is https, or http to a loopback host; else a one-line error that names the defect when kops can:
    /// a blank at either end (pasted along), a second port (`host:8080:90`), a `%` not followed by two hex digits (RFC
    /// 3986 §2.1) (tester62 AL7: the first two were created, the blank was told "expected an absolute https:// URL").
    static func checkedURL(_ url: String) throws(ShellError) -> String {
        if let defect = urlDefect(url) {
            throw .invalidValue(command: "webhooks", what: "value for --url", value: url, expected: defect)
        }
        guard let parts = URLParts(url), !parts.host.isEmpty, !url.contains(" ") else {
            throw .invalidValue(
                command: "webhooks", what: "value for --url", value: url, expected: "an absolute https:// URL")
        }
        guard
            url.lowercased().hasPrefix("https://") || (url.lowercased().hasPrefix("http://") && parts.isLoopback)
        else {
            throw .invalidValue(
                command: "webhooks", what: "value for --url", value: url,
                expected: "an https:// URL (plain http only for loopback receivers)")
        }
        return url
    }

    /// What is wrong with `url` in words, for the defects `checkedURL` names; nil when none of them is there.
    static func urlDefect(_ url: String) -> String? {
        func blank(_ character: Character) -> String {
            switch character {
            case " ": "a space"
            case "\t": "a tab"
            case "\n", "\r\n": "a line feed"
            case "\r": "a carriage return"
            default: "a blank"
            }
        }
        if let last = url.last, last.isWhitespace {
            return "the URL without \(blank(last)) at its end (pasted along with it?)"
        }
        if let first = url.first, first.isWhitespace {
            return "the URL without \(blank(first)) at its start (pasted along with it?)"
        }
        if let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") {
            let authority = url[url.index(colon, offsetBy: 3)...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let hostPort = authority.split(separator: "@").last ?? authority[...]
            if !hostPort.hasPrefix("["), hostPort.filter({ $0 == ":" }).count > 1 {
                return "a URL with one port at most (this one has \(hostPort.filter { $0 == ":" }.count) after '\(hostPort.prefix { $0 != ":" })')"
            }
        }
        var rest = Substring(url)
        while let percent = rest.firstIndex(of: "%") {
            let escape = rest[rest.index(after: percent)...].prefix(2)
            guard escape.count == 2, escape.allSatisfy(\.isHexDigit) else {
                return "a URL whose every % starts an escape of two hex digits ('%\(escape)' is none; a literal % is %25)"
            }
            rest = rest[rest.index(after: percent)...]
        }
        return nil
    }

    /// `all` → every catalog event a webhook of `scope` receives; a name with `*` (`whatsapp.message.*`) → the
    /// catalog events it matches; other names unchanged. `all` needs the scope, so only `create` takes it.
    /// `whatsapp.config.created` exists only in v1 payloads, so it joins only with `--payload-version v1`; the
    /// events Kapso sends only in v2 payloads join only without it.
    static func expandedEvents(
        _ text: String, scope: WebhookEvents.Scope?, v1: Bool, flag: String = "--events"
    ) throws(ShellError) -> String {
        guard !text.hasPrefix("[") else { return text }
        let catalog = WebhookEvents.catalog.filter { $0.versions != (v1 ? .v2Only : .v1Only) }.map(\.name)
        var names: [String] = []
        for word in text.split(separator: ",").map({ $0.trimmingSpaces() }) where !word.isEmpty {
            if word == "all" {
                guard let scope else {
                    throw .invalidValue(
                        command: "webhooks", what: "value for \(flag)", value: word,
                        expected: "event names or a pattern like whatsapp.message.* on update ('all' depends on the webhook's scope; use it with create)")
                }
                names += catalog.filter { WebhookEvents.scope(of: $0) == scope }
            } else if word.contains("*") {
                let prefix = String(word.prefix { $0 != "*" })
                let matches = catalog.filter { $0.hasPrefix(prefix) && word.hasSuffix("*") && word.filter({ $0 == "*" }).count == 1 }
                guard !matches.isEmpty else {
                    throw .invalidValue(
                        command: "webhooks", what: "event pattern", value: word,
                        expected: "a pattern ending in * that matches catalog events, e.g. whatsapp.message.*")
                }
                names += matches
            } else {
                names.append(word)
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.joined(separator: ",")
    }

    /// Event names from `a,b` or `["a","b"]`, each in the catalog.
    static func checkedEvents(_ text: String, flag: String = "--events") throws(ShellError) -> [String] {
        let names: [String]
        if text.hasPrefix("[") {
            guard let array = (try? JSONValue.parse(Array(text.utf8)))?.array, array.allSatisfy({ $0.string != nil })
            else {
                throw .invalidValue(
                    command: "webhooks", what: "value for \(flag)", value: text,
                    expected: "a JSON array of event names or a comma-separated list")
            }
            names = array.compactMap(\.string)
        } else {
            names = text.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        guard !names.isEmpty else {
            throw .invalidValue(
                command: "webhooks", what: "value for \(flag)", value: text, expected: "at least one event name")
        }
        for name in names { try EventNameInput.check(name, command: "webhooks") }
        return names
    }

    /// Refuses the first of `names` that a webhook of this scope never receives (`WebhookEvents.outOfScope`):
    /// message and conversation events on a project webhook, project events on a phone-number webhook.
    static func refuseOutOfScope(_ names: [String], projectScoped: Bool, command: String, webhook: String) throws(ShellError) {
        guard let event = WebhookEvents.outOfScope(names, projectScoped: projectScoped).first else { return }
        if projectScoped {
            throw .invalidValue(
                command: command, what: "event for \(webhook)", value: event,
                expected: "project events only (message and conversation events reach only number webhooks; use --scope number)")
        }
        throw .invalidValue(
            command: command, what: "event for \(webhook)", value: event,
            expected:
                "phone-number events only (\(WebhookEvents.outOfScopeReason([event], projectScoped: false)); create a project webhook for it with 'webhooks create --scope project')"
        )
    }

    /// `--headers` as a JSON object whose values are all strings.
    /// Refused without showing the value (a header may be the receiver's password): JSON typed unquoted in the shell,
    /// whose lexer takes the double quotes away, is the usual slip, so the fix names the quoting (probe18 P18-6).
    static func checkedHeaders(_ text: String) throws(ShellError) -> JSONValue {
        let example = "quote the JSON: --headers '{\"X-Env\":\"prod\"}'"
        guard let json = try? JSONValue.parse(Array(text.utf8)) else {
            throw .invalidSecretValue(command: "webhooks", flag: "--headers", problem: "is not JSON", expected: example)
        }
        guard let object = json.object, object.entries.allSatisfy({ $0.value.string != nil }) else {
            throw .invalidSecretValue(
                command: "webhooks", flag: "--headers",
                problem: json.object == nil ? "is not a JSON object" : "has a value that is not a string",
                expected: "give a JSON object of strings: --headers '{\"X-Env\":\"prod\"}'")
        }
        // A name no HTTP message can carry, or a value that would end the header (tester54 V7), before any request.
        if let problem = CustomHeader.problem(in: object.entries.map { ($0.key, $0.value.string ?? "") }) {
            throw .invalidSecretValue(
                command: "webhooks", flag: "--headers", problem: "has " + problem,
                expected: "give each header a name of letters, digits and -, and a value on one line: --headers '{\"X-Env\":\"prod\"}'")
        }
        return .object(object)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
