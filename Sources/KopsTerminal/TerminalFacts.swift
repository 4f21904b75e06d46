internal import CKopsShims

#if canImport(Glibc)
    internal import Glibc
#endif

/// What kops needs to know about the process's terminal: TTYs, width, colour.
public struct TerminalFacts: Sendable {
    public var stdinIsTTY: Bool
    public var stdoutIsTTY: Bool
    public var stderrIsTTY: Bool
    /// Columns of the terminal standard output is on, nil when it is not one (no fitting).
    public var width: Int?
    /// Colour only on a TTY, never with NO_COLOR set to a non-empty value (any value; an empty one is unset, as
    /// no-color.org says: "when present and not an empty string") or `--no-color`.
    public var color: Bool

    /// Columns of the terminal on standard output now (it may have been resized), nil when it is not one.
    public static func currentWidth(environment: [String: String]) -> Int? {
        currentWidth(of: 1, environment: environment)
    }

    /// Columns of the terminal on file descriptor `fd` now (2: standard error, where errors and hints go), nil when
    /// it is not one: `kops -c … | less` writes its errors to the terminal while its output goes down the pipe.
    public static func currentWidth(of fd: Int32, environment: [String: String]) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        let columns = Int(kops_terminal_width(fd))
        return columns > 0 ? columns : environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    public static func current(environment: [String: String], noColor: Bool) -> TerminalFacts {
        let stdoutTTY = isatty(1) == 1
        let columns = Int(kops_terminal_width(1))
        let width = stdoutTTY ? (columns > 0 ? columns : environment["COLUMNS"].flatMap(Int.init) ?? 80) : nil
        return TerminalFacts(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: stdoutTTY, stderrIsTTY: isatty(2) == 1, width: width,
            color: stdoutTTY && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && knowsColor(environment))
    }

    /// False for a terminal that says it takes no escape sequences: `TERM=dumb`, and TERM unset or empty, as `docker exec
    /// -i`, `kubectl exec` and cron-made PTYs leave it (probe27 P27-12: those got colour that dumb did not).
    public static func knowsColor(_ environment: [String: String]) -> Bool {
        guard let term = environment["TERM"] else { return false }
        return !term.isEmpty && term != "dumb"
    }
}
