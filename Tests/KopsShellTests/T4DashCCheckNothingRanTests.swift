import KopsShell
import KopsTestSupport
import Testing

/// tester53 T4: `-c` that failed the whole-script check said only the line's error, while `kops run FILE` said
/// `nothing ran`: the user could not tell whether a write on an earlier line was sent.
@Suite struct T4DashCCheckNothingRanTests {
    @Test(arguments: [("-c", true), ("t.kops", false)])
    func aScriptRefusedByItsCheckSaysNothingRan(path: String, said: Bool) async throws {
        let (outcome, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let source = "use 100200300400501\nwebhooks create --url https://x.example/zz --events whatsapp.message.received\nbogus"
            let outcome = ScriptRunner(path: path, source: source, allowWrites: true).run(on: shell)
            return (outcome, output.err)
        }
        #expect(outcome.commands == 0 && outcome.failedLine == 3, "\(outcome)")
        #expect(err.hasPrefix("\(path):3: error: unknown command 'bogus'"), "\(err)")
        // `kops run` says it in its summary (`ScriptOutcome.summary`), `-c` on its own line.
        #expect(err.hasSuffix("\nnothing ran\n") == said, "\(err)")
        #expect(outcome.summary == "nothing ran")
    }
}
