import KopsShell
import Testing

/// tester69b D5: `profile add p2 … --key-env test_key_0123456789` is refused unsaved as "looks like a key" (its value shown
/// as '…'), and the line was still written to the history file in clear. A `--key-env` value shaped like a key keeps its
/// line out of the history, as a key typed after `--key-command` does (W5); an ordinary variable name is kept.
@Suite struct D5KeyEnvHistoryTests {
    @Test(arguments: [
        "profile add p2 --base-url http://127.0.0.1:18901 --key-env test_key_0123456789",
        "profile add p2 --key-env=live_key_a1b2c3d4e5f6g7",
        "profile add p2 --key-env 'test_key_0123456789'",
    ])
    func aKeyShapedKeyEnvStaysOut(line: String) {
        #expect(!HistoryPolicy.allows(line))
    }

    @Test(arguments: ["ACME_KAPSO_KEY", "kapso_key", "acme_kapso_key_prod", "EAGLE_KAPSO_KEY2"])
    func aVariableNameIsKept(name: String) {
        #expect(HistoryPolicy.allows("profile add p2 --base-url https://api.kapso.ai --key-env \(name)"))
    }
}
