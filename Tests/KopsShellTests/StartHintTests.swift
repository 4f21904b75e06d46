import KopsShell
import Testing

/// tester51 G9: the line the interactive shell opens with when no key is at hand, for each way it can be missing.
@Suite struct StartHintTests {
    @Test func eachMissingKeyGetsItsLine() {
        #expect(
            StartHint.line(key: .none(profile: nil), profiles: [], environment: [:])
                == "no API key: export KAPSO_API_KEY=... or try kops --demo; 'help' lists commands")
        #expect(StartHint.line(key: .none(profile: nil), profiles: ["acme"], environment: [:])?.contains("'profile use NAME' (acme)") == true)
        #expect(StartHint.line(key: .none(profile: "acme"), profiles: ["acme"], environment: [:])?.hasPrefix("profile 'acme' names no API key") == true)
        #expect(
            StartHint.line(key: .variable("ACME_KEY", profile: "acme"), profiles: ["acme"], environment: [:])
                == "profile 'acme' reads its API key from ACME_KEY, which is not set: export ACME_KEY=...; 'help' lists commands")
        // A key in hand, or in a variable that is set or a command (run at the first request): nothing to say.
        #expect(StartHint.line(key: .variable("ACME_KEY", profile: "acme"), profiles: ["acme"], environment: ["ACME_KEY": "k"]) == nil)
        #expect(StartHint.line(key: .command("pass kapso", profile: "acme"), profiles: ["acme"], environment: [:]) == nil)
    }
}
