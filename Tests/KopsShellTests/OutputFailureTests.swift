import Foundation
import KopsShell
import Testing

/// Standard output that stops taking text (probe20 P20-1) fails the command that hit it with one `OutputError` line,
/// stops the command (`stopCommand`, as Ctrl-C would) and the script at that line, whatever `on_error` says.
@Suite struct OutputFailureTests {
    static let error = "cannot write to standard output: no space left on device; what was printed is cut short, so kops stopped"

    @Test func theLineThatHitItFailsAndTheScriptStops() {
        let offline = OfflineShell()
        offline.output.outCapacity = 40
        var stops = 0
        offline.shell.context.stopCommand = { stops += 1 }
        let outcome = ScriptRunner(
            path: "-c", lines: ScriptLine.commands(in: ["set on_error continue", "explain 131047", "explain 131026"])
        ).run(on: offline.shell)
        #expect(outcome.status == .outputFailed)
        #expect(outcome.failedLines == [2] && outcome.commands == 2, "line 3 did not run: \(outcome)")
        #expect(offline.output.err.hasSuffix("-c:2: error: \(Self.error)\n"), "\(offline.output.err)")
        #expect(offline.output.err.components(separatedBy: "standard output").count == 2, "said once")
        #expect(offline.output.out.isEmpty, "nothing of a write that did not fit is kept")
        #expect(stops >= 1, "the command was told to stop")
    }

    @Test func everyLaterCommandFailsSilently() {
        let offline = OfflineShell()
        offline.output.outCapacity = 0
        #expect(offline.shell.run(line: "explain 131047") == .outputFailed)
        #expect(offline.shell.run(line: "explain 131026") == .outputFailed)
        #expect(offline.output.err == "error: \(Self.error)\n")
    }
}
