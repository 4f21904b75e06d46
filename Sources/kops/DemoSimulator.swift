import KapsoClient
import KopsHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// The simulator `kops --demo` (and `kops check` of a demo transcript) runs: the `kapso-sim` executable
/// beside kops, started as a child process, so kops itself links no simulator (docs/performance.md).
///
/// The child reads nothing but its standard input, a pipe kops holds open: however kops ends, the pipe
/// closes and the simulator stops (`--stop-on-stdin-eof`). It runs in a process group of its own, so a
/// Ctrl-C at the terminal reaches kops only. Its clock is read and moved through the control endpoints
/// (`GET /__sim/clock`, `POST /__sim/clock/advance`), over a transport of its own that `--verbose` does not show.
final class DemoSimulator {
    /// Why the demo simulator could not start; one line for the user.
    struct Failure: Error {
        let message: String
    }

    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    /// The clock's instant when the seed data was made, Unix microseconds.
    private(set) var seededAt: Int64 = 0
    private let key: String
    private let processIdentifier: pid_t
    private let keepAlive: Int32
    private let control = try? CurlTransport(options: .init(connectTimeout: 5, timeout: 30, userAgent: "kops-demo"))

    /// Starts `kapso-sim --seed demo` on a free loopback port with `key`, its clock fixed at `pinnedClock`
    /// (Unix microseconds) or, when nil, at the simulator's deterministic reference; returns once it listens.
    init(key: String, pinnedClock: Int64?) throws(Failure) {
        let executable = Self.executablePath()
        guard access(executable, X_OK) == 0 else {
            throw Failure(
                message: "error: --demo needs kapso-sim beside kops (\(executable)); build it with 'swift build --product kapso-sim'")
        }
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            throw Failure(message: "error: --demo could not start kapso-sim: \(String(cString: strerror(errno)))")
        }
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var arguments = ["--port", "0", "--api-key", key, "--seed", "demo", "--quiet", "--stop-on-stdin-eof"]
        arguments += pinnedClock.map { ["--pinned-clock", String($0)] } ?? ["--deterministic"]

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
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            throw Failure(message: "error: --demo could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        processIdentifier = pid
        keepAlive = input[1]
        self.key = key
        let line = Self.firstLine(of: output[0])
        close(output[0])
        guard line.hasPrefix("listening on http://") else {
            close(keepAlive)
            _ = waitpid(pid, nil, 0)
            throw Failure(message: "error: --demo: kapso-sim did not start (\(executable)); run it alone to see why")
        }
        baseURL = String(line.dropFirst("listening on ".count))
        seededAt = now()
    }

    /// The simulator's clock in Unix microseconds (0 when it cannot be read).
    func now() -> Int64 {
        clock("GET", "/__sim/clock", body: nil) ?? 0
    }

    /// Moves the fixed clock forward to `micros` and runs what became due; returns once it has run.
    func advanceClock(to micros: Int64) {
        guard let current = clock("GET", "/__sim/clock", body: nil), micros > current else { return }
        // Whole microseconds survive the trip through seconds: the simulator rounds seconds × 10⁶.
        _ = clock("POST", "/__sim/clock/advance", body: #"{"seconds": \#(Double(micros - current) / 1_000_000)}"#)
    }

    /// Moves the clock to this machine's time, so each command line runs at one instant.
    func advanceClockToWallTime() {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        advanceClock(to: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1_000)
    }

    /// Closes the simulator's standard input, which stops it, and reaps it.
    func stop() {
        close(keepAlive)
        _ = waitpid(processIdentifier, nil, 0)
    }

    /// Sends a clock request; the clock after it in Unix microseconds, or nil when the simulator did not answer.
    private func clock(_ method: String, _ path: String, body: String?) -> Int64? {
        var headers = [HTTPHeader("X-API-Key", secret: Secret(key))]
        if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
        let request = HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body.map { Array($0.utf8) })
        guard let response = try? control?.send(request), let json = try? JSONValue.parse(response.body),
            let micros = json["data"]?["now_micros"]?.int
        else { return nil }
        return Int64(micros)
    }

    /// `kapso-sim` in the folder of this process's executable.
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        let path = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return folder + "/kapso-sim"
    }

    /// Reads up to the first newline (or end of file) from `fd`.
    private static func firstLine(of fd: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 4096 {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
