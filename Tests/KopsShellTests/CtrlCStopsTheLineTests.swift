import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe22 P22-9: Ctrl-C that stops one of a command's look-ups, which the command goes on without (`trace` shows it as
/// `not loaded: cancelled`; `health` and `errors` read no deliveries), stops the script or the line there: before, the
/// next line ran and the script exited 0, the partial output reading as a finding.
@Suite struct CtrlCStopsTheLineTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    /// Runs `text` as a script `h.kops` (or, with `script` false, as one typed line) on Support Line, the first request
    /// whose URL holds `cancelling` stopped as Ctrl-C stops it: the line's status, the script's outcome, stdout, stderr.
    private func run(_ text: String, script: Bool, cancelling: String) async throws
        -> (status: KopsShell.ExitStatus, outcome: ScriptOutcome?, out: String, err: String)
    {
        try await withSimulator { fixture in
            let output = BufferOutput()
            let shell = try CancellingTransport.shell(on: fixture, cancelling: cancelling, pressed: true, output: output)
            if script {
                let outcome = ScriptRunner(path: "h.kops", source: text).run(on: shell)
                return (outcome.status, outcome, output.out, output.err)
            }
            return (shell.run(line: text), nil, output.out, output.err)
        }
    }

    @Test func aScriptStopsAtTheLineCtrlCCut() async throws {
        let ran = try await run("trace \(Self.wamid)\nnumbers\n", script: true, cancelling: "/conversations")
        let outcome = try #require(ran.outcome)
        #expect(outcome.status == .interrupted && outcome.stopped && outcome.commands == 1, "\(outcome)")
        #expect(ran.err.hasSuffix("cancelled at h.kops:1\n"), "\(ran.err)")
        #expect(!ran.out.contains("Support Line  "), "numbers ran after the cut line: \(ran.out)")
    }

    @Test func aLineStopsAtTheCommandCtrlCCut() async throws {
        let ran = try await run("trace \(Self.wamid); numbers", script: false, cancelling: "/conversations")
        #expect(ran.status == .interrupted)
        #expect(ran.err.hasSuffix("stopped with Ctrl-C: what 'trace' showed may be incomplete\n"), "\(ran.err)")
        #expect(!ran.out.contains("Support Line  "), "\(ran.out)")
    }
}
