#if canImport(Glibc)
    internal import Glibc
#endif

/// Runs a profile's `api_key_command` with `/bin/sh -c` and returns its status, standard output and the first line
/// it wrote on standard error, within a time limit and an output limit.
///
/// The command runs in its own process group, stdin on `/dev/null` and stderr in an unlinked temporary file read
/// after it ends (its first line is the reason a failure gives: `vault: token expired`, probe44 P44-4); when a limit
/// is hit the whole group is killed (a `sh -c 'sleep 100'` leaves no `sleep` holding the pipe open).
public enum KeyCommand {
    /// Seconds a key command may take (10): a password manager's prompt-less unlock is well within it.
    public static let timeout = 10.0
    /// Bytes of output a key command may print (64 KiB); an API key is a line.
    public static let maxOutputBytes = 64 << 10

    /// Why a key command gave no answer.
    public enum Failure: Error, Sendable, Equatable {
        case timedOut(seconds: Double)
        case outputTooLarge(bytes: Int)
        case couldNotStart
    }

    /// What a key command answered: its exit status, standard output, and the first non-blank line of its standard error
    /// (empty at a terminal, where the user saw it).
    public typealias Answer = (status: Int32, output: String, errorLine: String)

    /// Bytes of standard error read for `errorLine` (4 KiB).
    static let maxErrorBytes = 4096

    public static func run(_ command: String) throws(Failure) -> Answer {
        try run(command, timeout: timeout, maxOutputBytes: maxOutputBytes)
    }

    /// Runs the command with the terminal, for a session whose standard input and error are one: a password manager
    /// may ask for its passphrase there (`pass show` when gpg-agent's cache has expired and pinentry is tty or curses,
    /// `op read` asking to sign in: probe16 P16-10). The command reads and writes the terminal as kops's own foreground
    /// job would: it shares kops's process group, so Ctrl-C stops it, with standard input and error the terminal's
    /// and no time limit (a person answers); standard output is still read through a pipe, within `maxOutputBytes`.
    /// The caller stops its spinner first, or it would draw over the prompt.
    public static func runAtTerminal(_ command: String) throws(Failure) -> Answer {
        try run(command, timeout: nil, maxOutputBytes: maxOutputBytes, terminal: true)
    }

    /// The same with chosen limits (tests use short ones); a nil `timeout` waits as long as the command runs. With
    /// `terminal`, the command keeps kops's standard input, standard error and process group.
    public static func run(_ command: String, timeout: Double?, maxOutputBytes: Int, terminal: Bool = false) throws(Failure) -> Answer {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .couldNotStart }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Standard error goes to a file, not a pipe: a command that writes much there never blocks on a reader.
        let errorFile = terminal ? nil : tmpfile()
        defer { if let errorFile { fclose(errorFile) } }
        if !terminal {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            if let errorFile {
                posix_spawn_file_actions_adddup2(&actions, fileno(errorFile), 2)
            } else {
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            }
        }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Off a terminal its own group, so a limit kills what it started too; at a terminal kops's group, the terminal's
        // foreground one, so it may read the terminal (another group would be stopped by SIGTTIN).
        if !terminal {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { arguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environ)
        close(writeEnd)
        defer { close(readEnd) }
        guard spawned == 0 else { throw .couldNotStart }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        var failure: Failure?
        while failure == nil {
            var milliseconds: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline).components
                milliseconds = Int32(max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
            }
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0, let timeout {
                failure = .timedOut(seconds: timeout)
                break
            }
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[0..<count]
            if output.count > maxOutputBytes { failure = .outputTooLarge(bytes: maxOutputBytes) }
        }
        if failure != nil { kill(terminal ? pid : -pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { throw failure }
        // WIFEXITED / WEXITSTATUS, which Swift cannot call as macros.
        let exited = status & 0x7F == 0
        return (
            exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), String(decoding: output, as: UTF8.self),
            errorFile.map { firstErrorLine(fileno($0)) } ?? ""
        )
    }

    /// The first line of the file `descriptor` that holds more than blanks, trimmed, from its first `maxErrorBytes`.
    static func firstErrorLine(_ descriptor: Int32) -> String {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: maxErrorBytes)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return "" }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingPrefix(while: \.isWhitespace) }
            .first { !$0.allSatisfy(\.isWhitespace) }
            .map { String($0.reversed().drop(while: \.isWhitespace).reversed()) } ?? ""
    }
}
