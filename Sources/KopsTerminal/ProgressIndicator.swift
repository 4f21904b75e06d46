internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// A spinner on standard error for commands that take more than ~300 ms; cleared before any output.
///
/// Shown only when standard error is a terminal. `begin` and `end` bracket one command.
public final class ProgressIndicator: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var visible = false
    private let delay: Double
    private let label: String

    /// - Parameter label: what is being waited for, e.g. the API host.
    public init(label: String, delay: Double = 0.3) {
        self.label = label
        self.delay = delay
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
        writeToStandardError("\r\u{1B}[2K\u{1B}[2m" + text + "\u{1B}[0m")
        visible = true
        return true
    }

    private func eraseLocked() {
        guard visible else { return }
        writeToStandardError("\r\u{1B}[2K")
        visible = false
    }

    private func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
