public import KopsShell

/// Reads lines from standard input when it is not a terminal: no prompt, no echo, no history.
public final class PlainLineReader: LineReader {
    private var first = true

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        defer { first = false }
        // A UTF-8 byte order mark before the first line is not part of the first command.
        return .line(first && line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line)
    }

    public func remember(_ line: String) {}
}
