import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// fixD's AB12 leftover (tester57): `use kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz` (a key pasted where an id goes) was
/// redacted in the transcript but its terminal error printed it whole: "no phone number in this project matches 'kx9F…zz'".
/// A token-shaped word typed is not echoed by an error line on the terminal either, at the prompt, on a line of several
/// commands and in a script's check before it runs; what the user lists on purpose (`set`) still shows it.
@Suite struct AB12UseTokenTerminalTests {
    static let token = "kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz"

    @Test func useOfATokenSaysRedactedOnTheTerminal() async throws {
        let token = Self.token
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            #expect(shell.run(line: "use \(token)") != .ok)
            #expect(shell.run(line: "numbers; trace \(token)") != .ok)
            return output.err
        }
        let errors = err.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 2, "\(err)")
        #expect(errors.first?.hasPrefix("error: no phone number in this project matches '<redacted>'") == true, "\(err)")
        #expect(errors.last?.contains("'<redacted>'") == true, "\(err)")
        #expect(!err.contains(token.prefix(8)), "\(err)")
    }

    @Test func aScriptsCheckErrorSaysRedacted() {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: "explain 131047; trace \(Self.token)")).run(on: offline.shell)
        #expect(outcome.status != .ok, "\(offline.output.err)")
        #expect(offline.output.err.contains("'<redacted>'"), "\(offline.output.err)")
        #expect(!offline.output.err.contains(Self.token.prefix(8)), "\(offline.output.err)")
    }

    @Test func setStillListsWhatWasTyped() {
        let offline = OfflineShell()
        offline.shell.run(line: "set x \(Self.token)")
        offline.shell.run(line: "set")
        #expect(offline.output.out.contains(Self.token), "\(offline.output.out)")
    }
}
