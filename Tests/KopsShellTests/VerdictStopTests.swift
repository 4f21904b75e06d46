import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe38 P38-17: a script stopped by a command's verdict (`health` not healthy, `webhooks check` finding errors), not
/// by an error, named no `FILE:LINE`: standard error said only "2 commands, 1 failed", so a CI log did not say which line
/// stopped it or why. Every script stop names its line and what failed, on standard error; nothing after it runs.
@Suite struct VerdictStopTests {
    /// The command on the degraded Sales Line (its webhook not verified), and what its stop line says after its name.
    static let cases: [(command: String, label: String, says: String)] = [
        ("health", "health", "100200300400502 is "),
        ("webhooks check", "webhooks check", "found "),
    ]

    @Test(arguments: [0, 1])
    func aScriptStoppedByAVerdictNamesItsLine(index: Int) async throws {
        let (command, label, says) = Self.cases[index]
        let (outcome, out, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "h.kops", source: "use 100200300400502\n\(command)\nexplain 131026\n").run(on: shell)
            return (outcome, output.out, output.err)
        }
        #expect(outcome.stopped && outcome.failedLine == 2 && outcome.status == .failure, "\(outcome)")
        let stop = try #require(err.split(separator: "\n").first { $0.hasPrefix("h.kops:2: ") }, "no line names h.kops:2: \(err)")
        #expect(stop.hasPrefix("h.kops:2: \(label): \(says)"), "\(stop)")
        #expect(stop.hasSuffix("; the script stops here"), "\(stop)")
        #expect(!out.contains("131026"), "the line after it did not run: \(out)")
    }

    /// A verdict that fails on the script's last command line stops nothing: its line names what failed, without "the
    /// script stops here" (probe40), in a `.kops` file as in `-c` (`WebhookBinaryTests`); a comment or blank line after it
    /// is no command. The outcome is the same failure.
    @Test(arguments: [0, 1])
    func aVerdictFailingOnTheLastLineSaysNoStop(index: Int) async throws {
        let (command, label, says) = Self.cases[index]
        let (outcome, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "h.kops", source: "use 100200300400502\n\(command)\n# done\n\n").run(on: shell)
            return (outcome, output.err)
        }
        #expect(outcome.failedLine == 2 && outcome.status == .failure, "\(outcome)")
        let lines = err.split(separator: "\n").filter { $0.hasPrefix("h.kops:") }
        #expect(lines.count == 1, "\(err)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("h.kops:2: \(label): \(says)"), "\(line)")
        #expect(!err.contains("stops here"), "\(err)")
        if command == "webhooks check" { #expect(line == "h.kops:2: webhooks check: found 2 errors") }
    }

    /// The health stop names the number's status and the checks that did not pass, as its report does.
    @Test func healthSaysTheChecksThatFail() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            _ = ScriptRunner(path: "h.kops", source: "use 100200300400502\nhealth\n").run(on: shell)
            return output.err
        }
        let stop = try #require(err.split(separator: "\n").first { $0.hasPrefix("h.kops:2: ") }, "\(err)")
        #expect(stop.contains("webhook_verified"), "\(stop)")
    }

    /// probe43 P43-15: `health`'s other failing checks (`also failing: webhook_verified`) end its report on standard
    /// output; as a hint on standard error the line stood alone in a script's log, before the `FILE:LINE` line that
    /// names the same checks. Alike in a `.kops` file, under `#! error`, in piped lines and typed at the prompt: standard
    /// error holds the stop line only (none at the prompt), standard output the report with the line at its end.
    @Test(arguments: ["script", "expected", "piped", "prompt"])
    func healthsOtherFailingChecksEndItsReportNotStandardError(how: String) async throws {
        let (out, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            switch how {
            case "script": _ = ScriptRunner(path: "h.kops", source: "use 100200300400502\nhealth\n").run(on: shell)
            case "expected": _ = ScriptRunner(path: "h.kops", source: "use 100200300400502\n#! error\nhealth\n").run(on: shell)
            case "piped": _ = shell.loop(reader: ScriptedLineReader(["use 100200300400502", "health"]), source: "<stdin>")
            default:
                _ = shell.run(line: "use 100200300400502")
                _ = shell.run(line: "health")
            }
            return (output.out, output.err)
        }
        #expect(!err.contains("also failing"), "\(err)")
        let errLines = err.split(separator: "\n")
        switch how {
        case "script": #expect(errLines == ["h.kops:2: health: 100200300400502 is degraded (messaging_health, webhook_verified)"], "\(err)")
        case "expected":
            #expect(errLines == ["h.kops:3: expected error: health: 100200300400502 is degraded (messaging_health, webhook_verified)"], "\(err)")
        case "piped":
            #expect(errLines.count == 1 && errLines[0].hasPrefix("<stdin>:2: health: 100200300400502 is degraded (messaging_health, webhook_verified)"), "\(err)")
        default: #expect(err.isEmpty, "\(err)")
        }
        #expect(out.contains("'webhooks check' says why\nalso failing: webhook_verified\n  cause: "), "\(out)")
    }

    /// Piped lines stop as a script does, and say so with `<stdin>:LINE`.
    @Test func pipedLinesStoppedByAVerdictNameTheirLine() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            _ = shell.loop(reader: ScriptedLineReader(["use 100200300400502", "webhooks check", "explain 131026"]), source: "<stdin>")
            return output.err
        }
        #expect(err.contains("<stdin>:2: webhooks check: found "), "\(err)")
    }

    /// A line that failed with an error names its line once, in the error: no second stop line.
    @Test func aLineThatFailedWithAnErrorIsNotSaidTwice() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            _ = ScriptRunner(path: "h.kops", source: "use 100200300400502\nwebhooks get nope\nexplain 131026\n").run(on: shell)
            return output.err
        }
        #expect(err.components(separatedBy: "h.kops:2:").count == 2, "\(err)")
        #expect(!err.contains("the script stops here"), "\(err)")
    }

    /// Under `set on_error continue` the script goes on: no stop is said, yet every line that failed by its result is
    /// named with its line (probe42 P42-13: "5 commands, 3 failed" named one of the three), in a file as in piped lines.
    @Test func aScriptThatGoesOnNamesEachFailedLine() async throws {
        let (outcome, out, err, piped) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(
                path: "h.kops", source: "set on_error continue\nuse 100200300400502\nhealth\nwebhooks check\nexplain 131026\n").run(on: shell)
            let (other, pipedOutput) = try fixture.shell()
            _ = other.loop(
                reader: ScriptedLineReader(["set on_error continue", "use 100200300400502", "webhooks check", "explain 131026"]),
                source: "<stdin>")
            return (outcome, output.out, output.err, pipedOutput.err)
        }
        #expect(outcome.failedLines == [3, 4] && !outcome.stopped, "\(outcome)")
        #expect(!err.contains("the script stops here"), "\(err)")
        #expect(err.contains("h.kops:3: health: 100200300400502 is "), "\(err)")
        #expect(err.contains("h.kops:4: webhooks check: found 2 errors\n"), "\(err)")
        #expect(out.contains("131026"), "\(out)")
        #expect(piped.contains("<stdin>:3: webhooks check: found 2 errors\n") && !piped.contains("stops here"), "\(piped)")
    }

    /// A `#! error` marker over a line that fails by its result says so as it does over an error (probe42 P42-13: it
    /// was silent): `FILE:LINE: expected error: …`, and the script goes on.
    @Test func anExpectedVerdictFailureIsSaid() async throws {
        let (outcome, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "e.kops", source: "use 100200300400502\n#! error\nhealth\nexplain 131026\n").run(on: shell)
            return (outcome, output.err)
        }
        #expect(outcome.failed == 0 && outcome.status == .ok, "\(outcome)")
        #expect(err.contains("e.kops:3: expected error: health: 100200300400502 is "), "\(err)")
    }
}
