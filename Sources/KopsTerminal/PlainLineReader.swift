public import KopsShell

#if canImport(Glibc)
    internal import Glibc
#endif

/// Reads lines from standard input when it is not a terminal: no prompt, no echo, no history.
public final class PlainLineReader: LineReader {
    private var first = true

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard var bytes = readBytes() else { return .endOfInput }
        defer { first = false }
        // What `Swift.readLine(strippingNewline: true)` strips: `\n` or `\r\n`.
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        let input = LineInput.reading(bytes)
        // A UTF-8 byte order mark before the first line is not part of the first command.
        if first, case .line(let line) = input, line.hasPrefix("\u{FEFF}") { return .line(String(line.dropFirst())) }
        return input
    }

    /// Bytes read from standard input and not yet handed out as a line.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var ended = false

    /// The next line's bytes from standard input (file descriptor 0) with its `\n`, or nil at the end of input. Read in
    /// blocks of 64 KiB; a read interrupted by a signal (Ctrl-C) ends the input, as `Swift.readLine` did.
    private func readBytes() -> [UInt8]? {
        while true {
            if let newline = pending[pendingStart...].firstIndex(of: 0x0A) {
                let line = Array(pending[pendingStart...newline])
                pendingStart = newline + 1
                return line
            }
            if ended {
                guard pendingStart < pending.count else { return nil }
                let line = Array(pending[pendingStart...])
                pendingStart = pending.count
                return line
            }
            pending.removeFirst(pendingStart)
            pendingStart = 0
            var block = [UInt8](repeating: 0, count: 65_536)
            let count = block.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 {
                ended = true
            } else {
                pending.append(contentsOf: block[..<count])
            }
        }
    }

    public func remember(_ line: String) {}
}
