import Foundation
import KopsTestSupport
import Testing

/// tester51 G9: the first screen of the interactive shell said nothing to a new user: `kops` with no key opened on a
/// bare prompt, and `kops --demo` on its simulator line and the prompt. One line now says what to do (on an 80-column
/// PTY, wrapped at words as error lines are).
@Suite struct FirstScreenTerminalTests {
    /// What the terminal showed before the first prompt, without carriage returns.
    private func firstScreen(flags: [String]) async throws -> String {
        let shown = try await PseudoTerminal.typed(
            [], environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"], columns: 80, promptWait: 30, flags: flags)
        let text = shown.replacingOccurrences(of: "\r", with: "")
        return String(text[..<(text.range(of: ")> ")?.lowerBound ?? text.endIndex)])
    }

    @Test func noKeySaysWhatToDo() async throws {
        let screen = try await firstScreen(flags: [])
        #expect(screen.contains("no API key: export KAPSO_API_KEY=... or try kops --demo; 'help' lists commands"), "\(screen)")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(screen)")
    }

    @Test func theDemoSaysWhereToStart() async throws {
        let screen = try await firstScreen(flags: ["--demo"])
        // Its continuation line is indented under the text (wrapped at words): read as one line.
        let joined = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(joined.contains("API calls stay on this machine; try 'numbers', then 'overview'; 'help' lists commands"), "\(screen)")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(screen)")
    }

    /// Said at a terminal only, where a person reads it: the demo's line under `-c` stays as it was. (A command that calls
    /// the API: `--demo -c 'explain 131047'` starts no simulator since AN17.)
    @Test func notUnderDashC() async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--demo", "-c", "numbers"]) }
        #expect(result.stderr.contains("API calls stay on this machine"), "\(result.stderr)")
        #expect(!result.stderr.contains("try 'numbers'"), "\(result.stderr)")
    }
}
