import Testing

@testable import KopsShell

/// tester66b X7: `kops –h`, `kops —help` and `kops −h` said "unknown subcommand '–h'" (the dash hint came only after a
/// shell command: `kops trace –h`), and `logs -–limit 3` (a hyphen, then an en dash) "invalid subcommand '-–limit'". Now
/// both get the typographic-dash line. (The top level is checked by `KopsLaunchTests.X7TopLevelDashLaunchTests`.)
@Suite struct X7TopLevelTypographicDashTests {
    @Test(arguments: [("-–limit", "--limit"), ("-—limit=3", "--limit=3"), ("–-limit", "--limit")])
    func aHyphenBesideATypographicDashIsNamed(word: String, flag: String) {
        let run = OfflineShell.run("logs", word, "3")
        #expect(run.err.contains("logs: '\(word)' starts with a typographic dash"), "\(run.err)")
        #expect(run.err.contains("type '\(flag)'"), "\(run.err)")
        #expect(!run.err.contains("invalid subcommand"), "\(run.err)")
    }

    @Test(arguments: [("–h", "-h"), ("—help", "--help"), ("−h", "-h"), ("——demo", "--demo")])
    func kopssOwnOptionsAreNamed(word: String, flag: String) {
        #expect(TypographicDash.problem(word, flags: ["--demo"]) == "'\(word)' starts with a typographic dash (what chat tools and documents make of '\(flag.hasPrefix("--") ? "--" : "-")'); type '\(flag)'")
    }
}
