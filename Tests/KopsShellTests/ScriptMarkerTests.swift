import Foundation
import KopsShell
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
        let (outcome, err) = run("#! error\n\n# why\nuse 999\nexplain 131047")
        #expect(outcome.status == .ok && outcome.failed == 0 && outcome.commands == 2)
        #expect(err.hasPrefix("m.kops:4: expected error: "), "\(err)")
        #expect(!err.contains(": error: "), "\(err)")
        // An unexpected failure still reads as one.
        let (plain, plainErr) = run("use 999")
        #expect(plain.status != .ok && plainErr.hasPrefix("m.kops:1: error: "), "\(plainErr)")
    }

    @Test(arguments: [
        ("explain 131047\n#! error", 2),
        ("explain 131047\n#! error\n\n# nothing after it\n", 2),
        ("#! error\n#! error\nuse 999", 1),
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
        let (outcome, err) = run("explain 131047\n\(marker)\nuse 999")
        #expect(outcome.status == .usage && outcome.commands == 0, "\(err)")
        let named = "m.kops:2: error: '\(marker)' is not a marker kops knows"
        #expect(err.hasPrefix(named), "\(err)")
        #expect(err.contains("did you mean '#! error'?") == close, "\(err)")
    }

    /// A shebang on line 1 is no marker; a marker after a line continued with `\` still marks the next command.
    @Test func aShebangAndContinuedLinesStayAsTheyWere() {
        let (outcome, err) = run("#!/usr/bin/env -S kops run\nexplain \\\n  131047\n#! error\nuse 999")
        #expect(outcome.status == .ok && outcome.commands == 2, "\(err)")
    }

    /// Piped input is a script read as it comes: its markers mean the same (they were comments, dropped silently).
    @Test(arguments: [
        (["#! error", "", "# why", "use 999", "explain 131047"], KopsShell.ExitStatus.ok, "<stdin>:4: expected error: "),
        (["explain 131047", "#! error"], .usage, "<stdin>:2: error: '#! error' has no command after it"),
        (["#! error", "#! error", "use 999"], .usage, "<stdin>:1: error: '#! error' has no command after it"),
        (["#!eror", "use 999"], .usage, "<stdin>:1: error: '#!eror' is not a marker kops knows; did you mean '#! error'?"),
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
}
