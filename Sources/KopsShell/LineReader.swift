internal import KapsoDiagnostics

/// The one seam to the terminal: where command lines come from.
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Remembers a line the user entered, for recall (and the history file when allowed).
    func remember(_ line: String)
    /// `remember(_:)`, with the redactor every other sink uses: a line it would change (a value kops knows as a
    /// secret, such as the API key or a webhook's secret) stays out of the history file (`HistoryGate`).
    func remember(_ line: String, redactor: Redactor)
    /// Takes back `line`, the last one remembered (from recall and the history file): it was refused for a secret it holds.
    func forget(line: String)
}

extension LineReader {
    /// A reader without a history file has nothing to keep a secret from.
    public func remember(_ line: String, redactor: Redactor) { remember(line) }
    /// A reader that keeps no lines has none to take back.
    public func forget(line: String) {}
}

/// What reading one line produced.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the partial line is dropped.
    case interrupted
    /// Ctrl-D or end of input.
    case endOfInput
    /// A line whose bytes are not UTF-8: the first such byte and its column (from 1). Decoded anyway, its byte would have
    /// become U+FFFD and been sent (probe27 P27-6: `printf 'reply … Ol\xe1'` from a Latin-1 file or terminal).
    case notUTF8(byte: UInt8, column: Int)

    /// A line as read, its line end already taken off: `.line` when its bytes are UTF-8, else `.notUTF8` naming the
    /// first byte that is not (`SignatureCheck.firstInvalidUTF8`, the reading scripts are named by too).
    public static func reading(_ bytes: [UInt8]) -> LineInput {
        if let offset = SignatureCheck.firstInvalidUTF8(bytes), offset < bytes.count {
            return .notUTF8(byte: bytes[offset], column: offset + 1)
        }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// The one line that names the byte: `this line holds the byte 0xE1 (column 38), which is not UTF-8 …`.
    public static func notUTF8Message(byte: UInt8, column: Int) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "this line holds the byte 0x\(hex.count == 1 ? "0" : "")\(hex) (column \(column)), which is not UTF-8 (typed "
            + "or saved as Latin-1 or Windows-1252?); nothing of it ran: send it as UTF-8"
    }
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
