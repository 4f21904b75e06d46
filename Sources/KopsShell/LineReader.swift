/// The one seam to the terminal: where command lines come from.
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Remembers a line the user entered, for recall (and the history file when allowed).
    func remember(_ line: String)
    /// `remember(_:)`, with the redactor every other sink uses: a line it would change (a value kops knows as a
    /// secret, such as the API key or a webhook's secret) stays out of the history file (`HistoryGate`).
    func remember(_ line: String, redactor: Redactor)
}

extension LineReader {
    /// A reader without a history file has nothing to keep a secret from.
    public func remember(_ line: String, redactor: Redactor) { remember(line) }
}

/// What reading one line produced.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the partial line is dropped.
    case interrupted
    /// Ctrl-D or end of input.
    case endOfInput
}

/// Lines from a list, for tests and `-c`.
public final class ScriptedLineReader: LineReader {
    private var lines: [String]

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func readLine(prompt: String) -> LineInput {
        lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    public func remember(_ line: String) {}
}
