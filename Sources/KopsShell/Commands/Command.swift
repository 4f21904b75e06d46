/// A shell command: its help text, the flags it takes, and what it does.
public protocol Command: SendableMetatype {
    /// The word typed, e.g. `webhooks`.
    static var name: String { get }
    /// One line for `help`'s list.
    static var summary: String { get }
    /// `webhooks [list] [--scope number|project]`.
    static var usage: String { get }
    /// Longer help with examples, shown by `help NAME`.
    static var details: String { get }
    static var flags: [FlagSpec] { get }
    /// The most positional arguments accepted (nil: any number, e.g. free text).
    static var maxArguments: Int? { get }
    /// The most positional arguments these positionals may be (nil: any number); default `maxArguments`. A command whose
    /// subcommands take fewer (`webhooks create`) says so here, for its check and for the redactor (`Redactor.strayWords`).
    static func positionalLimit(_ positionals: [String]) -> Int?
    /// The error for positionals whose first word is a mistake the command can name, e.g. `record start FILE.md` (a
    /// recorder's verb, not a file name); nil by default. Asked by `validate` and, for one argument too many, before
    /// "unexpected argument" (`UnquotedPath.arguments`), so the word is named rather than the one after it.
    static func misreadWord(_ positionals: [String]) -> ShellError?
    /// True when the words after the first positional are words, flags or not (`help messages --all` asks for the page
    /// that holds `--all`: tester64b U12 got "unknown flag '--all'"); false by default.
    static var flagsAfterFirstWordAreWords: Bool { get }
    /// False for commands that never call the API (`help`, `explain`, `profile`): they run without a key.
    static var sendsRequests: Bool { get }
    /// Whether these arguments call the API (`webhooks fire` does not, `webhooks list` does); default `sendsRequests`.
    static func sendsRequests(_ arguments: Arguments) -> Bool

    /// Checks these arguments without running anything: every mistake that needs neither the API nor the
    /// session (a missing or extra argument, a bad value, a malformed path) throws here, so a script with such a
    /// line on line 7 runs nothing (`ScriptCheck`). The shell calls it before `run`, which may rely on it.
    static func validate(_ arguments: Arguments) throws

    static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult

    /// True when these words (after the command's name) change data, so scripts need `--allow-writes`.
    static func isWrite(_ words: [String]) -> Bool

    /// The file paths in these arguments, as positional indexes and flag names (`verify --file`, `record FILE`): in a
    /// script a relative one is read or written from the script's folder, as psql's `\ir` reads an included file
    /// (`Shell.resolvingPaths`). None by default; `source` resolves its own.
    static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String])

    /// False for the commands about the script itself (`ScriptCommand`), which leave the last result in place: read
    /// through the witness table, where `command is any ScriptCommand.Type` looked up a conformance per command.
    static var keepsLastResult: Bool { get }

    /// True for the commands that read the last result (`assert`, `capture`): one that fails leaves it in place, as its
    /// failure is about that result; any other command that fails drops it (`ShellContext.forgetLastResult(afterFailed:)`).
    static var readsLastResult: Bool { get }
}

extension Command {
    public static var flags: [FlagSpec] { [] }
    public static var maxArguments: Int? { 0 }
    public static func positionalLimit(_ positionals: [String]) -> Int? { maxArguments }
    public static func misreadWord(_ positionals: [String]) -> ShellError? { nil }
    public static var details: String { "" }
    public static var sendsRequests: Bool { true }
    public static var flagsAfterFirstWordAreWords: Bool { false }
    public static func sendsRequests(_ arguments: Arguments) -> Bool { sendsRequests }
    public static func isWrite(_ words: [String]) -> Bool { false }
    public static func validate(_ arguments: Arguments) throws {}
    public static var keepsLastResult: Bool { true }
    public static var readsLastResult: Bool { false }
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) { ([], []) }
}

/// A `--flag` a command accepts: boolean, or taking a value from a fixed set, a whole number in a range, or free.
public struct FlagSpec: Sendable {
    public var name: String
    /// The value's placeholder (`ID`), or nil for a boolean flag.
    public var valueName: String?
    /// Allowed values, checked before the command runs.
    public var choices: [String]?
    /// For a whole-number flag (`--limit N`), the values allowed, checked before the command runs.
    public var range: ClosedRange<Int>?
    public var help: String
    /// Values people copy that are not among `choices` (lowercased), with what to give instead: `messages --status
    /// received`, the STATUS an inbound message shows (tester47 F10).
    public var nearMisses: [String: String] = [:]

    public init(
        _ name: String, value: String? = nil, choices: [String]? = nil, range: ClosedRange<Int>? = nil, help: String,
        nearMisses: [String: String] = [:]
    ) {
        self.name = name
        self.nearMisses = nearMisses
        self.valueName = value ?? (choices.map { Renderer.joined($0, separator: "|") })
        self.choices = choices
        self.range = range
        self.help = help
    }
}
