internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `profile add NAME ...`: what it checks before saving, and the saving.
extension ProfileCommand {
    /// `profile add NAME ...` as typed: the name, a base URL with its scheme, exactly one key source.
    static func checkAdd(_ name: String, _ arguments: Arguments) throws(ShellError) {
        guard Profile.isValidName(name) else {
            throw .invalidValue(command: Self.name, what: "profile name", value: name, expected: "letters, digits, - and _")
        }
        // `kops --profile -x` reads `-x` as another flag (tester53 T5): a name kops itself could not select is refused.
        guard !name.hasPrefix("-") else {
            throw .invalidValue(
                command: Self.name, what: "profile name", value: name,
                expected: "a name that starts with a letter, digit or _ ('kops --profile \(name)' would read it as a flag)")
        }
        guard !Profile.nameReadsAsKey(name) else {
            throw .invalidSecretValue(
                command: "\(Self.name) add", flag: "NAME", problem: "reads as a key or token",
                expected: "give a profile NAME (like prod or acme-staging), never the key itself; nothing was saved")
        }
        guard let baseURL = arguments.value("--base-url") else {
            throw .missingArgument(command: Self.name, what: "--base-url", usage: usage)
        }
        // Quotes before the scheme: `"https://api.kapso.ai"` has "://" and no scheme kops speaks (probe44 P44-4).
        if let problem = BaseURLShape.problem(in: baseURL), case .quoted = problem {
            throw .syntax(BaseURLShapeError(base: baseURL, source: "profile add --base-url", problem: problem).message)
        }
        guard baseURL.contains("://") else {
            throw .invalidValue(
                command: Self.name, what: "--base-url", value: baseURL, expected: "a URL with its scheme: " + SchemeAdvice.text(for: baseURL))
        }
        guard let parts = URLParts(baseURL) else {
            throw .invalidValue(command: Self.name, what: "--base-url", value: baseURL, expected: "a URL like https://api.kapso.ai")
        }
        // A URL no request could use (two ports, an unclosed '[', no host) is named as at start, before its scheme is judged
        // (probe27 P27-10: `http://127.0.0.1:19227:1` was told to use https://[127.0.0.1:19227]).
        if let problem = BaseURLShape.problem(in: baseURL) {
            throw .syntax(BaseURLShapeError(base: baseURL, source: "profile add --base-url", problem: problem).message)
        }
        // A key pasted into the URL (as its path, `http://host/kapso_live_…`) would sit in config.toml, which never holds
        // a key (probe36 P36-9): every later line masked it, the file kept it.
        let maskedURL = Redactor().redact(errorLine: baseURL)
        guard maskedURL == baseURL else {
            throw .syntax(
                "\(Self.name) add: the --base-url '\(VisibleText.escaped(Shortened.text(maskedURL)))' holds what reads as a key or "
                    + "token; config.toml never holds a key: give the host only, e.g. \(BaseURLShape.kapsoHost), and the key's "
                    + "variable with --key-env; nothing was saved")
        }
        // The rule every request follows (the transport refuses it), checked before anything is saved: a profile
        // that no later command could use is not written (probe18 P18-10).
        if parts.scheme == "http" && !parts.isLoopback {
            throw .invalidValue(
                command: Self.name, what: "--base-url", value: baseURL,
                expected: "https:// (plain http:// is sent only to loopback hosts: 127.0.0.1, localhost, ::1), "
                    + "e.g. --base-url https://\(parts.host.contains(":") ? "[\(parts.host)]" : parts.host)")
        }
        if let id = arguments.value("--phone-number-id") {
            try IDArgument.refuseCredential(id, command: Self.name, flag: "--phone-number-id", expected: .phoneNumberID)
        }
        // A letter O for a 0 is named with the id to use, as `use` names it (probe27 P27-17).
        if let id = arguments.value("--phone-number-id"), !id.isEmpty, case .failure(let problem) = IDInput.read(id),
            let reason = IDInput.Problem.lookAlikeReason(problem) ?? problem.otherKeyboardReason
        {
            throw .unreadableID(command: "\(Self.name) add --phone-number-id", value: IDInput.echo(id), reason: reason)
        }
        if let id = arguments.value("--phone-number-id"), id.isEmpty || !id.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw .invalidValue(
                command: Self.name, what: "--phone-number-id", value: IDInput.echo(id),
                expected: "a phone-number id: digits, as 'numbers' lists them (Meta's phone_number_id)")
        }
        let keyEnv = arguments.value("--key-env")
        guard (keyEnv == nil) != (arguments.value("--key-command") == nil) else {
            throw .missingArgument(command: Self.name, what: "one of --key-env VAR or --key-command CMD", usage: usage)
        }
        // A shell variable's name: ASCII letters, digits and '_', not starting with a digit (POSIX, "Name"); a name
        // written the shell's way ('$KAPSO_API_KEY') or mistyped is shown with the name to write (probe29 P29-22). A
        // name that reads as a key by its shape is judged when it runs, with the environment (`add`).
        switch keyEnv.map(KeyEnvName.read) {
        case .name?, nil: break
        case .mistyped(let faults, let meant)?:
            throw .syntax(
                "\(Self.name): invalid --key-env '\(KeyEnvName.shown(keyEnv ?? ""))': \(faults.joined(separator: "; ")); write --key-env \(meant)")
        case .secret?:
            if !KeyEnvName.isVariableName(keyEnv ?? "") { throw keyEnvIsAKey }
        case .file?:
            throw .syntax("\(Self.name): " + KeyEnvName.fileLine(keyEnv ?? ""))
        }
    }

    /// The one line for a `--key-env` that is the key itself (never shown).
    private static let keyEnvIsAKey = ShellError.invalidValue(
        command: name, what: "--key-env", value: "…", expected: "the NAME of an environment variable (like ACME_KAPSO_KEY), never the key itself")

    /// The one line for a `--key-env` that looks like a key and names no variable that is set (never shown).
    private static let keyEnvLooksLikeAKey = ShellError.invalidValue(
        command: name, what: "--key-env", value: "…",
        expected: "the NAME of an environment variable, and this looks like a key and names no variable that is set: give "
            + "the variable's name (like ACME_KAPSO_KEY), or export the variable first if this is its name; nothing was saved")

    static func add(_ name: String, _ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let file = context.configFile else {
            throw ShellError.syntax("profile: no config file location (set HOME or XDG_CONFIG_HOME)")
        }
        try checkAdd(name, arguments)
        let baseURL = arguments.value("--base-url") ?? ""
        try BaseURLShapeError.check(baseURL, source: "profile add --base-url")
        let keyEnv = arguments.value("--key-env")
        // A key value kops holds (KAPSO_API_KEY's, another profile's) is the key, whatever its shape (tester57b AC1); a
        // name shaped like a key is a name when that variable is set (`KeyEnvName.read(_:environment:knownKeys:)`).
        let knownKeys = KeyEnvName.knownKeys(environment: context.environment, variables: context.config.profiles.compactMap(\.apiKeyEnv))
        if let keyEnv, KeyEnvName.read(keyEnv, environment: context.environment, knownKeys: knownKeys) == .secret { throw keyEnvIsAKey }
        // A value shaped like a key that names no variable set here would sit in config.toml, where `state` and every
        // start then hide it as "looks like a key" (tester68b B6: `--key-env test_key_0123456789` was saved silently).
        // A name of that shape is taken once its variable is set, so the way out is said.
        if let keyEnv, KeyEnvName.misplacedKey(keyEnv, environment: context.environment) { throw keyEnvLooksLikeAKey }
        let keyCommand = arguments.value("--key-command")
        if let keyCommand, KeyCommand.printsLiteralKey(keyCommand) {
            // Said as what it is: nothing was written (tester53b U5: "config.toml holds a literal secret" sent people
            // looking for a key that was never saved).
            throw ShellError.invalidSecretValue(
                command: "\(Self.name) add", flag: "--key-command", problem: "prints a key written into it",
                expected: "give a command that reads it from a secret store (pass show NAME, op read op://VAULT/ITEM/FIELD, "
                    + "security find-generic-password -w -s NAME), or export it and use --key-env NAME; nothing was saved")
        }
        if let keyEnv, let value = context.environment[keyEnv], !value.isEmpty {
            try KeyOrigin.check(value, subject: "the key in env \(keyEnv)")
        }
        // An existing profile is replaced only when asked, like an existing transcript (probe29 P29-13).
        let replaced = try file.load(environment: context.environment).profile(named: name)
        if let replaced, !arguments.has("--force") { throw ConfigError.profileExists(name: name, was: replaced.summary) }
        let phoneNumberID = arguments.value("--phone-number-id")
        var checked: String? = nil
        if let phoneNumberID, let keyEnv, let key = context.environment[keyEnv], !key.isEmpty {
            checked = try checkPhoneNumberID(phoneNumberID, baseURL: baseURL, key: key, in: context)
        }
        let profile = Profile(name: name, baseURL: baseURL, apiKeyEnv: keyEnv, apiKeyCommand: keyCommand, phoneNumberID: phoneNumberID)
        // No profile and no key in this session (the first run), before this one is saved.
        let noProfile = !context.keyInHand && context.keyOrigin == .none(profile: nil)
            && context.config.profile(named: context.session.profile) == nil
        let saved = try file.save(profile, makeDefault: arguments.has("--default"), environment: context.environment)
        let isDefault = saved.becameDefault
        context.config = try file.load(environment: context.environment)
        var blocks: [Block] = [.line(StyledText("saved profile \(name) in \(file.path)"))]
        if let replaced, let backup = saved.backup {
            blocks.append(.line(StyledText("replaced what it held (\(replaced.summary)); the previous file is \(backup)")))
        }
        if let checked { blocks.append(.hint(checked)) }
        if isDefault {
            // Said with the reason when it was not asked for: the first profile of a config becomes its default.
            let why = arguments.has("--default") ? "" : " as the first profile; 'profile default NAME' changes it"
            blocks.append(.line(StyledText("profile \(name) is the default: kops starts with it (default_profile)" + why)))
            // A session with no profile and no key (the first run) takes it now, as kops would at its next start: it
            // went on answering "profile 'main' exists: … 'profile default main'" (probe29 P29-8).
            if noProfile {
                blocks.append(contentsOf: try use(name, in: context).blocks.filter { if case .line = $0 { true } else { false } })
            }
        } else {
            blocks.append(.hint("'profile use \(name)' switches to it now; 'profile default \(name)' makes it the default"))
        }
        return CommandResult(blocks: blocks)
    }

    /// `--phone-number-id` asked of the new profile's own API with its key before anything is saved (the id
    /// resolver, as `use` does): a WABA id, Kapso's id, a display number or an id of no number is refused with
    /// what it is and the ids to give. Returns a note when the check could not be made (the profile is saved).
    static func checkPhoneNumberID(_ id: String, baseURL: String, key: String, in context: ShellContext) throws -> String? {
        let client = KapsoClient(baseURL: baseURL, apiKey: Secret(key), transport: context.client.transport)
        let numbers: [PhoneNumber]
        do throws(KapsoAPIError) {
            numbers = try client.allPhoneNumbers()
        } catch {
            return "--phone-number-id \(id) not checked: \(error.message)"
        }
        guard !numbers.isEmpty, let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers) else { return nil }
        throw ShellError.notAPhoneNumberID(
            explanation: "profile add: --phone-number-id " + misplaced.line(command: "--phone-number-id") + "; nothing saved")
    }
}
