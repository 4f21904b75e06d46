/// Where rendered text goes: the terminal, a test buffer, later a transcript too.
public protocol OutputSink: AnyObject {
    /// Writes text (already ending in a newline) to standard output or standard error.
    func write(_ text: String, to stream: OutputStream)
}

/// Standard output carries data; standard error carries errors, hints and progress.
public enum OutputStream: Sendable {
    case out, err
}

/// Collects output in memory, keeping both streams and their interleaving.
public final class BufferOutput: OutputSink {
    public private(set) var out = ""
    public private(set) var err = ""
    /// Everything in the order written, as a user at a terminal would see it.
    public private(set) var combined = ""

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        switch stream {
        case .out: out += text
        case .err: err += text
        }
        combined += text
    }
}
