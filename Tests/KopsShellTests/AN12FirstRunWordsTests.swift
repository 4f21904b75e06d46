import KopsShell
import KopsTestSupport
import Testing

/// New-user words other tools and chat apps teach (tester63 AN12, tester63b AO12): each gets the line that names what
/// was meant, not the bare usage.
@Suite struct AN12FirstRunWordsTests {
    private func error(_ line: String) -> String {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        #expect(offline.transport.requests.isEmpty)
        return offline.output.err
    }

    /// `messages —all`: chat tools and documents turn `--` into an em dash (main: "unexpected argument '—all'; usage: …").
    @Test(arguments: [
        ("messages —all", "messages: '—all' starts with a typographic dash (what chat tools and documents make of '--'); type '--all'"),
        ("messages –limit=5", "messages: '–limit=5' starts with a typographic dash (what chat tools and documents make of '--'); type '--limit=5'"),
        ("numbers —all", "numbers: unexpected argument '—all'"),
    ])
    func aTypographicDashIsNamed(_ line: String, _ expected: String) {
        #expect(error(line).contains(expected), "\(error(line))")
    }

    /// `health --json` (gh's and the Stripe CLI's spelling) got "see 'help health'".
    @Test func otherToolsJSONFlagNamesOutput() {
        #expect(error("health --json") == "error: health: unknown flag '--json'; did you mean '--output json'?\n")
        #expect(error("numbers --format json") == "error: numbers: unknown flag '--format'; did you mean '--output'?\n")
    }

    /// `help trace extra` showed trace's page and ignored the extra word without a word; a subcommand is still read.
    @Test func helpSaysAWordItDidNotRead() {
        let offline = OfflineShell()
        offline.shell.run(line: "help trace extra")
        #expect(offline.output.out.contains("usage: trace"))
        #expect(offline.output.err.contains("'extra' is no subcommand of trace: this is trace's page"), "\(offline.output.err)")
        let subcommand = OfflineShell()
        subcommand.shell.run(line: "help webhooks create")
        #expect(subcommand.output.out.contains("usage: webhooks"))
        #expect(!subcommand.output.err.contains("no subcommand"), "\(subcommand.output.err)")
    }
}
