import KopsShell
import KopsTestSupport
import Testing

/// probe46 P46-3: `${NAME}` set by an earlier `;` command of the same line is read when its command runs, in the shell,
/// piped input and scripts, as `-c` reads it; the line is still checked whole first, and a recording keeps each command as
/// it ran with its secret masked.
@Suite struct SameLineVariableTests {
    @Test func aVariableSetEarlierOnTheLineIsReadWhenItsCommandRuns() async throws {
        let ran = try await runDemo(["set n 100200300400501; use ${n}", "set x 1; set y ${x}${x}; set"], number: nil)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("100200300400501") && !ran[0].err.contains("unset variable"), "\(ran[0].out)\(ran[0].err)")
        #expect(ran[1].status == 0 && ran[1].out.contains("y: 11"), "\(ran[1].out)\(ran[1].err)")
    }

    @Test func aScriptCapturesAndUsesOnOneLine() async throws {
        let (outcome, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let outcome = ScriptRunner(path: "line.kops", source: "messages --limit 2; capture .data[0].id as w; message ${w}\n").run(on: shell)
            return (outcome, output.err)
        }
        #expect(outcome.failed == 0 && outcome.status == .ok, "\(err)")
        #expect(!err.contains("unset variable"), "\(err)")
    }

    /// A name used before the command that sets it, or set nowhere: refused before anything on the line runs.
    @Test(arguments: ["use ${n}; set n 100200300400501", "set m 1; use ${n}"])
    func aNameNotSetBeforeItsCommandRunsNothing(_ line: String) async throws {
        let ran = try await runDemo([line, "set"], number: nil)
        #expect(ran[0].status != 0)
        #expect(ran[0].err.contains("unset variable 'n'"), "\(ran[0].err)")
        #expect(!ran[1].out.contains("m: 1") && !ran[1].out.contains("n: 100200300400501"), "\(ran[1].out)")
    }

    /// Each command is recorded as it ran, the secret set on the line masked where it is used.
    @Test func theRecordingKeepsEachCommandAsItRan() async throws {
        let text = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "set n 100200300400501; set key whsec_abcdefghijklmnopqrstuv; whois ${n}; verify --secret ${key} --body x --signature y")
            return recorder.text
        }
        let commands = TranscriptParser(text).commands.map(\.command)
        #expect(commands.contains("whois 100200300400501"), "\(commands)")
        #expect(!text.contains("whsec_abcdefghijklmnopqrstuv") && !text.contains("${n}"), "\(text)")
    }
}
