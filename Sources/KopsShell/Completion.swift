internal import KapsoClient
internal import KapsoDiagnostics
internal import Foundation

/// Tab-completion candidates for the word under the cursor, from local knowledge only (never the network):
/// command names, subcommands, flags, flag choices, event names, ids seen in recent results, file paths.
public enum Completion {
    /// Candidates for the last word of `lineBeforeCursor` (all of them; the line editor filters by prefix).
    public static func candidates(lineBeforeCursor line: String, registry: CommandRegistry, ids: IDCache = IDCache())
        -> [String]
    {
        let words = typedWords(line)
        let done = Array(words.dropLast())
        guard let name = done.first else { return registry.names }
        guard let command = try? registry.command(named: name) else { return [] }
        let current = words.last ?? ""

        if let previous = done.last, previous.hasPrefix("--"),
            let flag = command.flags.first(where: { $0.name == previous }), flag.valueName != nil
        {
            return values(for: flag, current: current, ids: ids)
        }
        if current.hasPrefix("--") { return command.flags.map(\.name) }
        let positionals = done.dropFirst().filter { !$0.hasPrefix("--") }
        return positional(command: command.name, index: positionals.count, previous: positionals, current: current,
            registry: registry, ids: ids)
    }

    /// Subcommands offered as a command's first word.
    static let subcommands: [String: [String]] = [
        "webhooks": ["list", "get", "create", "update", "delete", "test", "check", "fire", "probe"],
        "deliveries": ["stats"], "payload": ["sample"], "record": ["stop"], "profile": ["show", "list", "use", "add", "default"],
        "sim": ["clock", "advance"], "logs": ["search"],
    ]

    private static func values(for flag: FlagSpec, current: String, ids: IDCache) -> [String] {
        if let choices = flag.choices { return choices }
        switch flag.name {
        // The catalogue is the API's text, printed and inserted by libedit, not the renderer: a value with control
        // characters or spaces is not offered, as no id is (`IDCache.isOfferable`; tester55 X1, V11's other door).
        case "--source":
            return (ids.logSearchCatalog.map { $0.sources.map(\.value) } ?? LogSearchSource.names).filter(IDCache.isOfferable)
        // Keys end in `=` so the value follows at once.
        case "--filter":
            return (ids.logSearchCatalog?.filterKeys ?? LogSearchSource.filterKeys).filter(IDCache.isOfferable).map { $0 + "=" }
        case "--around": return ids[.message]
        case "--webhook": return ids[.webhook]
        case "--conversation": return ids[.conversation]
        case "--event", "--events", "--add-events", "--remove-events": return WebhookEvents.all
        case "--file", "--record", "--save": return escapedPaths(matching: current)
        case "--template", "--name": return ids[.template]
        case "--language": return ids[.templateLanguage]
        default: return []
        }
    }

    private static func positional(
        command: String, index: Int, previous: [String], current: String, registry: CommandRegistry, ids: IDCache
    ) -> [String] {
        switch (command, index) {
        case ("help", 0): return registry.names.filter { $0 != "?" } + ["topics"]
        case ("output", 0): return OutputMode.allCases.map(\.rawValue)
        case ("use", 0), ("health", 0): return ids[.phoneNumber]
        case ("message", 0), ("trace", 0): return ids[.message]
        case ("conversation", 0): return ids[.conversation]
        case ("whois", 0), ("id", 0): return IDCache.Kind.identifiers.flatMap { ids[$0] }
        case ("template", 0): return ids[.template]
        case ("explain", 0): return []
        case ("source", 0), ("run", 0): return escapedPaths(matching: current)
        case ("record", 0): return ["stop"] + escapedPaths(matching: current)
        case ("payload", 1): return WebhookEvents.all
        case ("replay", 0): return escapedPaths(matching: current)
        case ("webhooks", 1) where previous.first == "fire": return FirePlan.scenarios.map(\.name) + WebhookEvents.all
        case ("webhooks", 1) where ["get", "update", "delete", "test", "check", "probe"].contains(previous.first ?? ""):
            return ids[.webhook]
        default:
            return index == 0 ? subcommands[command] ?? [] : []
        }
    }

    /// The words of `line` as typed, a backslash and the character after it kept in the word (`sp\ ace` is one word),
    /// and an empty last word when the line ends in a space outside an escape: the word being completed is the last.
    static func typedWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var escaped = false
        for character in line {
            if escaped {
                (word, escaped) = (word + String(character), false)
            } else if character == "\\" {
                (word, escaped) = (word + "\\", true)
            } else if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        return words + [word]
    }

    /// `paths(matching:)` of the typed word with its escapes undone, each written back as kops's lexer reads it: a
    /// backslash before a space, a quote, `;`, `#`, `$` or a backslash (`Interpolation.escape`), so `sp ace.kops`
    /// completes to `sp\ ace.kops`, one word, not two (tester55b Y13).
    static func escapedPaths(matching typed: String) -> [String] {
        var prefix = ""
        var escaped = false
        for character in typed {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            (prefix, escaped) = (prefix + String(character), false)
        }
        return paths(matching: prefix).map { Interpolation.escape($0, inDoubleQuotes: false) }
    }

    /// Files and folders (with a trailing `/`) whose path starts with `prefix`.
    static func paths(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        // A file name with control characters would be printed and inserted raw by libedit: not offered.
        let shown = entries.filter { !$0.unicodeScalars.contains(where: VisibleText.needsEscape) }
        return shown.filter { !$0.hasPrefix(".") || prefix.hasPrefix(".") }.sorted().map { entry in
            var isFolder: ObjCBool = false
            let path = folder + entry
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            return isFolder.boolValue ? path + "/" : path
        }
    }
}
