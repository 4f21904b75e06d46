import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Scripts against the demo seed: each failure kind stops at its line with its message and status.
@Suite struct ScriptRunnerTests {
    struct Run: Sendable {
        var outcome: ScriptOutcome
        var err: String
        var out: String
    }

    private func run(_ source: String, allowWrites: Bool = false, environment: [String: String] = [:]) async throws
        -> Run
    {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.environment = environment
            let outcome = ScriptRunner(path: "t.kops", source: source, allowWrites: allowWrites).run(on: shell)
            return Run(outcome: outcome, err: output.err, out: output.out)
        }
    }

    @Test(arguments: [
        (
            "numbers\nfrobnicate", 2, KopsShell.ExitStatus.usage,
            "t.kops:2: error: unknown command 'frobnicate'; type 'help' for the list"
        ),
        (
            "#! error\nhealth 100200300400502\n\n# the number is degraded\nassert .status == healthy", 5, .failure,
            "t.kops:5: error: assert .status == healthy failed: actual \"degraded\""
        ),
        (
            "state\nwebhooks delete 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", 2, .failure,
            "t.kops:2: error: 'webhooks delete' changes data and scripts are read-only; run with --allow-writes to let it"
        ),
        (
            "use ${env:KOPS_TEST_UNSET}", 1, .usage,
            "t.kops:1: error: environment variable KOPS_TEST_UNSET is not set; export KOPS_TEST_UNSET=... before running kops"
        ),
        (
            "webhooks get \\\n  ${hook}", 1, .usage,
            "t.kops:1: error: unset variable 'hook'; set it with 'set hook VALUE' or 'kops run --var hook=VALUE'"
        ),
        // P10-8: the comment's trailing `\` used to swallow line 2, and the script passed.
        (
            "numbers   # list them \\\nfrobnicate", 2, .usage,
            "t.kops:2: error: unknown command 'frobnicate'; type 'help' for the list"
        ),
        // A failed command leaves no result: capture read the line before's (`numbers`) as its own.
        (
            "numbers\n#! error\nwebhooks get 3d4e5f6a-0000-4000-8000-000000000000\ncapture .data[0].id as hook", 4, .failure,
            "t.kops:4: error: capture: 'webhooks get' failed and left no result to read; fix it and run it again first"
        ),
        // P12-9: after `help` (a result without data) it said "no result to check yet" though a line had run.
        (
            "webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --output json\nhelp\nassert .active == true", 3, .failure,
            "t.kops:3: error: assert: the last command, 'help', returned no data to read; run a command that returns data first"
        ),
        (
            "assert .active == true", 1, .failure,
            "t.kops:1: error: assert: no result to check yet; run a command that returns data first"
        ),
        (
            "#! error\nstate", 2, .failure,
            "t.kops:2: error: expected 'state' to fail (#! error) but it succeeded; fix the command or remove the marker"
        ),
    ])
    func stopsAtTheFailingLine(_ source: String, _ line: Int, _ status: KopsShell.ExitStatus, _ message: String)
        async throws
    {
        let run = try await run(source + "\nhelp state\n")
        #expect(run.err.split(separator: "\n").last.map(String.init) == message)
        #expect(run.outcome.failedLine == line)
        #expect(run.outcome.status == status)
        #expect(run.outcome.failed == 1)
        #expect(!run.out.contains("usage: state"), "the line after the failure ran")
    }

    @Test func aFailedRequestStopsWithTheAPIsMessage() async throws {
        let run = try await run("# a webhook that does not exist\nwebhooks get 00000000-0000-4000-8000-000000000000\nstate")
        #expect(
            run.err == "t.kops:2: error: webhook 00000000-0000-4000-8000-000000000000 was not found; webhook ids: "
                + "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92, 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81, "
                + "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70, 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e, "
                + "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f, 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n")
        #expect(run.outcome.failedLine == 2)
        #expect(run.outcome.status == .failure)
        #expect(run.outcome.commands == 1)
    }

    @Test func onErrorContinueRunsOnAndCountsFailures() async throws {
        let run = try await run("set on_error continue\nhealth\n#! error\nhelp nope\nassert .a == 1\nstate")
        #expect(run.outcome.summary == "5 commands, 2 failed")
        #expect(run.outcome.failedLine == 2)
        #expect(run.outcome.status == .failure)
        #expect(run.out.contains("api:"))
    }

    /// tester50 N5: the script asked to run on past failing lines, and a line failing the check before line 1 is one:
    /// it fails at its turn, unrun, with the check's error (it used to stop the whole file, "nothing ran"). Without
    /// `set on_error continue` the check still stops the script before line 1 (`UsageBeforeRunTests`).
    @Test func aMalformedLineUnderOnErrorContinueFailsAtItsTurn() async throws {
        let run = try await run("set on_error continue\nnumbers\nstate\nfrobnicate")
        #expect(run.outcome.summary == "4 commands, 1 failed")
        #expect(run.outcome.failedLine == 4)
        #expect(run.outcome.status == .usage)
        #expect(run.out.contains("NUMBER"))
        #expect(run.err.contains("t.kops:4: error: unknown command 'frobnicate'; type 'help' for the list\n"), "\(run.err)")
    }

    @Test func capturesAndInterpolatesValues() async throws {
        let run = try await run(
            """
            webhooks --scope project --per-page 2
            assert .data | length == 2
            capture .data[1].id as hook
            webhooks get ${hook}
            assert .id == ${hook}
            assert .secret_key contains …
            set who "Sales Line"
            use 100200300400502
            assert .name == ${who}
            """)
        #expect(run.outcome.failedLine == nil, "\(run.err)")
        #expect(run.outcome.commands == 9)
    }

    @Test func writesRunWithAllowWrites() async throws {
        let run = try await run("#! error\nwebhooks get 00000000-0000-4000-8000-000000000000", allowWrites: true)
        #expect(run.outcome.failedLine == nil)
    }

    @Test func aMissingScriptIsStatus66() {
        #expect(throws: ScriptError.scriptNotFound(path: "/nonexistent/x.kops", reason: "no such file")) {
            try ScriptRunner.load(path: "/nonexistent/x.kops")
        }
        #expect(ScriptError.scriptNotFound(path: "x", reason: "r").exitStatus == .noInput)
    }

    /// A transcript given to `kops run` (or `source`) is named as one, with the command that replays it (probe18
    /// P18-16: its Markdown ran as commands and the error was "unknown command '-'").
    @Test func aTranscriptGivenToRunPointsToCheck() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-t-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("\u{FEFF}# kops transcript\r\n\r\n- kops: 1\r\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ScriptError.transcriptNotScript(path: path)) { try ScriptRunner.load(path: path) }
        #expect(
            ScriptError.transcriptNotScript(path: "f1.md").message
                == "'f1.md' is a kops transcript, not a script; replay it with 'kops check f1.md'")
        #expect(ScriptError.transcriptNotScript(path: "f1.md").exitStatus == .usage)
    }

    /// tester46 L1: a line of three `;` commands ended "1 command, 0 failed"; the summary counts commands. A line that
    /// fails at its second command counts the two that started.
    @Test(arguments: [
        ("set n 100200300400502; use ${n}; messages --limit 2", 3, 0),
        ("set n 100200300400502; use ${n}\nmessages --limit 2\nnumbers; state", 5, 0),
        ("set on_error continue\nnumbers; assert .data[0].id == nope; state", 3, 1),
    ] as [(String, Int, Int)])
    func theSummaryCountsCommandsNotLines(source: String, commands: Int, failed: Int) async throws {
        let run = try await run(source)
        #expect(run.outcome.commands == commands && run.outcome.failed == failed, "\(run.outcome) \(run.err)")
        #expect(run.outcome.summary == "\(commands) commands, \(failed) failed")
    }
}
