internal import KapsoClient
internal import KopsHTTP

/// `profile`, `profile list`, `profile use NAME`, `profile add NAME ...`: named connections from config.toml.
public enum ProfileCommand: Command {
    public static let name = "profile"
    public static let summary = "show, list, switch or add connection profiles (config.toml)"
    public static let usage = "profile [list | use NAME | add NAME --base-url URL (--key-env VAR | --key-command CMD)]"
    public static let details = """
        Profiles live in $XDG_CONFIG_HOME/kops/config.toml (default ~/.config/kops/config.toml) and never hold
        a key: a profile names the environment variable or the command that yields it.
        'profile use' switches the API host, key, selected number and history file of the running shell.
        Examples:
          profile list
          profile add eagle --base-url https://api.kapso.ai --key-env EAGLE_KAPSO_KEY
          profile use eagle
        """
    public static let maxArguments: Int? = 2
    public static let flags = [
        FlagSpec("--base-url", value: "URL", help: "API host of the new profile"),
        FlagSpec("--key-env", value: "VAR", help: "environment variable that holds its API key"),
        FlagSpec("--key-command", value: "CMD", help: "command that prints its API key"),
        FlagSpec("--phone-number-id", value: "ID", help: "number selected when the profile is used"),
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        switch arguments.positionals.first {
        case nil: return show(context)
        case "list": return list(context)
        case "use": return try use(try arguments.required(1, "profile name"), in: context)
        case "add": return try add(try arguments.required(1, "profile name"), arguments, in: context)
        case let other?:
            throw ShellError.invalidValue(command: name, what: "subcommand", value: other, expected: "'list', 'use' or 'add'")
        }
    }

    private static func show(_ context: ShellContext) -> CommandResult {
        let session = context.session
        let fields = [
            Field("profile", session.profile), Field("api", session.baseURL),
            Field("config", context.configFile?.path ?? "none"),
        ]
        return CommandResult(blocks: [.fields(fields)], json: ["profile": .string(session.profile), "api": .string(session.baseURL)])
    }

    private static func list(_ context: ShellContext) -> CommandResult {
        let rows = context.config.profiles.map { profile -> [StyledText] in
            [
                StyledText(profile.name == context.session.profile ? "*" : " "), StyledText(profile.name),
                StyledText(profile.baseURL ?? Settings.defaultBaseURL),
                StyledText(profile.apiKeyEnv.map { "env \($0)" } ?? profile.apiKeyCommand.map { _ in "command" } ?? "-"),
                StyledText(profile.phoneNumberID ?? "-"),
            ]
        }
        let table = Table(
            columns: [Column("", truncation: .never), Column("NAME", truncation: .never), Column("API", truncation: .middle),
                Column("KEY FROM"), Column("NUMBER", truncation: .never)], rows: rows)
        let hint = rows.isEmpty ? "no profiles yet; add one with 'profile add NAME --base-url URL --key-env VAR'" : "\(rows.count) profiles"
        return CommandResult(blocks: [.table(table), .hint(hint)])
    }

    private static func use(_ name: String, in context: ShellContext) throws -> CommandResult {
        guard let profile = context.config.profile(named: name) else {
            throw ConfigError.unknownProfile(name: name, known: context.config.profiles.map(\.name))
        }
        let found = try profile.key(environment: context.environment, runKeyCommand: KeyCommand.run)
        guard let key = found.key else {
            throw ShellError.syntax("profile '\(name)' has no key: set \(profile.apiKeyEnv ?? "its api_key_env variable") in the environment")
        }
        let baseURL = profile.baseURL ?? Settings.defaultBaseURL
        context.client = KapsoClient(baseURL: baseURL, apiKey: key, transport: context.client.transport)
        context.shell?.redactor.knownSecrets.append(key)
        context.session.profile = name
        context.session.baseURL = context.client.baseURL
        context.session.phoneNumberID = profile.phoneNumberID
        context.session.sources["api"] = profile.baseURL == nil ? "default" : "profile \(name)"
        context.session.sources["key"] = found.source?.description
        context.session.sources["profile"] = "profile use"
        context.session.sources["phone_number_id"] = profile.phoneNumberID == nil ? nil : "profile \(name)"
        context.session.lastList = nil
        context.ids.clear()
        context.profileChanged(name)
        return CommandResult(blocks: [.line(StyledText("using profile \(name) (\(context.client.baseURL))"))])
    }

    private static func add(_ name: String, _ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let file = context.configFile else {
            throw ShellError.syntax("profile: no config file location (set HOME or XDG_CONFIG_HOME)")
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ShellError.invalidValue(command: Self.name, what: "profile name", value: name, expected: "letters, digits, - and _")
        }
        guard let baseURL = arguments.value("--base-url") else {
            throw ShellError.missingArgument(command: Self.name, what: "--base-url", usage: usage)
        }
        guard URLParts(baseURL) != nil else {
            throw ShellError.invalidValue(command: Self.name, what: "--base-url", value: baseURL, expected: "a URL like https://api.kapso.ai")
        }
        let keyEnv = arguments.value("--key-env")
        let keyCommand = arguments.value("--key-command")
        guard (keyEnv == nil) != (keyCommand == nil) else {
            throw ShellError.missingArgument(command: Self.name, what: "one of --key-env VAR or --key-command CMD", usage: usage)
        }
        if let keyEnv, keyEnv.isEmpty || !keyEnv.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
            throw ShellError.invalidValue(
                command: Self.name, what: "--key-env", value: "…", expected: "the NAME of an environment variable (like ACME_KAPSO_KEY), never the key itself")
        }
        let profile = Profile(name: name, baseURL: baseURL, apiKeyEnv: keyEnv, apiKeyCommand: keyCommand,
            phoneNumberID: arguments.value("--phone-number-id"))
        try file.save(profile)
        context.config = try file.load()
        return CommandResult(blocks: [.line(StyledText("saved profile \(name) in \(file.path)")), .hint("switch to it with 'profile use \(name)'")])
    }
}
