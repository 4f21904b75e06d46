public import KopsShell

#if canImport(Glibc)
    internal import Glibc
#endif

/// Writes to the process's standard output and error, unbuffered, so nothing is lost if kops dies.
public final class StandardOutput: OutputSink {
    /// Erased before each write, so a spinner never mixes with output.
    public var progress: ProgressIndicator?
    /// The width of standard error's terminal now, nil when it is none: whole lines written there wrap at words to it
    /// (`fitted`), so an error kops writes before or beside the shell (a bad config, `kops check` of a missing file,
    /// a script's summary) fits the terminal as the shell's own errors do. Nil: written as given.
    public var errorWidth: (() -> Int?)?

    public init() {}

    /// Writes errors fitted to standard error's terminal, whatever standard output is (a pipe, a file).
    public convenience init(environment: [String: String]) {
        self.init()
        errorWidth = { TerminalFacts.currentWidth(of: 2, environment: environment) }
    }

    public func write(_ text: String, to stream: OutputStream) {
        progress?.clear()
        let fd: Int32 = stream == .out ? 1 : 2
        let text = stream == .err ? Self.fitted(text, width: errorWidth?()) : text
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}

extension StandardOutput {
    /// `text` with each of its lines wrapped at words to `width` (`ProseWrap`: a hanging indent after `error: `, a word
    /// wider than the room kept whole); as given without a width, or when it does not end a line (a question waiting on
    /// the same line for its answer). Lines already fitted come back unchanged, and so do styled ones (with colour
    /// escapes, which only the shell's renderer writes, after fitting them).
    public static func fitted(_ text: String, width: Int?) -> String {
        guard let width, text.hasSuffix("\n") else { return text }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        func needsWrap(_ line: Substring) -> Bool { !line.contains("\u{1B}") && TextWidth.displayWidth(line) > width }
        guard lines.contains(where: needsWrap) else { return text }
        return lines.flatMap { needsWrap($0) ? ProseWrap.lines(String($0), width: width) : [String($0)] }.joined(separator: "\n") + "\n"
    }
}

