internal import Foundation
#if canImport(Glibc)
    public import Glibc
#endif

/// Held while a pipe is made and marked close-on-exec, and while a child is spawned, so no child
/// inherits another test's pipe end (Glibc's module has no `pipe2`).
let spawnLock = NSLock()

/// A child process started with `posix_spawn`, for tests that run the built executables.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to Swift 6.3.1) crashes now and
/// then: it copies the whole 256-byte `d_name` of each `/proc/self/fd` entry, reading past glibc's
/// buffer (swiftlang/swift-corelibs-foundation PR #5472, "Process.run() on Linux crashes intermittently").
/// A test process with many sockets open hit it about once in five full runs, so the test support
/// spawns children itself, as `KeyCommand` does in the product.
public final class ChildProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream {
        /// `/dev/null`.
        case null
        /// A file, opened for reading (stdin) or writing (stdout, stderr; created and truncated).
        case file(String)
        /// An open descriptor of this process, duplicated into the child.
        case descriptor(Int32)
    }

    public let processIdentifier: pid_t
    private var exitStatus: Int32?

    /// Starts `executable` (an absolute path) with `arguments`; `environment` nil passes this process's.
    ///
    /// Throws `ChildProcessError.spawnFailed` with the errno when the child cannot start.
    public init(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                let flags = target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o600)
            case .descriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling, whatever the test runner set.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let pairs = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = pairs.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid = pid_t()
        spawnLock.lock()
        defer { spawnLock.unlock() }
        let result = envp.map { envp in
            posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        } ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw ChildProcessError.spawnFailed(executable, errno: result) }
        processIdentifier = pid
    }

    /// True until the child has exited (and been reaped).
    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let reaped = waitpid(processIdentifier, &status, WNOHANG)
        if reaped == processIdentifier { exitStatus = Self.decode(status) }
        return exitStatus == nil && reaped == 0
    }

    /// Sends `signal` to the child if it is still running.
    public func send(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    /// Waits for the child to exit; returns its exit code, or the signal's number when a signal ended it
    /// (as Foundation's `terminationStatus` does).
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(processIdentifier, &status, 0) == -1 && errno == EINTR {}
        let decoded = Self.decode(status)
        exitStatus = decoded
        return decoded
    }

    /// Waits up to `seconds`, then SIGTERM, then after `grace` seconds more (5 unless given) SIGKILL, so a test
    /// never hangs.
    @discardableResult
    public func wait(seconds: Double, grace: Double = 5) -> Int32 {
        if waitUntilExit(within: seconds) { return wait() }
        send(SIGTERM)
        if !waitUntilExit(within: grace) { send(SIGKILL) }
        return wait()
    }

    private func waitUntilExit(within seconds: Double) -> Bool {
        var left = Int(seconds * 1000)
        while isRunning && left > 0 {
            usleep(2_000)
            left -= 2
        }
        return !isRunning
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }
}

/// Why a child process could not start.
public enum ChildProcessError: Error, CustomStringConvertible {
    case spawnFailed(String, errno: Int32)
    case pipeFailed(errno: Int32)

    public var description: String {
        switch self {
        case .spawnFailed(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
        case .pipeFailed(let code): "cannot make a pipe: \(String(cString: strerror(code)))"
        }
    }
}

/// A pipe whose ends are closed on exec, so only the child that gets an end by `dup2` holds it.
public struct ChildPipe {
    public let readEnd: Int32
    public let writeEnd: Int32

    public init() throws {
        var fds: [Int32] = [0, 0]
        spawnLock.lock()
        defer { spawnLock.unlock() }
        guard pipe(&fds) == 0 else { throw ChildProcessError.pipeFailed(errno: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Reads until end of file and closes the read end.
    public func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(readEnd)
        return bytes
    }
}
