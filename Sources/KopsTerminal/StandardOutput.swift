public import KopsShell

#if canImport(Glibc)
    internal import Glibc
#endif

/// Writes to the process's standard output and error, unbuffered, so nothing is lost if kops dies.
public final class StandardOutput: OutputSink {
    /// Erased before each write, so a spinner never mixes with output.
    public var progress: ProgressIndicator?

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        progress?.clear()
        let fd: Int32 = stream == .out ? 1 : 2
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
