import Foundation
import KopsTerminal
import Testing

/// tester59 AF7: with TERM=dumb (and NO_COLOR) the "waiting for …" spinner still wrote `ESC[2K`, `ESC[2m` and `\r` ten
/// times a second. A dumb terminal gets one plain line; NO_COLOR keeps the redrawn line without colour.
@Suite struct AF7SpinnerDumbTerminalTests {
    final class Written: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func add(_ more: String) { lock.withLock { text += more } }
        var all: String { lock.withLock { text } }
    }

    private func shown(_ environment: [String: String], noColor: Bool = false) -> String {
        let written = Written()
        let progress = ProgressIndicator(
            label: "127.0.0.1", delay: 0.05, mode: .init(environment: environment, noColor: noColor), write: { written.add($0) })
        progress.begin()
        Thread.sleep(forTimeInterval: 1.2)
        progress.end()
        return written.all
    }

    @Test(arguments: [["TERM": "dumb"], ["TERM": "dumb", "NO_COLOR": "1"], [:]])
    func aDumbTerminalGetsOnePlainLine(environment: [String: String]) {
        let text = shown(environment)
        #expect(!text.contains("\u{1B}") && !text.contains("\r"), "\(text.debugDescription)")
        #expect(text == "waiting for 127.0.0.1 · Ctrl-C cancels\n", "\(text.debugDescription)")
    }

    @Test(arguments: [(["TERM": "xterm", "NO_COLOR": "1"], false), (["TERM": "xterm"], true)])
    func noColorDropsTheDim(environment: [String: String], noColorFlag: Bool) {
        let text = shown(environment, noColor: noColorFlag)
        #expect(text.contains("waiting for 127.0.0.1"), "\(text.debugDescription)")
        #expect(!text.contains("\u{1B}[2m") && !text.contains("\u{1B}[0m"), "\(text.debugDescription)")
    }

    @Test func aColourTerminalKeepsTheSpinner() {
        #expect(shown(["TERM": "xterm-256color"]).contains("\u{1B}[2m"))
    }
}
