import ArgumentParser
import Foundation
import Testing

@testable import kops

/// probe34 P34-10: `kops --no-colour` said only "unknown option"; the shell gives a did-you-mean for commands
/// (`help webhook` → 'webhooks'), and kops's own options get one too.
@Suite struct UnknownOptionTests {
    @Test(arguments: [
        (["--no-colour"], "--no-color"), (["--verbos"], "--verbose"), (["--base-ur", "https://api.kapso.ai"], "--base-url"),
    ])
    func aMisspeltOptionGetsTheOneMeant(arguments: [String], meant: String) {
        let line = refusal(arguments)
        #expect(line.contains("unknown option '\(arguments[0])'; did you mean '\(meant)'?"), "\(line)")
    }

    /// Nothing close: where kops's options are listed, as before.
    @Test func anOptionNothingIsCloseToNamesTheHelp() {
        let line = refusal(["--frobnicate-everything"])
        #expect(line.contains("unknown option '--frobnicate-everything'; 'kops --help' lists kops's own options"), "\(line)")
    }

    /// Every long option `kops --help` lists can be suggested.
    @Test func theSuggestedOptionsAreKopssOwn() {
        let help = Kops.helpMessage(columns: 200).components(separatedBy: "OPTIONS:").last ?? ""
        let listed = Set(help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "<" || $0 == "[" })
            .map(String.init).filter { $0.hasPrefix("--") && $0.count > 2 })
        #expect(listed == Set(ScriptOptions.longOptions), "\(listed.symmetricDifference(ScriptOptions.longOptions))")
    }
}
