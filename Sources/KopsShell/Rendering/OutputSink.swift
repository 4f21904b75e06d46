/// Where rendered text goes: the terminal, a test buffer, later a transcript too.
public protocol OutputSink: AnyObject {
    /// Writes text (already ending in a newline) to standard output or standard error.
    func write(_ text: String, to stream: OutputStream)
    /// Why standard output stopped taking text, lowercased from `strerror` ("no space left on device"); nil while every
    /// write reached it. Once set it stays, and text for standard output is dropped: a gap inside what was written would
    /// read as a whole result (`OutputError`).
    var outputFailure: String? { get }
    /// Ends kops as SIGPIPE would when standard output's reader left a pipe (`StandardOutput`); returns otherwise.
    func endIfReaderLeft()
}

extension OutputSink {
    public var outputFailure: String? { nil }
    public func endIfReaderLeft() {}
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
    /// How many more bytes standard output takes, nil for no limit: a write past it fails as on a full disk
    /// (`outputFailure` "no space left on device"), and nothing of it is kept.
    public var outCapacity: Int?
    public private(set) var outputFailure: String?

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        switch stream {
        case .out:
            guard outputFailure == nil else { return }
            if let capacity = outCapacity {
                guard text.utf8.count <= capacity else {
                    outputFailure = "no space left on device"
                    return
                }
                outCapacity = capacity - text.utf8.count
            }
            out += text
        case .err: err += text
        }
        combined += text
    }
}
