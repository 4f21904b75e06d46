import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Review leftover of AD7/AE3 (session 59): `Shell.reportRefused` (a script line its check refused) and `Shell.run`'s
/// catch had two rules for dropping the last result. The script's rule dropped it after a command kops cannot name (a
/// typo); the prompt's, `-c`'s and piped input's kept it, so `assert` after `mesages` passed on the rows of the line
/// before. One rule (`ShellContext.forgetLastResult(afterFailed:)`) now serves every refused or failed line.
@Suite struct AD7OneForgetRuleTests {
    private func typed(_ lines: [String]) async throws -> (String, String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            for line in lines { shell.run(line: line) }
            return (output.out, output.err)
        }
    }

    /// A mistyped command, an unclosed quote or an unset variable at the prompt leaves no result, as in a script.
    @Test(arguments: [("mesages --limit 20", "mesages"), ("messages --search 'unclosed", "messages"),
        ("messages --search ${nothing_set}", "messages")])
    func anUnreadableLineAtThePromptLeavesNoResult(_ refused: String, named: String) async throws {
        let (out, err) = try await typed(["numbers", refused, "assert .data | length > 0"])
        #expect(!out.contains("ok: .data") && !err.contains("ok: .data"), "\(out)\n\(err)")
        #expect(err.contains("assert: '\(named)' failed and left no result to read"), "\(err)")
    }

    /// A failed `set` drops the result too (tester59b AG12, `AG12EveryFailedCommandForgetsTests`), as a failed
    /// `messages` does.
    @Test func aFailedSetOrCommandDropsTheResult() async throws {
        let (out, err) = try await typed(["numbers", "set on_error sometimes", "assert .data | length > 0"])
        #expect(!(out + err).contains("ok: .data"), "\(out)\n\(err)")
        #expect(err.contains("assert: 'set' failed and left no result to read"), "\(err)")
        let (out2, err2) = try await typed(["numbers", "messages --status faild", "assert .data | length > 0"])
        #expect(!(out2 + err2).contains("ok: .data"), "\(out2)\n\(err2)")
        #expect(err2.contains("assert: 'messages' failed and left no result to read"), "\(err2)")
    }
}
