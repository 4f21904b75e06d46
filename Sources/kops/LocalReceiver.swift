import KapsoClient
import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// `listen`'s server: `kapso-sim --receive` beside kops (kapso-sim's request reader), as `--demo` runs the
/// simulator, so kops links no server (docs/performance.md). Requests and answers cross the child's standard
/// streams as JSON-line frames (`ReceiverBridge`); closing its stdin stops it.
final class LocalReceiver: DeliveryReceiver {
    /// Why no receiver started; one line for the user.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let processIdentifier: pid_t
    private let toChild: Int32
    private let fromChild: Int32
    private var buffer: [UInt8] = []
    private var stopped = false
    /// Set once the child's stream ended: who it was and how it ended (`ReceiverEvent.ended`).
    private var ended: String?
    /// The child was waited for (`reap`): `stop` must not wait for its pid again.
    private var reaped = false

    /// Starts `kapso-sim --receive --host HOST --port PORT`; the error says why not (a taken port, a bad address).
    static func open(host: String, port: Int, bodyLimit: Int) throws -> any DeliveryReceiver {
        try LocalReceiver(host: host, port: port)
    }

    private init(host: String, port: Int) throws {
        let executable = DemoSimulator.executablePath()
        guard access(executable, X_OK) == 0 else {
            throw Failure(description: "listen needs kapso-sim beside kops (\(executable)); build it with 'swift build --product kapso-sim'")
        }
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw Failure(description: String(cString: strerror(errno))) }
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group: a Ctrl-C at the terminal reaches kops, which then stops it.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = [executable, "--receive", "--host", host, "--port", String(port)]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        signal(SIGPIPE, SIG_IGN)
        processIdentifier = pid
        toChild = input[1]
        fromChild = output[0]
        var first = ""
        if case .line(let line) = Self.readLine(fromChild, into: &buffer, waitingUpTo: 10) { first = line }
        guard first.hasPrefix("receiving on http://"), let colon = first.lastIndex(of: ":"), let port = Int(first[first.index(after: colon)...]) else {
            close(toChild)
            close(fromChild)
            _ = waitpid(pid, nil, 0)
            throw Failure(description: first.hasPrefix("error: ") ? String(first.dropFirst(7)) : "kapso-sim --receive did not start")
        }
        self.port = port
    }

    deinit { stop() }

    func next(waitingUpTo seconds: Double) -> ReceiverEvent? {
        if let ended { return .ended(receiver: ended) }
        let header: JSONValue
        switch Self.readLine(fromChild, into: &buffer, waitingUpTo: seconds) {
        case .line(let line):
            guard let parsed = try? JSONValue.parse(Array(line.utf8)) else { return nil }
            header = parsed
        case .data, .timeout: return nil
        case .end: return end()
        }
        if let status = header["refused"]?.int {
            return .refused(status: status, reason: header["message"]?.string ?? "")
        }
        guard let id = header["id"]?.int, let length = header["length"]?.int else { return nil }
        body: while buffer.count < length {
            switch Self.fill(fromChild, into: &buffer, waitingUpTo: 10) {
            case .line, .data: continue
            case .timeout: break body
            case .end: return end()
            }
        }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(min(length, buffer.count))
        let headers = (header["headers"]?.array ?? []).compactMap { pair -> (name: String, value: String)? in
            guard let name = pair[0]?.string, let value = pair[1]?.string else { return nil }
            return (name, value)
        }
        let request = IncomingRequest(
            method: header["method"]?.string ?? "", target: header["target"]?.string ?? "/", headers: headers, body: body)
        return .delivery(request) { [toChild] status, headers, body in
            let pairs = JSONValue.array(headers.map { .array([.string($0.name), .string($0.value)]) })
            let frame: JSONValue = [
                "id": .number(String(id)), "status": .number(String(status)), "headers": pairs,
                "length": .number(String(body.count)),
            ]
            Self.write(toChild, Array((frame.serialized() + "\n").utf8) + body)
        }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        close(toChild)
        close(fromChild)
        if !reaped { _ = waitpid(processIdentifier, nil, 0) }
    }

    /// The child's stream ended (it died, or closed its standard output): says so for every later `next`, which then
    /// returns at once, so `listen` stops with this line instead of asking again and again without waiting.
    private func end() -> ReceiverEvent {
        let how: String
        var status: Int32 = 0
        // The stream ends as the process exits; a moment for the kernel to make it a zombie that can be waited for.
        var gone = waitpid(processIdentifier, &status, WNOHANG)
        for _ in 0..<50 where gone == 0 {
            usleep(10_000)
            gone = waitpid(processIdentifier, &status, WNOHANG)
        }
        if gone == processIdentifier {
            reaped = true
            let signal = status & 0x7f
            how = signal == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(signal)"
        } else {
            how = "closed its output"
        }
        let ended = "kapso-sim --receive (pid \(processIdentifier)) \(how)"
        self.ended = ended
        return .ended(receiver: ended)
    }

    /// What `readLine` and `fill` found.
    private enum Read {
        case line(String)
        case data
        case timeout
        /// End of file (or a read error): the child is gone.
        case end
    }

    /// The next line from `fd` (buffered in `buffer`), waiting up to `seconds` for it: `.line`, `.timeout` or `.end`.
    private static func readLine(_ fd: Int32, into buffer: inout [UInt8], waitingUpTo seconds: Double) -> Read {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return .line(line)
            }
            let read = fill(fd, into: &buffer, waitingUpTo: seconds)
            guard case .data = read else { return read }
        }
    }

    /// Appends what `fd` has within `seconds`: `.data`, `.timeout` (a signal that cuts the wait short too), or `.end`
    /// at end of file, which `poll` reports at once and for good (POLLHUP), so it must not be read as "nothing yet".
    private static func fill(_ fd: Int32, into buffer: inout [UInt8], waitingUpTo seconds: Double) -> Read {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return .timeout }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return .timeout }
        guard count > 0 else { return .end }
        buffer += chunk[0..<count]
        return .data
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            offset += count
        }
    }
}
