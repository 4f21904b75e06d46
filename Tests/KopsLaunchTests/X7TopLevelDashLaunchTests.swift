import Testing

@testable import kops

/// tester66b X7, kops's own command line: `kops –h`, `kops —help` and `kops −h` said "unknown subcommand '–h'; use 'kops
/// run FILE.kops'…" (or "did you mean 'help'?"), while `kops trace –h` got the typographic-dash line. Now kops's own
/// options typed so get it too.
@Suite struct X7TopLevelDashLaunchTests {
    @Test(arguments: [("–h", "-", "-h"), ("—help", "--", "--help"), ("−h", "-", "-h"), ("—demo", "--", "--demo")])
    func kopssOwnOptionWithATypographicDashIsNamed(word: String, typed: String, flag: String) {
        let line = refusal([word])
        #expect(line.hasPrefix("Error: '\(word)' starts with a typographic dash (what chat tools and documents make of '\(typed)'); type '\(flag)'"), "\(line)")
        #expect(!line.contains("unknown subcommand"), "\(line)")
    }

    @Test func anUnknownWordIsStillAnUnknownSubcommand() {
        #expect(refusal(["frobnicate"]).contains("unknown subcommand 'frobnicate'"))
    }
}
