import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester59b AG12: `source MISSING.kops` and `set x` (missing VALUE) failed and still left the result of the line
/// before, so `assert` printed `ok:` and `capture` stored a phone-number id from `numbers`. Every failed command now
/// drops the last result (`ShellContext.forgetLastResult(afterFailed:)`), but for `assert` and `capture`, which read it:
/// one that fails leaves it to the next.
@Suite struct AG12EveryFailedCommandForgetsTests {
    private func run(_ source: String) async throws -> (ScriptOutcome, String, String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome, output.out, output.err)
        }
    }

    @Test(arguments: [("source nosuch-ag12.kops", "source"), ("set x", "set"), ("unset", "unset")])
    func aFailedScriptCommandLeavesNoResult(_ failing: String, named: String) async throws {
        let (outcome, out, err) = try await run(
            "set on_error continue\nnumbers\n\(failing)\nassert .data | length > 0\ncapture .data[0].id as x")
        #expect(!(out + err).contains("ok: .data"), "\(out)\n\(err)")
        #expect(!(out + err).contains("x = 1002003004005"), "\(out)\n\(err)")
        #expect(err.contains("t.kops:4: error: assert: '\(named)' failed and left no result to read"), "\(err)")
        #expect(outcome.failedLines == [3, 4, 5], "\(err)")
    }

    /// A failed `assert` is about the result it read: the next `assert` and `capture` read it still.
    @Test func aFailedAssertLeavesTheResult() async throws {
        let (outcome, out, err) = try await run(
            "set on_error continue\nnumbers\nassert .data | length > 1000\nassert .data | length > 0\ncapture .data[0].id as x")
        #expect((out + err).contains("ok: .data | length > 0"), "\(out)\n\(err)")
        #expect((out + err).contains("x = 1002003004005"), "\(out)\n\(err)")
        #expect(outcome.failedLines == [3], "\(err)")
    }
}
