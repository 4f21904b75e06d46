public import KopsShell

/// Reads lines from standard input when it is not a terminal: no prompt, no echo, no history.
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    public func remember(_ line: String) {}
}
