import Foundation
import KopsTestSupport
import Testing

/// The history file's note and warnings at the interactive prompt, on a pseudo-terminal (Python's `pty`, 80 columns).
/// probe38 P38-9: the note on a line kept out of the history was left to the terminal to wrap (`sec|ret` at 80
/// columns) while the error right under it wrapped at words; P38-8: a history folder kops cannot use was said at start
/// and again, unwrapped, at the first line.
@Suite struct HistoryNoticeTerminalTests {
    /// Starts `kops --demo` on an 80-column PTY, types `lines`, then `exit`; everything the terminal was sent.
    private func typed(_ lines: [String], environment: [String: String]) async throws -> String {
        try await PseudoTerminal.typed(
            lines.map { Array($0.utf8) },
            environment: environment.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"]) { $1 }, columns: 80,
            promptWait: 30)
    }

    /// The lines the terminal was sent, without carriage returns.
    private func lines(_ shown: String) -> [String] {
        shown.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    @Test func theHistoryNoteWrapsAtWords() async throws {
        let shown = try await typed(["verify --secret plainsecretvalue2026 --signature 00 --body x"], environment: [:])
        let note = lines(shown).filter { $0.hasPrefix("note: that line is not saved in the history file") }
        #expect(note.count == 1, "\(shown)")
        #expect(note.allSatisfy { $0.count <= 80 }, "the note wraps at 80 columns: \(note)")
        #expect(!shown.contains("sec\nret") && !shown.contains("sec\r\nret"), "\(shown)")
    }

    @Test func aHistoryFolderKopsCannotUseIsSaidOnce() async throws {
        let shown = try await typed(["explain 131026", "explain 131047"], environment: ["XDG_STATE_HOME": "/proc/kops-none"])
        let said = lines(shown).filter { $0.contains("history") && $0.hasPrefix("warning: ") }
        #expect(said.count == 1, "\(shown)")
        #expect(lines(shown).allSatisfy { !$0.hasPrefix("warning: ") || $0.count <= 80 }, "\(shown)")
    }
}
