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
    /// False for commands that never call the API (`help`, `explain`, `profile`): they run without a key.
    static var sendsRequests: Bool { get }
    /// Whether these arguments call the API (`webhooks fire` does not, `webhooks list` does); default `sendsRequests`.
    static func sendsRequests(_ arguments: Arguments) -> Bool

    static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult

    /// True when these words (after the command's name) change data, so scripts need `--allow-writes`.
    static func isWrite(_ words: [String]) -> Bool
}

extension Command {
    public static var flags: [FlagSpec] { [] }
    public static var maxArguments: Int? { 0 }
    public static var details: String { "" }
    public static var sendsRequests: Bool { true }
    public static func sendsRequests(_ arguments: Arguments) -> Bool { sendsRequests }
    public static func isWrite(_ words: [String]) -> Bool { false }
}

/// A `--flag` a command accepts: boolean, or taking a value from a fixed set or free.
public struct FlagSpec: Sendable {
    public var name: String
    /// The value's placeholder (`ID`), or nil for a boolean flag.
    public var valueName: String?
    /// Allowed values, checked before the command runs.
    public var choices: [String]?
    public var help: String

    public init(_ name: String, value: String? = nil, choices: [String]? = nil, help: String) {
        self.name = name
        self.valueName = value ?? (choices.map { $0.joined(separator: "|") })
        self.choices = choices
        self.help = help
    }
}
