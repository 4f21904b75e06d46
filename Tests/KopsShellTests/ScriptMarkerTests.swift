import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe22 P22-24: a failure a `#! error` marker expects printed as a plain `error:` line (a CI log grepped for
/// `error:` flagged it), and a marker with no command after it, or misspelt, was dropped without a word.
@Suite struct ScriptMarkerTests {
    private func run(_ source: String) -> (outcome: ScriptOutcome, err: String) {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "m.kops", source: source).run(on: offline.shell)
        return (outcome, offline.output.err)
    }

    @Test func anExpectedFailureSaysItWasExpected() {
        let (outcome, err) = run("#! error\n\n# why\nexplain 999999\nexplain 131047")
        #expect(outcome.status == .ok && outcome.failed == 0 && outcome.commands == 2)
        #expect(err.hasPrefix("m.kops:4: expected error: "), "\(err)")
        #expect(!err.contains(": error: "), "\(err)")
        // An unexpected failure still reads as one.
        let (plain, plainErr) = run("explain 999999")
        #expect(plain.status != .ok && plainErr.hasPrefix("m.kops:1: error: "), "\(plainErr)")
    }

    @Test(arguments: [
        ("explain 131047\n#! error", 2),
        ("explain 131047\n#! error\n\n# nothing after it\n", 2),
        ("#! error\n#! error\nexplain 999999", 1),
    ])
    func aMarkerWithNoCommandAfterItIsNamedBeforeLineOne(source: String, line: Int) {
        let (outcome, err) = run(source)
        #expect(outcome.status == .usage && outcome.commands == 0, "\(err)")
        #expect(
            err == "m.kops:\(line): error: '#! error' has no command after it, so it expects nothing to fail; put the "
                + "command that must fail on the next line, or remove the marker\n")
    }

    @Test(arguments: [
        ("#!error", true), ("#! eror", true), ("#!  error", true), ("#! Error", true), ("#! errors", true),
        ("#! fail", false), ("#!", false),
    ])
    func aMisspeltMarkerIsNamedWithTheOneMeant(marker: String, close: Bool) {
        let (outcome, err) = run("explain 131047\n\(marker)\nexplain 999999")
        #expect(outcome.status == .usage && outcome.commands == 0, "\(err)")
        let named = "m.kops:2: error: '\(marker)' is not a marker kops knows"
        #expect(err.hasPrefix(named), "\(err)")
        #expect(err.contains("did you mean '#! error'?") == close, "\(err)")
    }

    /// A shebang on line 1 is no marker; a marker after a line continued with `\` still marks the next command.
    @Test func aShebangAndContinuedLinesStayAsTheyWere() {
        let (outcome, err) = run("#!/usr/bin/env -S kops run\nexplain \\\n  131047\n#! error\nexplain 999999")
        #expect(outcome.status == .ok && outcome.commands == 2, "\(err)")
    }

    /// Piped input is a script read as it comes: its markers mean the same (they were comments, dropped silently).
    @Test(arguments: [
        (["#! error", "", "# why", "explain 999999", "explain 131047"], KopsShell.ExitStatus.ok, "<stdin>:4: expected error: "),
        (["explain 131047", "#! error"], .usage, "<stdin>:2: error: '#! error' has no command after it"),
        (["#! error", "#! error", "explain 999999"], .usage, "<stdin>:1: error: '#! error' has no command after it"),
        (["#!eror", "explain 999999"], .usage, "<stdin>:1: error: '#!eror' is not a marker kops knows; did you mean '#! error'?"),
        (["#! error", "explain 131047"], .failure, "<stdin>:2: error: expected 'explain 131047' to fail (#! error)"),
    ])
    func pipedInputReadsMarkersAsAScriptDoes(lines: [String], status: KopsShell.ExitStatus, err: String) {
        let offline = OfflineShell()
        let result = offline.shell.loop(reader: ScriptedLineReader(lines), source: "<stdin>")
        #expect(result == status, "\(offline.output.err)")
        #expect(offline.output.err.hasPrefix(err), "\(offline.output.err)")
    }
}

extension ScriptMarkerTests {
    /// probe33 P33-8: a `#! error` over a `source` line: the failure inside the sourced script, which is the one
    /// expected, printed as a plain `error:` line while the run passed. It reads `expected error:` too.
    @Test func theFailureOfAScriptSourcedUnderAMarkerIsExpectedToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-marker-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("# inner\nexplain \\\n  999999\nstate\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/inner.kops"))
        try Data("explain 131047\n#! error\nsource sub/inner.kops\nstate\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/outer.kops"))
        let offline = OfflineShell()
        let outcome = try ScriptRunner.load(path: folder + "/outer.kops").run(on: offline.shell)
        let err = offline.output.err.replacingOccurrences(of: folder + "/", with: "")
        #expect(outcome.status == .ok && outcome.failed == 0, "\(err)")
        #expect(err.contains("sub/inner.kops:2: expected error: unknown error code '999999'"), "\(err)")
        #expect(err.contains("outer.kops:3: expected error: source: "), "\(err)")
        #expect(!err.contains(": error: "), "\(err)")
        // Outside a marker, the same sourced failure is a failure.
        let plain = OfflineShell()
        let failed = try ScriptRunner.load(path: folder + "/sub/inner.kops").run(on: plain.shell)
        #expect(failed.status != .ok && plain.output.err.contains("inner.kops:2: error: unknown error code"), "\(plain.output.err)")
    }

    /// probe43 P43-2: a line a `#! error` marker guards that the API did not answer (a 429, a 5xx, no connection)
    /// checked nothing, so it fails as any line does: the script stops there and the marker is said to have checked
    /// nothing; a refusal of the request itself (400) is still the expected failure.
    @Test(arguments: [
        (Result<HTTPResponse, TransportError>.success(HTTPResponse(status: 429, headers: [], body: Array("{\"error\":\"Rate limit exceeded\"}".utf8))), "rate limited (429)"),
        (.success(HTTPResponse(status: 503, headers: [], body: Array("{\"error\":\"unavailable\"}".utf8))), "503"),
        (.failure(TransportError.connect(authority: "api.kapso.ai")), "api.kapso.ai"),
    ])
    func aLineTheAPIDidNotAnswerIsNoExpectedFailure(answer: Result<HTTPResponse, TransportError>, named: String) {
        let output = BufferOutput()
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_offline_0123"), transport: StubTransport([answer]))
        let shell = Shell(context: ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard),
                          renderer: Renderer(), output: output)
        let outcome = ScriptRunner(path: "m.kops", source: "#! error\nnumbers\nexplain 131047\n").run(on: shell)
        #expect(outcome.status != .ok && outcome.failed == 1 && outcome.failedLine == 2 && outcome.commands == 1, "\(output.err)")
        #expect(output.err.hasPrefix("m.kops:2: error: ") && output.err.contains(named), "\(output.err)")
        #expect(output.err.contains(
            "m.kops:2: '#! error' expected this command to fail, but the API did not answer it, so nothing was checked; "
                + "run the script again when the API answers\n"), "\(output.err)")
        #expect(!output.err.contains("expected error:"), "\(output.err)")
        // A request the API refused is the failure the marker expects.
        let refused = BufferOutput()
        let refusing = KapsoClient(
            baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_offline_0123"),
            transport: StubTransport(status: 400, body: "{\"error\":\"bad request\"}"))
        let expected = ScriptRunner(path: "m.kops", source: "#! error\nnumbers\n").run(
            on: Shell(context: ShellContext(session: Session(baseURL: refusing.baseURL), client: refusing, registry: .standard),
                      renderer: Renderer(), output: refused))
        #expect(expected.status == .ok && refused.err.hasPrefix("m.kops:2: expected error: "), "\(refused.err)")
    }
}

/// tester47 L13: a transcript piped in (`kops < t.md`) ran its Markdown as commands ("unknown command '-'" at line 3);
/// `kops run t.md` already said it is a transcript.
@Suite struct PipedTranscriptTests {
    @Test func aPipedTranscriptRunsNothingAndSaysSo() throws {
        let golden = try String(contentsOf: GoldenTranscript.folder.appendingPathComponent("tour.md"), encoding: .utf8)
        let offline = OfflineShell()
        let lines = golden.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let result = offline.shell.loop(reader: ScriptedLineReader(lines), source: "<stdin>")
        #expect(result == .usage)
        #expect(offline.output.err == "<stdin>:1: error: the input is a kops transcript, not a script, so nothing ran; replay it from its file with 'kops check FILE'\n")
        #expect(offline.output.out.isEmpty)
    }

    @Test func aScriptWhoseFirstLineIsAnotherCommentRuns() {
        let offline = OfflineShell()
        let result = offline.shell.loop(reader: ScriptedLineReader(["# kops transcripts are replayed with kops check", "explain 131047"]), source: "<stdin>")
        #expect(result == .ok, "\(offline.output.err)")
        #expect(offline.output.out.contains("131047"))
    }
}

/// tester47 L9: `kops -c 'record x.md; sim advance 10'` without --allow-writes printed only the refusal of line 2, and
/// the user took the recording for started; `-c` prints no summary, so the refusal says nothing before it ran.
@Suite struct CommandLineWriteRefusalTests {
    @Test func theRefusalSaysTheCommandsBeforeItDidNotRunEither() {
        let offline = OfflineShell()
        offline.shell.readOnly = true
        let outcome = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: ["explain 131047; explain 131026", "sim advance 10"]), allowWrites: false)
            .run(on: offline.shell)
        #expect(outcome.status == .usage || outcome.status == .failure, "\(outcome)")
        #expect(offline.output.err.hasSuffix("(nothing ran: not the 2 commands before it either)\n"), "\(offline.output.err)")
        #expect(offline.output.out.isEmpty)
        let alone = OfflineShell()
        alone.shell.readOnly = true
        _ = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: ["sim advance 10"]), allowWrites: false).run(on: alone.shell)
        #expect(alone.output.err.hasSuffix("run with --allow-writes to let it\n"), "\(alone.output.err)")
    }
}
