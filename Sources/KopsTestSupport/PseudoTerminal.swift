internal import Foundation

/// `kops --demo` on a pseudo-terminal (Python's standard `pty`, as `scripts/tty-test.py` drives it by hand): what a user
/// typing at the prompt gets.
public enum PseudoTerminal {
    /// Starts `kops --demo` on a PTY with `environment` (TERM unset unless given), types each of `lines` at a prompt
    /// (`)> `) followed by a carriage return, then `exit`; returns everything the terminal was sent.
    /// - Parameters:
    ///   - columns: when given, the terminal is 30 rows by `columns` columns (`TIOCSWINSZ`) before kops starts.
    ///   - promptWait: seconds to wait for each prompt.
    ///   - flags: kops's arguments, `--demo` unless told (`[]` starts the shell on `environment`'s settings).
    public static func typed(
        _ lines: [[UInt8]], environment: [String: String], columns: Int? = nil, promptWait: Int = 20, flags: [String] = ["--demo"]
    ) async throws -> String {
        let script = #"""
            import fcntl, os, pty, select, struct, sys, termios, time
            kops, columns, wait, flags = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
            lines = [bytes.fromhex(h) for h in sys.argv[5:]]
            pid, fd = pty.fork()
            if pid == 0:
                if columns:
                    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
                os.execv(kops, [kops] + flags)
            seen = b""
            def until(mark, after, limit=wait):
                global seen
                end = time.time() + limit
                while time.time() < end and seen.count(mark) < after:
                    ready, _, _ = select.select([fd], [], [], 0.2)
                    if ready:
                        try:
                            chunk = os.read(fd, 65536)
                        except OSError:
                            return
                        if not chunk:
                            return
                        seen += chunk
            until(b")> ", 1)
            for index, line in enumerate(lines):
                os.write(fd, line + b"\r")
                until(b")> ", index + 2)
            os.write(fd, b"exit\r")
            until(b"\0", 1, 10)
            os.waitpid(pid, 0)
            sys.stdout.write(seen.decode("utf-8", "replace"))
            """#
        let hex = lines.map { $0.map { String(format: "%02x", $0) }.joined() }
        let arguments = ["-c", script, ProcessRunner.executable("kops").path, String(columns ?? 0), String(promptWait), flags.joined(separator: " ")] + hex
        let result = try await offPool {
            try ProcessRunner.run("/usr/bin/python3", arguments, environment: environment, timeout: 90)
        }
        return result.stdout
    }
}
