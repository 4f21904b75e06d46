import KopsShell
import KopsTestSupport
import Testing

/// tester64b U4: a flag typed with an em/en dash was named only where the command's own usage check met it as a stray
/// word; `logs —errors` was an invalid subcommand, `health —output json` took the dash word for the id and blamed 'json'.
/// Every word before `--` that spells a flag (the command's or a global one) with a typographic dash now gets one line.
@Suite struct U4TypographicDashEverywhereTests {
    @Test(arguments: [
        ("logs —errors", "logs", "—errors", "--errors"),
        ("webhooks —output json", "webhooks", "—output", "--output"),
        ("trace —sequential", "trace", "—sequential", "--sequential"),
        ("overview —output json", "overview", "—output", "--output"),
        ("health —output json", "health", "—output", "--output"),
        ("message —output json", "message", "—output", "--output"),
        ("messages –limit 5", "messages", "–limit", "--limit"),
        ("deliveries −−all", "deliveries", "−−all", "--all"),
        ("numbers —help", "numbers", "—help", "--help"),
    ])
    func everyCommandNamesTheDash(_ line: String, _ command: String, _ word: String, _ flag: String) {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        #expect(offline.transport.requests.isEmpty)
        #expect(
            offline.output.err
                == "error: \(command): '\(word)' starts with a typographic dash (what chat tools and documents make of '--'); type '\(flag)'\n",
            "\(offline.output.err)")
    }

    /// After `--` a word is text as typed, and a dash word that names no flag keeps the command's own answer.
    @Test func afterDoubleDashAndUnknownNamesAreLeftAlone() {
        let unknown = OfflineShell()
        unknown.shell.run(line: "numbers —all")
        #expect(unknown.output.err.contains("numbers: unexpected argument '—all'"), "\(unknown.output.err)")
        #expect(!unknown.output.err.contains("typographic"))
        let afterDoubleDash = OfflineShell()
        afterDoubleDash.shell.run(line: "explain -- —help")
        #expect(!afterDoubleDash.output.err.contains("typographic"), "\(afterDoubleDash.output.err)")
    }
}
