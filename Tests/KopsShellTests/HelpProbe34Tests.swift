import KopsShell
import KopsTestSupport
import Testing

/// probe34 P34-10: what a new engineer types in the first minutes: `help webhooks create`, `help log search`,
/// `help 131047` and `numbers -h` were usage errors.
@Suite struct HelpProbe34Tests {
    /// A subcommand's words after the command show the command's page, as `webhooks create --help` does.
    @Test func helpOfASubcommandShowsItsCommandsPage() async throws {
        let runs = try await runDemo(["help webhooks create", "help webhooks", "webhooks create --help"], number: nil)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out == runs[1].out && runs[0].out.hasPrefix("usage: webhooks"), "\(runs[0].out)")
        #expect(runs[2].out == runs[1].out)
    }

    /// A topic's words typed apart find it: `help log search` is `help log-search`.
    @Test(arguments: [("help log search", "help log-search"), ("help exit codes", "help exit-codes")])
    func aTopicsWordsTypedApartFindIt(typed: String, topic: String) async throws {
        let runs = try await runDemo([typed, topic], number: nil)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(!runs[0].out.isEmpty && runs[0].out == runs[1].out, "\(runs[0].out)\(runs[0].err)")
    }

    /// An error code shows what `explain` says of it, and names `explain`.
    @Test func helpOfAnErrorCodeShowsItsExplanation() async throws {
        let runs = try await runDemo(["help 131047", "explain 131047"], number: nil)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out == runs[1].out && !runs[0].out.isEmpty, "\(runs[0].out)")
        #expect(runs[0].err.contains("'explain 131047' shows this"), "\(runs[0].err)")
    }

    /// A word that is no command, topic or code is still refused with "did you mean".
    @Test func anUnknownWordIsStillRefused() async throws {
        let ran = try await runDemo("help webhook", number: nil)
        #expect(ran.status == 64)
        #expect(ran.err.contains("did you mean 'webhooks'?"), "\(ran.err)")
    }

    /// `-h` is `--help` for every command, and `help -h` is help's own page.
    @Test func dashHIsHelp() async throws {
        let names = CommandRegistry.standard.commands.map { $0.name }
        let runs = try await runDemo(names.flatMap { ["\($0) -h", "help \($0)"] } + ["help -h", "help help"], number: nil)
        for (index, name) in (names + ["help"]).enumerated() {
            let (dash, page) = (runs[2 * index], runs[2 * index + 1])
            #expect(dash.status == 0 && dash.out == page.out && dash.out.hasPrefix("usage: "), "\(name) -h: \(dash.out)\(dash.err)")
        }
    }

    /// A script and -c are checked whole before they run: `-h` passes that check as `--help` does.
    @Test func dashHPassesTheScriptCheck() async throws {
        let (failed, text) = try await withSimulator { fixture -> (Int?, String) in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "-c", source: "numbers -h; webhooks create -h").run(on: shell)
            return (outcome.failedLine, output.combined)
        }
        #expect(failed == nil, "\(text)")
        #expect(text.hasPrefix("usage: numbers") && text.contains("usage: webhooks"), "\(text)")
    }
}
