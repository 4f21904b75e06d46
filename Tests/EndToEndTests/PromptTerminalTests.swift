import Foundation
import KopsTestSupport
import Testing

/// The interactive shell in a pseudo-terminal (Python's standard `pty`, as `scripts/tty-test.py` drives it by hand):
/// what a user typing at the prompt gets.
@Suite struct PromptTerminalTests {
    /// Starts `kops --demo` on a PTY with `environment` (TERM unset unless given), types each of `lines` at a prompt,
    /// then `exit`; returns everything the terminal showed.
    private func typed(_ lines: [[UInt8]], environment: [String: String]) async throws -> String {
        try await PseudoTerminal.typed(lines, environment: environment)
    }

    /// probe27 P27-6: a Latin-1 `á` (0xE1) typed under a UTF-8 locale was dropped by the line editor and the rest ran
    /// (`reply` sent "Ol latin1"); now the line is named with its byte and column and does not run. UTF-8 text typed
    /// the same way still arrives whole.
    @Test func aByteThatIsNotUTF8AtThePromptIsNamedAndNotRun() async throws {
        let shown = try await typed(
            [Array("use 100200300400501".utf8),
             Array("reply --to +14155550142 --dry-run Ol".utf8) + [0xE1] + Array(" latin1".utf8),
             Array("reply --to +14155550142 --dry-run Olá utf8".utf8)],
            environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm"])
        // Errors wrap at the terminal's width: read as one line.
        let oneLine = shown.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(oneLine.contains(
            "this line holds the byte 0xE1 (column 37), which is not UTF-8 (typed or saved as Latin-1 or Windows-1252?); "
                + "nothing of it ran"), "\(shown)")
        // The dry run shows the body it would send: none for the refused line, the whole text for the UTF-8 one.
        #expect(!shown.contains("latin1\","), "\(shown)")
        #expect(shown.contains("\"body\": \"Olá utf8\""), "\(shown)")
    }

    /// probe27 P27-12: with TERM unset or empty the shell sent colour escapes that TERM=dumb does not; a terminal that
    /// names itself gets them, so the check can tell.
    @Test(arguments: [(nil, false), ("", false), ("dumb", false), ("xterm", true)] as [(String?, Bool)])
    func colourNeedsATerminalThatNamesItself(term: String?, colour: Bool) async throws {
        var environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        if let term { environment["TERM"] = term }
        let shown = try await typed([Array("state".utf8)], environment: environment)
        #expect(shown.contains("phone_number_id"), "\(shown)")
        let sgr = shown.ranges(of: /\x{1B}\[[0-9;]*m/).count
        #expect((sgr > 0) == colour, "TERM=\(term ?? "(unset)"): \(sgr) colour sequences")
    }
}
