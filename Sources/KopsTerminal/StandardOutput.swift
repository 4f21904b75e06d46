internal import CKopsShims
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
    /// Why standard output stopped taking text, lowercased from `strerror`; from then on text for it is dropped.
    public private(set) var outputFailure: String?
    /// Standard output's write failed with EPIPE while kops, not its parent, ignored SIGPIPE (`endIfReaderLeft`).
    private var readerLeft = false

    public init() {}

    /// Writes errors fitted to standard error's terminal, whatever standard output is (a pipe, a file).
    public convenience init(environment: [String: String]) {
        self.init()
        errorWidth = { TerminalFacts.currentWidth(of: 2, environment: environment) }
    }

    public func write(_ text: String, to stream: OutputStream) {
        if stream == .out, Self.closedAtStart.out, outputFailure == nil {
            outputFailure = String(cString: strerror(EBADF)).lowercased()
        }
        if stream == .out, outputFailure != nil { return }
        progress?.clear()
        let fd: Int32 = stream == .out ? 1 : 2
        // The string's own UTF-8 storage, not a copy of it (a page of 100 deliveries as JSON is 52 KB).
        var text = stream == .err ? Self.fitted(text, width: errorWidth?()) : text
        let failure = text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    // A descriptor left non-blocking by whoever shares it: wait until it takes more.
                    if code == EAGAIN || code == EWOULDBLOCK, Self.waitUntilWritable(fd) { continue }
                    return code
                }
                offset += written
            }
            return nil
        }
        // Standard error has nowhere to say it failed; standard output's failure is said there by the shell.
        if let failure, fd == 1 {
            outputFailure = String(cString: strerror(failure)).lowercased()
            readerLeft = failure == EPIPE && !Self.pipeIgnoredAtStart
        }
    }

    /// Ends kops by SIGPIPE, silently, when standard output failed because the reader of its pipe left and only kops
    /// itself ignored SIGPIPE (`listen` writes to its receiver's pipe): `kops … | head` then ends as it does for every
    /// other command, 141 and no error line (probe29 P29-15: listen said "broken pipe" and exited 74), after the
    /// command stopped and undid what it made. A parent that ignores SIGPIPE (`trap '' PIPE`) keeps the error and 74.
    public func endIfReaderLeft() {
        if readerLeft { kops_end_by_sigpipe() }
    }

    /// Which standard descriptors were closed when kops started (`kops … >&-`), each then held open on /dev/null
    /// (`holdClosedDescriptors`): standard output's first write fails as on a closed descriptor, said once.
    private static let closedAtStart: (in: Bool, out: Bool, err: Bool) = {
        // Lowest first: `open` takes the lowest free descriptor, so each /dev/null lands on the one that was closed.
        let closed = (0...2).map { fd in fcntl(fd, F_GETFD) == -1 && errno == EBADF }
        for (fd, isClosed) in closed.enumerated() where isClosed {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd { close(opened) }
        }
        return (closed[0], closed[1], closed[2])
    }()

    /// Holds closed standard descriptors open on /dev/null, before kops opens anything: else the first file or
    /// socket it opens would take descriptor 1, and output meant for the terminal would go into a transcript or
    /// the API connection (probe20 P20-1: `kops -c … >&-` exited 0). Standard output's writes then fail, said once.
    public static func holdClosedDescriptors() {
        _ = closedAtStart
        _ = pipeIgnoredAtStart
    }

    /// Whether SIGPIPE was ignored when kops started (read in `holdClosedDescriptors`, before kops changes it).
    private static let pipeIgnoredAtStart = kops_signal_ignored(SIGPIPE) != 0

    /// Waits up to 30 s for `fd` to take bytes again; false when it does not (or is no longer open).
    private static func waitUntilWritable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            let ready = poll(&entry, 1, 30_000)
            if ready < 0 && errno == EINTR { continue }
            return ready == 1 && entry.revents & Int16(POLLOUT) != 0
        }
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

