internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// A spinner on standard error for commands that take more than ~300 ms; cleared before any output.
///
/// Shown only when standard error is a terminal. `begin` and `end` bracket one command.
public final class ProgressIndicator: @unchecked Sendable {
    /// How the terminal takes the spinner: `TERM=dumb` (or no TERM) shows escape sequences and may not return on `\r`,
    /// so it gets one plain line per wait; `NO_COLOR` (or `--no-color`) keeps the redrawn line without its dim colour
    /// (tester59 AF7: both got `ESC[2K`, `ESC[2m` and `\r` ten times a second).
    public enum Mode: Sendable, Equatable {
        case spinner, uncoloured, plainLine

        public init(environment: [String: String], noColor: Bool) {
            if !TerminalFacts.knowsColor(environment) {
                self = .plainLine
            } else {
                self = noColor || !(environment["NO_COLOR"] ?? "").isEmpty ? .uncoloured : .spinner
            }
        }
    }

    private let lock = NSLock()
    private var generation = 0
    private var visible = false
    private let delay: Double
    private let label: String
    private let mode: Mode
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - label: what is being waited for, e.g. the API host.
    ///   - write: where the spinner goes; standard error unless a test reads it.
    public init(
        label: String, delay: Double = 0.3, mode: Mode = .spinner,
        write: @escaping @Sendable (String) -> Void = ProgressIndicator.writeToStandardError
    ) {
        self.label = label
        self.delay = delay
        self.mode = mode
        self.write = write
    }

    /// Starts the clock for one command; the spinner appears if it is still running after `delay`.
    public func begin() {
        lock.lock()
        generation += 1
        let current = generation
        lock.unlock()
        let started = Date()
        Thread.detachNewThread { [self] in
            Thread.sleep(forTimeInterval: delay)
            if mode == .plainLine {
                // One line, no redraw: nothing to erase after it.
                lock.lock()
                if generation == current { write("waiting for \(label) · Ctrl-C cancels\n") }
                lock.unlock()
                return
            }
            let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
            var frame = 0
            while draw("\(frames[frame % frames.count]) waiting for \(label) · \(String(format: "%.1f", Date().timeIntervalSince(started))) s · Ctrl-C cancels", generation: current) {
                frame += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// Ends the command: the spinner stops and its line is erased.
    public func end() {
        lock.lock()
        generation += 1
        eraseLocked()
        lock.unlock()
    }

    /// Erases the spinner line (if shown) so output starts on a clean line; the spinner resumes after.
    public func clear() {
        lock.lock()
        eraseLocked()
        lock.unlock()
    }

    private func draw(_ text: String, generation expected: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard generation == expected else { return false }
        write(mode == .spinner ? "\r\u{1B}[2K\u{1B}[2m" + text + "\u{1B}[0m" : "\r\u{1B}[2K" + text)
        visible = true
        return true
    }

    private func eraseLocked() {
        guard visible else { return }
        write("\r\u{1B}[2K")
        visible = false
    }

    /// Writes `text` to standard error as it is.
    @Sendable public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
