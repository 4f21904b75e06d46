import KopsShell
import KopsTestSupport
import Testing

/// tester50 N5: a script that says `set on_error continue` asked to run on past failing lines, and a line that fails its
/// usage check is one: it fails at its turn (its error at its line) and the lines after it run, where the check before
/// line 1 used to stop the whole file ("nothing ran"). Without `continue` (or after `set on_error stop`) it still does.
@Suite struct OnErrorContinueCheckTests {
    @Test func aLineFailingItsCheckUnderContinueFailsAtItsTurn() {
        let offline = OfflineShell()
        let source = "set on_error continue\npayload sample whatsapp.nothing\nexplain 131047"
        let outcome = ScriptRunner(path: "n5.kops", source: source, allowWrites: false).run(on: offline.shell)
        #expect(outcome.summary == "3 commands, 1 failed", "\(offline.output.err)")
        #expect(outcome.failedLines == [2])
        #expect(outcome.status == .usage)
        #expect(!outcome.stopped)
        #expect(offline.output.err.contains("n5.kops:2: error: payload: "), "\(offline.output.err)")
        #expect(offline.output.out.contains("131047"), "\(offline.output.out)")
    }

    /// The session's `on_error continue` set before the script counts as the script's own.
    @Test func aContinueSetBeforeTheScriptCounts() {
        let offline = OfflineShell()
        offline.shell.context.session.variables["on_error"] = "continue"
        let outcome = ScriptRunner(path: "n5.kops", source: "payload sample whatsapp.nothing\nexplain 131047", allowWrites: false)
            .run(on: offline.shell)
        #expect(outcome.summary == "2 commands, 1 failed", "\(offline.output.err)")
    }

    @Test(arguments: [
        "payload sample whatsapp.nothing\nset on_error continue\nexplain 131047",
        "set on_error continue\nset on_error stop\npayload sample whatsapp.nothing\nexplain 131047",
    ])
    func withoutContinueBeforeItTheCheckStillStopsTheScript(source: String) {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "n5.kops", source: source, allowWrites: false).run(on: offline.shell)
        #expect(outcome.summary == "nothing ran")
        #expect(!offline.output.out.contains("131047"))
    }
}
