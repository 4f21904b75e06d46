/// What scripts may do unattended: commands that change data need `--allow-writes`.
public enum ScriptPolicy {
    /// Commands that write, by name and (for groups) first positional word: `webhooks create`, `reply`.
    ///
    /// Holds even for commands that do not declare `isWrite` themselves.
    static let writes: [String: Set<String>?] = [
        "webhooks": ["create", "update", "delete", "test"],
        "reply": nil,
    ]

    /// Writes that change nothing in Kapso: they count as writes only because they send deliveries to a URL off this
    /// machine (a loopback handler needs no `--allow-writes`); their refusal says so.
    static let sendsOffMachine: Set<String> = ["webhooks fire", "webhooks probe", "replay"]

    /// True when the command given as words sends deliveries to a URL off this machine (`webhooks fire --to`,
    /// `replay --to`, `listen --forward-to` a remote URL); `webhooks probe` says so itself once it has read the
    /// webhook's URL.
    public static func sendsOffMachine(_ words: [String], registry: CommandRegistry) -> Bool {
        guard let (_, canonical, positionals) = read(words, registry: registry) else { return false }
        switch canonical {
        case "webhooks": return positionals.first == "fire" && WebhooksCommand.sendsOffMachine(words, flag: "--to")
        case "replay": return WebhooksCommand.sendsOffMachine(words, flag: "--to")
        case "listen": return WebhooksCommand.sendsOffMachine(words, flag: "--forward-to")
        default: return false
        }
    }

    /// True when the command given as words would send what it was given, were it run without `--dry-run`: it changes
    /// data or sends deliveries off this machine (`reply`, `webhooks create`, `webhooks fire --to`). Words cut off its
    /// line (by a `;`, `|` or `>`) would be missing from what it sends (`SemicolonCutError`, `ShellOperatorError`).
    static func wouldSend(_ words: [String], registry: CommandRegistry) -> Bool {
        isWrite(words.filter { $0 != "--dry-run" }, registry: registry) || sendsOffMachine(words, registry: registry)
    }

    /// True when the command given as words changes data: by the table above or the command's own `isWrite`.
    public static func isWrite(_ words: [String], registry: CommandRegistry) -> Bool {
        guard let (command, canonical, positionals) = read(words, registry: registry) else { return false }
        return isWrite(words, command: command, canonical: canonical, positionals: positionals)
    }

    /// `isWrite(_:registry:)` for words the shell has read already: `command` named by the first word and `arguments`
    /// parsed from the rest, so neither is looked up and parsed again (about 5,000 instructions a command).
    static func isWrite(_ words: [String], command: any Command.Type, arguments: Arguments) -> Bool {
        isWrite(words, command: command, canonical: command.name, positionals: arguments.positionals)
    }

    private static func isWrite(
        _ words: [String], command: (any Command.Type)?, canonical: String, positionals: [String]
    ) -> Bool {
        // `webhooks create -h` shows the page and sends nothing.
        if Shell.asksForHelp(words) { return false }
        if let entry = writes[canonical] {
            // `reply --dry-run` only shows the request it would send.
            guard let subcommands = entry else { return !words.contains("--dry-run") }
            if let first = positionals.first, subcommands.contains(first) { return true }
        }
        return command?.isWrite(Array(words.dropFirst())) ?? false
    }

    /// True when any command of a whole line (`use X; reply …`) changes data; a line that does not lex is none.
    public static func isWrite(line: String, registry: CommandRegistry) -> Bool {
        ((try? Lexer.commands(in: line)) ?? []).contains { isWrite($0.map(\.text), registry: registry) }
    }

    /// Why `kops check` will not replay a transcript's command line, or nil when it may.
    ///
    /// A transcript is input from someone else (pasted into a ticket), replayed with the checker's own key and
    /// settings. So `check` replays only what reads the API it was told to use: never a line that changes
    /// which API or key kops uses (`profile`), reads the checker's environment (`${env:NAME}`, `--secret-env NAME`) or files
    /// (`source`, `verify --file`, `replay`), writes files (`bundle`, `record`), prints local history, or
    /// sends to a URL the transcript names (`listen`, `replay`, `webhooks fire|probe`), and no `--follow`, which runs
    /// until Ctrl-C.
    public static func notReplayed(_ line: String, registry: CommandRegistry) -> String? {
        if line.contains("${env:") {
            return "it reads your environment (${env:…}), whose values would go into the output and requests"
        }
        for command in (try? Lexer.commands(in: line)) ?? [] {
            if let refusal = refusal(command.map(\.text), registry: registry) { return refusal.reason }
        }
        return nil
    }

    /// Why `kops check` keeps a transcript line's recorded block instead of running it, or nil: a line
    /// `notReplayed` refuses whose commands only act outside the session (write a file, print history, open a
    /// port, send to a URL), so skipping it leaves what later lines show unchanged, or a `source` line, whose block
    /// holds what the script's commands showed (later lines then run without what they changed, and differ if they
    /// depended on it). Lines that change which API or key kops uses (`profile`) or hold `${env:…}` stay refused.
    ///
    /// A `--secret-env NAME` (`--meta-secret-env`) line reads the secret from the checker's variable of that name, which
    /// the transcript never holds (session 26: the whole transcript was refused): replayed when `environment` has it
    /// set, else kept as recorded, saying it needs it set (session 33: it was never replayed, and said only "check does
    /// not read" it).
    public static func keptWhenChecked(_ line: String, registry: CommandRegistry, environment: [String: String] = [:]) -> String? {
        guard !line.contains("${env:"), let commands = try? Lexer.commands(in: line) else { return nil }
        var reason: String?
        for command in commands {
            let words = command.map(\.text)
            if let name = secretEnvironmentName(words) {
                if let refusal = refusal(words, registry: registry), !refusal.keepsBlock { return nil }
                let variable = String(name.drop { $0 != " " }.dropFirst())
                if reason == nil, environment[variable, default: ""].isEmpty {
                    reason = "it needs \(variable.isEmpty ? "the variable" : variable) set, to the secret it read when recorded "
                        + "(\(name)); set it and check again to replay it"
                }
                if let refusal = refusal(words, registry: registry) { reason = reason ?? refusal.reason }
                continue
            }
            guard let refusal = refusal(words, registry: registry) else { continue }
            guard refusal.keepsBlock else { return nil }
            reason = reason ?? refusal.reason
        }
        return reason
    }

    /// Why `check` does not run a command, and whether skipping it leaves the session as it was (its block can be
    /// kept); nil when it may run.
    private static func refusal(_ words: [String], registry: CommandRegistry) -> (reason: String, keepsBlock: Bool)? {
        guard let (_, canonical, positionals) = read(words, registry: registry) else { return nil }
        switch canonical {
        // `profile` and `profile list` only show this machine's profiles: kept, as `state` shows the same facts (probe18
        // P18-24: refusing them refused the whole transcript).
        case "profile" where positionals.isEmpty || positionals == ["list"]:
            return ("it shows the profiles of the machine it ran on", true)
        case "profile": return ("it changes which API host and key kops uses", false)
        // The commands the script ran are recorded in its block (probe14 P14-6: refusing the line refused the whole
        // transcript, exit 64): the block is kept, and what follows runs without what those commands changed.
        case "source":
            return ("it runs a script file from your machine; its block keeps what the script's commands showed, and the "
                + "lines after it run without what they changed (a 'use', a 'set')", true)
        case "bundle", "record": return ("it writes files on your machine", true)
        case "history": return ("it prints your own command history", true)
        case "listen": return ("it opens a port and can register a webhook", true)
        case "replay": return ("it reads files from your machine and sends them to a URL", true)
        case "verify" where words.contains("--file"): return ("it reads a file from your machine", true)
        case "webhooks" where positionals.first == "fire" || positionals.first == "probe":
            return ("it sends requests to a URL outside the API", true)
        // A follow shows what arrives while it runs and ends at Ctrl-C: run again it would wait for events that came
        // once and never stop (probe8 P8-5); its block is the record of what arrived.
        case _ where words.contains("--follow"): return ("it follows new events until stopped with Ctrl-C", true)
        default: return nil
        }
    }

    /// A command's first `--secret-env NAME` or `--meta-secret-env NAME` (`=NAME` too) as `--secret-env NAME`, nil when
    /// it has none.
    static func secretEnvironmentName(_ words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            for flag in WebhookSecretFlags.environmentFlags.sorted() {
                if word == flag { return index + 1 < words.count ? flag + " " + words[index + 1] : flag }
                if word.hasPrefix(flag + "=") { return flag + " " + word.dropFirst(flag.count + 1) }
            }
        }
        return nil
    }

    /// True when a command of `line` runs a script file (`source`): kept as recorded by `check`, what it did to the
    /// session (a `capture`, a `use`) is not redone, so `check --allow-writes` sends no write after it.
    static func runsScript(_ line: String, registry: CommandRegistry) -> Bool {
        ((try? Lexer.commands(in: line)) ?? []).contains { read($0.map(\.text), registry: registry)?.canonical == "source" }
    }

    /// A command line's command (nil when unknown), its canonical name and its positional words; flag values are
    /// not subcommands (`webhooks --scope project test` tests). Nil for no words.
    private static func read(_ words: [String], registry: CommandRegistry)
        -> (command: (any Command.Type)?, canonical: String, positionals: [String])?
    {
        guard let name = words.first else { return nil }
        let command = try? registry.command(named: name)
        let parsed = command.flatMap { try? Arguments(command: $0, words: Array(words.dropFirst())) }
        return (command, command?.name ?? name, parsed?.positionals ?? words.dropFirst().filter { !$0.hasPrefix("--") })
    }

    /// The words naming the write for an error, e.g. `webhooks delete`.
    static func label(_ words: [String]) -> String {
        guard let name = words.first else { return "" }
        if case .some(.some) = writes[name], let subcommand = words.dropFirst().first(where: { !$0.hasPrefix("--") }) {
            return name + " " + subcommand
        }
        return name
    }
}
