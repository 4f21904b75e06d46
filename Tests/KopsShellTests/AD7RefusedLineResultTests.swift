import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester58 AD7: under `set on_error continue`, a line the script's check refused before running it (a bad flag value,
/// an unknown flag) left the previous command's result in place: the next `assert` printed `ok:` against `numbers`' rows
/// and `capture` stored a phone-number id where a message id was meant. A refused line leaves no result, as a failed one.
@Suite struct AD7RefusedLineResultTests {
    private func run(_ source: String) async throws -> (ScriptOutcome, String, String) {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome, output.out, output.err)
        }
    }

    @Test(arguments: ["messages --status faild --limit 20", "messages --limt 20"])
    func anAssertAfterARefusedLineDoesNotReadTheLineBefore(_ refused: String) async throws {
        let (outcome, out, err) = try await run(
            "set on_error continue\nnumbers\n\(refused)\nassert .data | length > 0\ncapture .data[0].id as x\nset")
        #expect(!out.contains("ok: .data") && !err.contains("ok: .data"), "\(out)\n\(err)")
        #expect(err.contains("t.kops:4: error: assert: 'messages' failed and left no result to read"), "\(err)")
        #expect(!out.contains("x = 1002003004005") && !err.contains("x = 1002003004005"), "\(out)\n\(err)")
        #expect(outcome.failedLines == [3, 4, 5], "\(err)")
    }

    /// tester58b AE3: a line whose command kops cannot name (a typo, an unclosed quote) leaves no result either.
    @Test(arguments: [("mesages --limit 20", "mesages"), ("messages --search 'unclosed", "messages")])
    func anAssertAfterAnUnreadableLineDoesNotReadTheLineBefore(_ refused: String, named: String) async throws {
        let (_, out, err) = try await run("set on_error continue\nnumbers\n\(refused)\nassert .data | length > 0")
        #expect(!out.contains("ok: .data") && !err.contains("ok: .data"), "\(out)\n\(err)")
        #expect(err.contains("t.kops:4: error: assert: '\(named)"), "\(err)")
    }

    /// A refused line of a command that keeps no result (`set`) drops the last result too (tester59b AG12).
    @Test func aRefusedSetDropsTheResult() async throws {
        let (outcome, out, err) = try await run("set on_error continue\nnumbers\nset on_error sometimes\nassert .data | length > 0")
        #expect(!(out + err).contains("ok: .data"), "\(out)\n\(err)")
        #expect(err.contains("t.kops:4: error: assert: 'set' failed and left no result to read"), "\(err)")
        #expect(outcome.failedLines == [3, 4], "\(err)")
    }
}
