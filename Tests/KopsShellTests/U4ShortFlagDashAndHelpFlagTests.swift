import KopsShell
import KopsTestSupport
import Testing

/// Session 65's fixB notes: U4's typographic-dash line missed a short flag (`numbers –h`, a chat tool's en dash for `-h`,
/// got "numbers: unexpected argument '–h'; usage: …"), and `help trace --foo` called a flag a subcommand ("'--foo' is no
/// subcommand of trace").
@Suite struct U4ShortFlagDashAndHelpFlagTests {
    @Test(arguments: [("numbers –h", "numbers", "–h"), ("trace —h", "trace", "—h"), ("logs −h", "logs", "−h")])
    func aShortFlagWithATypographicDashIsNamed(_ line: String, _ command: String, _ word: String) {
        let offline = OfflineShell()
        offline.shell.run(line: line)
        #expect(offline.transport.requests.isEmpty)
        #expect(
            offline.output.err
                == "error: \(command): '\(word)' starts with a typographic dash (what chat tools and documents make of '-'); type '-h'\n",
            "\(offline.output.err)")
    }

    /// A one-letter word that names no short flag keeps the command's own answer.
    @Test func anUnknownShortFlagIsLeftAlone() {
        let offline = OfflineShell()
        offline.shell.run(line: "numbers –x")
        #expect(!offline.output.err.contains("typographic"), "\(offline.output.err)")
    }

    @Test func helpCallsAFlagAFlag() {
        let offline = OfflineShell()
        offline.shell.run(line: "help trace --foo")
        #expect(offline.output.err.contains("trace has no flag '--foo': this is trace's page, with the flags it takes"), "\(offline.output.err)")
        #expect(!offline.output.err.contains("subcommand"), "\(offline.output.err)")
    }
}
