/// Standard output stopped taking text: a full disk (`> /dev/full`), a reader that left the pipe while kops's parent
/// ignores SIGPIPE (EPIPE; when only kops ignored it, `OutputSink.endIfReaderLeft` ends kops by SIGPIPE instead), a
/// closed descriptor (EBADF). What the command printed is cut short, so the command stops at once
/// (no further page is fetched), a script or `-c` stops at its line, and kops exits 74 (EX_IOERR), as coreutils'
/// `ls > /dev/full` says "write error" and fails (probe20 P20-1).
public struct OutputError: KopsError, Equatable {
    /// Why, lowercased from `strerror` ("no space left on device", "broken pipe", "bad file descriptor").
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var message: String {
        "cannot write to standard output: \(reason); what was printed is cut short, so kops stopped"
    }

    public var exitStatus: ExitStatus { .outputFailed }
}
