import KopsShell

/// Reads the common, valid kops command lines (`kops`, `kops -c '...'`, `kops run FILE.kops --var k=v`,
/// `kops --demo`, `kops --version`, ...) without swift-argument-parser, whose first parse costs about
/// 12 M instructions of reflection and conformance look-ups, more than kops's own start-up
/// (docs/performance.md).
///
/// It only ever accepts what `Kops` would parse to the same values: anything else (help, an unknown or
/// repeated flag, `--flag=value`, a value starting with `-`, a value `validate()` would refuse, ...) returns
/// nil, and `Kops` parses the line as before, with its own messages. `QuickArgumentsTests` checks both agree.
enum QuickArguments {
    enum Parsed: Equatable {
        /// `kops --version`.
        case version
        case launch(Launch)
    }

    private static let valued: Set<String> = ["--profile", "--base-url", "--output", "-c", "--timeout", "--var", "--record"]
    private static let flags: Set<String> = ["--demo", "--no-color", "--verbose", "--allow-writes", "--update", "--force"]

    /// The launch `arguments` (without the program name) ask for, or nil when `Kops` must read them.
    static func parse(_ arguments: [String]) -> Parsed? {
        if arguments == ["--version"] { return .version }
        var launch = Launch()
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("-") else {
                launch.script.words.append(word)
                continue
            }
            // Repeats (other than --var and -c) are left to the parser, which decides what they mean.
            guard word == "--var" || word == "-c" || seen.insert(word).inserted else { return nil }
            if flags.contains(word) {
                switch word {
                case "--demo": launch.demo = true
                case "--no-color": launch.noColor = true
                case "--verbose": launch.verbose = true
                case "--allow-writes": launch.script.allowWrites = true
                case "--force": launch.script.force = true
                default: launch.script.update = true
                }
                continue
            }
            guard valued.contains(word), index < arguments.count else { return nil }
            let value = arguments[index]
            index += 1
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch word {
            case "--profile": launch.profile = value
            case "--base-url":
                guard value.contains("://") else { return nil }
                launch.baseURL = value
            case "--output":
                guard OutputMode(rawValue: value) != nil else { return nil }
                launch.output = value
            case "-c": launch.commands.append(value)
            case "--timeout":
                guard let seconds = plainSeconds(value) else { return nil }
                launch.timeout = seconds
            case "--var":
                guard ScriptOptions.variableProblem(launch.script.variables + [value]) == nil else { return nil }
                launch.script.variables.append(value)
            default: launch.script.record = value
            }
        }
        // `kops check` refuses --output (`Kops.validate`).
        if launch.output != nil && launch.script.words.first == "check" { return nil }
        return scriptWordsAreValid(launch.script) ? .launch(launch) : nil
    }

    /// `30`, `2.5`: digits with at most one decimal point, from 1 ms to a day; nil for any other spelling.
    private static func plainSeconds(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let seconds = Double(text), seconds >= Launch.shortestTimeout, seconds <= Launch.longestTimeout
        else { return nil }
        return seconds
    }

    /// What `ScriptOptions.validate()` accepts.
    private static func scriptWordsAreValid(_ script: ScriptLaunch) -> Bool {
        if ScriptOptions.pairRefusal(verb: script.words.first, record: script.record, update: script.update) != nil { return false }
        guard let verb = script.words.first else { return !script.force }
        if script.force && verb != "bundle" { return false }
        if verb == "check" && ScriptOptions.checkRefusal(record: script.record, variables: script.variables) != nil { return false }
        switch verb {
        case "run", "check": return script.words.count == 2
        case "bundle": return script.words.count <= 2
        default: return false
        }
    }
}
