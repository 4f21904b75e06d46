import KopsShell
import Testing

/// tester54b W5: `profile add … --key-command 'echo KEY'` was refused as a key written into the command, "its value is not
/// shown: it may hold secrets", and written to the history file in clear: the key is another project's, which the
/// shell's redactor does not know. Such a line stays out of the history; a key command that reads a store is kept.
@Suite struct W5KeyCommandHistoryTests {
    @Test(arguments: [
        "profile add p2 --base-url https://api.kapso.ai --key-command 'echo kp_live_OTHERPROJECT9988'",
        "profile add p2 --key-command=\"printf '%s' abcdef0123456789xyz\"",
        "profile add p2 --key-command 'echo ${K:-plainkey0123}'",
    ])
    func aLiteralKeyCommandStaysOut(line: String) {
        #expect(!HistoryPolicy.allows(line))
    }

    @Test func aKeyCommandThatReadsAStoreIsKept() {
        #expect(HistoryPolicy.allows("profile add p2 --base-url https://api.kapso.ai --key-command 'pass show kapso/prod'"))
    }
}
