internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `profile`, `profile list`, `profile use NAME`, `profile add NAME ...`, `profile default NAME`: named connections
/// from config.toml.
public enum ProfileCommand: Command {
    public static let name = "profile"
    public static let summary = "show, list, switch, add or set the default connection profile (config.toml)"
    public static let sendsRequests = false
    public static let usage =
        "profile [show | list | use NAME | default NAME | add NAME --base-url URL (--key-env VAR | --key-command CMD) [--default] [--force]]"
    public static let details = """
        Profiles live in $XDG_CONFIG_HOME/kops/config.toml (default ~/.config/kops/config.toml) and never hold
        a key: a profile names the environment variable or the command that yields it.
        'profile use' switches the API host, key, selected number and history file of this session only;
        flags typed at start (--base-url) and an exported KAPSO_API_KEY or KAPSO_API_BASE_URL come first (flags >
        environment > profile), and 'profile use' warns when one overrides the profile;
        switching to another profile drops the last message, conversation and webhook selected ('state' shows them).
        'profile default' writes default_profile, so every later kops starts with it. The first profile added
        to an empty config becomes the default.
        Examples:
          profile list
          profile add eagle --base-url https://api.kapso.ai --key-env EAGLE_KAPSO_KEY
          profile use eagle
          profile default eagle
        """
    public static let maxArguments: Int? = 2
    public static let flags = [
        FlagSpec("--base-url", value: "URL", help: "API host of the new profile"),
        FlagSpec("--key-env", value: "VAR", help: "environment variable that holds its API key"),
        FlagSpec("--key-command", value: "CMD", help: "command that prints its API key"),
        FlagSpec("--phone-number-id", value: "ID", help: "number selected when the profile is used"),
        FlagSpec("--default", help: "also make the new profile the default (default_profile)"),
        FlagSpec("--force", help: "replace a profile of that name (a new backup beside config.toml keeps the old file)"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        switch arguments.positionals.first {
        // `profile list foo` listed the profiles and dropped `foo` without a word (tester53 T10).
        // `profile show`, the summary's first word, is what bare `profile` does (tester56 Z8).
        case nil, "list"?, "show"?: if arguments.positionals.count > 1 { throw arguments.unexpected(1) }
        case "use"?, "default"?: _ = try arguments.required(1, "profile name")
        case "add"?: try checkAdd(try arguments.required(1, "profile name"), arguments)
        case let other?:
            throw ShellError.invalidValue(
                command: name, what: "subcommand", value: other, expected: "'show', 'list', 'use', 'add' or 'default'")
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        switch arguments.positionals.first {
        case nil, "show": return show(context)
        case "list": return try list(context)
        case "use": return try use(try arguments.required(1, "profile name"), in: context)
        case "add": return try add(try arguments.required(1, "profile name"), arguments, in: context)
        case "default": return try makeDefault(try arguments.required(1, "profile name"), in: context)
        case let other?:
            throw ShellError.invalidValue(
                command: name, what: "subcommand", value: other, expected: "'show', 'list', 'use', 'add' or 'default'")
        }
    }

    private static func show(_ context: ShellContext) -> CommandResult {
        let session = context.session
        if let problem = context.configProblem {
            // What the unread file names is unknown (tester57 AB15): not the defaults the session holds.
            let fields = BrokenConfig.fields(
                [Field("profile", session.profile), Field("api", session.baseURL)], problem: problem, session: session, keyInHand: true)
            let api: JSONValue = session.sources["api"] ?? "default" == "default" ? .null : .string(session.baseURL)
            return CommandResult(blocks: [.fields(fields)], json: ["profile": .null, "api": api, "config_problem": .string(problem)])
        }
        let fields = [
            Field("profile", session.profile), Field("api", session.baseURL),
            Field("config", context.configFile?.path ?? "none"),
        ]
        if let problem = context.startProblem, problem.missingProfileSource != nil {
            // The profile kops started with is not there (tester58b AE5): not kops's defaults as if chosen.
            let api: JSONValue = session.sources["api"] ?? "default" == "default" ? .null : .string(session.baseURL)
            return CommandResult(
                blocks: [.fields(MissingProfile.fields(fields, problem: problem, session: session, keyInHand: true))],
                json: ["profile": .null, "api": api, "start_problem": .string(problem.message)])
        }
        return CommandResult(blocks: [.fields(fields)], json: ["profile": .string(session.profile), "api": .string(session.baseURL)])
    }

    private static func list(_ context: ShellContext) throws -> CommandResult {
        // A broken or unreadable config.toml has profiles kops cannot see: not "no profiles yet; add one", which the
        // next 'profile add' refuses (probe22 P22-4).
        if let problem = context.configProblem {
            throw ConfigError.profilesUnlisted(problem: problem)
        }
        let rows = context.config.profiles.map { profile -> [StyledText] in
            [
                StyledText(profile.name == context.session.profile ? "*" : " "), StyledText(profile.name),
                StyledText(profile.baseURL ?? Settings.defaultBaseURL),
                StyledText(profile.apiKeyEnv.map { KeyEnvName.misplacedKey($0, environment: context.environment) ? "env (looks like a key, not shown)" : "env \($0)" }
                    ?? profile.apiKeyCommand.map { _ in "command" } ?? "-"),
                StyledText(profile.phoneNumberID ?? "-"),
            ]
        }
        let table = Table(
            columns: [Column("", truncation: .never), Column("NAME", truncation: .never), Column("API", truncation: .middle),
                Column("KEY FROM"), Column("NUMBER", truncation: .never)], rows: rows)
        let hint = rows.isEmpty ? "no profiles yet; add one with 'profile add NAME --base-url URL --key-env VAR'" : "\(rows.count) profiles"
        // The same rows as data under --output json (probe20 P20-11: the table was printed there); the key's command is
        // not shown in either (it may hold a path to a secret store), only that there is one.
        let json = JSONValue.array(
            context.config.profiles.map { profile in
                [
                    "name": .string(profile.name), "current": .bool(profile.name == context.session.profile),
                    "api": .string(profile.baseURL ?? Settings.defaultBaseURL),
                    "key_env": profile.apiKeyEnv.map { KeyEnvName.misplacedKey($0, environment: context.environment) ? .string("<redacted>") : .string($0) } ?? .null,
                    "key_command": .bool(profile.apiKeyCommand != nil),
                    "phone_number_id": profile.phoneNumberID.map(JSONValue.string) ?? .null,
                ]
            })
        // No profiles: the line alone, not a table's bare header above it (tester60 AH8).
        return CommandResult(blocks: (rows.isEmpty ? [] : [.table(table)]) + [.hint(hint)], json: ["data": json])
    }

    /// Selects profile `name`'s number after `profile use NAME`: the one it names, or none; but when `sameProject` (the
    /// profile in use, on the same API) and it names none, a number selected in the session stays (probe43 P43-5: it was
    /// dropped while that number's last message was kept). `TranscriptChecker.reselect`, its replay, asks it too.
    static func selectNumber(_ phoneNumberID: String?, ofProfile name: String, sameProject: Bool, in session: inout Session) {
        if sameProject && phoneNumberID == nil && session.phoneNumberID != nil { return }
        session.phoneNumberID = phoneNumberID
        session.sources["phone_number_id"] = phoneNumberID == nil ? nil : "profile \(name)"
    }

    static func use(_ name: String, in context: ShellContext) throws -> CommandResult {
        let before = (profile: context.session.profile, baseURL: context.client.baseURL)
        // The settings of no profile, asked for by their name while config.toml has none so named, as `kops --profile
        // default` reads them (fix48b's leftover: in the shell it was "unknown profile 'default'").
        let unnamed = context.config.profile(named: name) == nil && name == Settings.unnamedProfile && context.configProblem == nil
        guard let profile = context.config.profile(named: name) ?? (unnamed ? Profile(name: name) : nil) else {
            if let problem = context.configProblem { throw ConfigError.brokenFile(problem: problem, profile: name) }
            throw ConfigError.unknownProfile(name: name, known: context.config.profiles.map(\.name))
        }
        // The API and key by the precedence of the start (flags > environment > profile), through the same resolution,
        // its overrides said as at start (tester51b F6: `profile use acme` took acme's key while `kops --profile acme`
        // took the environment's).
        let settings = try Settings.resolve(
            flags: .init(profile: name, baseURL: context.baseURLFlag), environment: context.environment, config: context.config)
        let baseURL = settings.baseURL
        let apiSource = settings.sources["api"]?.description ?? "default"
        // Its scheme too: a profile whose base_url lacks one was taken, and every request then failed as "invalid URL".
        try BaseURLSchemeError.check(baseURL, source: apiSource)
        // A usable profile replaces the API and key that were refused at start (probe22 P22-15).
        context.startProblem = nil
        context.client = KapsoClient(baseURL: baseURL, apiKey: Secret(""), transport: context.client.transport)
        context.useKey(from: settings.key)
        context.session.profile = name
        context.session.baseURL = context.client.baseURL
        // The profile in use selected again on the same API is the same project.
        let same = name == before.profile && context.client.baseURL == before.baseURL
        selectNumber(profile.phoneNumberID, ofProfile: name, sameProject: same, in: &context.session)
        context.session.sources["api"] = apiSource
        context.session.sources["profile"] = "profile use"
        context.session.lastList = nil
        context.ids.clear()
        // The last message, conversation and webhook are the old profile's project's: kept, a bare `trace` or `reply`
        // looked them up in the new one and blamed the user's id or key (probe42 P42-12). Another profile or API drops them.
        let session = context.session
        let dropped = same ? [] : [
            session.lastMessageID.map { _ in "message" }, session.lastConversationID.map { _ in "conversation" },
            session.lastWebhookID.map { _ in "webhook" },
        ].compactMap { $0 }
        if !dropped.isEmpty {
            context.session.lastMessageID = nil
            context.session.lastConversationID = nil
            context.session.lastWebhookID = nil
        }
        context.profileChanged(name)
        let isDefault = context.config.defaultProfile == name
        var blocks: [Block] = [
            .line(StyledText("using profile \(name) (\(context.client.baseURL)) for this session")),
            .hint(
                unnamed
                    ? "the settings of no profile, as kops starts without --profile: the API from KAPSO_API_BASE_URL (else "
                        + "\(Settings.defaultBaseURL)), the key from KAPSO_API_KEY, no number"
                    : isDefault ? "it is also the default profile" : "'profile default \(name)' makes it the default for every kops"),
        ]
        if same {
            let number = profile.phoneNumberID.map { "its number \($0) is selected; the last message and conversation stay" }
                ?? "the selected number, last message and conversation stay"
            blocks.append(.hint("it was already in use: its key was read again; " + number))
        }
        // What the start of kops says of a profile's key and base URL, said when a session switches to it (probe43 P43-6):
        // an unset key variable (a key command is not run until a request needs it) and a base URL kops cuts.
        if case .command = settings.key {} else {
            do { try context.needsKey() } catch { blocks.append(.hint("warning: " + ErrorReport(error).message)) }
        }
        blocks.append(contentsOf: settings.overridden.map { .hint("warning: " + $0) })
        // Compared and named as requests use them, the API prefix cut (`KapsoClient.hostOnly`): `--base-url
        // …/platform/v1` was "requests go to …/platform/v1", a target no request has, and warned of the profile's own host
        // (tester52b K21).
        if let own = profile.baseURL, settings.sources["api"] == .flag("--base-url"), KapsoClient.hostOnly(own) != context.client.baseURL {
            blocks.append(.hint(
                "warning: --base-url, typed when kops started, comes before profile \(name)'s base_url: requests go to "
                    + "\(context.client.baseURL), not \(KapsoClient.hostOnly(own)) ('state' shows it); start kops without "
                    + "--base-url to use \(name)'s"))
        }
        if let note = GraphVersion.baseURLNote(baseURL, source: apiSource, at: context.now()) {
            blocks.append(.hint(note))
        }
        if !dropped.isEmpty {
            let named = dropped.count == 1 ? dropped[0] : dropped.dropLast().joined(separator: ", ") + " and " + dropped.last!
            blocks.append(.hint("the last \(named) selected were profile \(before.profile)'s: "
                + "no longer selected ('state' shows what is)"))
        }
        // A `--demo` script may write without --allow-writes because its writes reach only the simulator; past this line
        // they reach the profile's API, so the rule of every other script applies (probe27 P27-23: `kops --demo -c
        // 'profile use prod' -c 'reply …'` sent a real message).
        if context.offMachineNeedsPermission {
            context.leftDemoSimulator = true
            blocks.append(.hint(
                "this script has left the demo simulator: from here on it changes nothing without --allow-writes, as any script"))
        }
        // `kops check` replays a transcript on one API and key and never runs `profile use`: what it will do is said now,
        // while the user can still record the other profile to its own file (probe24 P24-16). The profile in use
        // selected again on the same API, its phone number known from the header, replays past this line: no warning
        // (`TranscriptChecker.ProfileUse`, the check's own reading of the line; probe25 P25-10).
        if let recorder = context.shell?.recorder, case .file(let path) = recorder.destination {
            let header = recorder.header
            let number = TranscriptChecker.reselectedNumber(
                of: name, session: (header.profile, header.phoneNumberID, header.sources))
            let reselects = same && number.map { $0 == profile.phoneNumberID } == true
            if !reselects {
                blocks.append(.hint(
                    "warning: 'kops check \(PosixWord.quoted(path))' will replay the blocks before this line and stop here: it does not switch "
                        + "to another profile's API host and key, so this block and those after it are kept as recorded, "
                        + "unchecked; to check them, 'record stop' and record from here to another file"))
            }
        }
        return CommandResult(blocks: blocks)
    }

    private static func makeDefault(_ name: String, in context: ShellContext) throws -> CommandResult {
        guard let file = context.configFile else {
            throw ShellError.syntax("profile: no config file location (set HOME or XDG_CONFIG_HOME)")
        }
        try file.setDefault(name, environment: context.environment)
        context.config = try file.load(environment: context.environment)
        return CommandResult(blocks: [
            .line(StyledText("profile \(name) is the default: kops starts with it (default_profile in \(file.path))")),
            .hint(context.session.profile == name ? "this session already uses it" : "'profile use \(name)' switches this session too"),
        ])
    }
}
