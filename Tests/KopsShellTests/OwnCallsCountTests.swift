import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester51 G5: a count of the project's API calls included the calls kops itself made, so it grew with every command
/// (a transcript holding `overview` never passed `kops check`, and `--update` could not fix it) and a quiet project
/// read as busy. kops knows its own calls (its journal marks them "(kops)" in `logs`): the counts leave them out.
@Suite struct OwnCallsCountTests {
    /// The line of `out` that starts with `prefix`.
    static func line(_ prefix: String, in out: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    @Test func overviewsAPICallCountDoesNotGrowWithKopssOwnCalls() async throws {
        let (first, second) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            var mark = output.out.count
            _ = shell.run(line: "overview")
            let first = String(output.out.dropFirst(mark))
            for line in ["numbers", "health 100200300400501", "messages --limit 2", "conversations --limit 2"] { _ = shell.run(line: line) }
            mark = output.out.count
            _ = shell.run(line: "overview")
            return (first, String(output.out.dropFirst(mark)))
        }
        let before = try #require(Self.line("API calls (24h):", in: first), "\(first)")
        let after = try #require(Self.line("API calls (24h):", in: second), "\(second)")
        #expect(before == after, "kops's own calls changed the project's count")
        #expect(before.contains("kops's own calls not counted"), "\(before)")
    }

    /// The same for `whois`'s "API calls: N … with ID in the path": a `reply`'s send on the number's path is kops's.
    @Test func whoisCountsNoSendKopsMade() async throws {
        let (first, second) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            var mark = output.out.count
            _ = shell.run(line: "whois 100200300400501")
            let first = String(output.out.dropFirst(mark))
            _ = shell.run(line: "message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=")
            let sent = shell.run(line: "reply Thanks")
            mark = output.out.count
            _ = shell.run(line: "whois 100200300400501")
            return (first, sent == .ok ? String(output.out.dropFirst(mark)) : "reply failed: \(output.err)")
        }
        let before = try #require(Self.line("API calls:", in: first), "\(first)")
        let after = try #require(Self.line("API calls:", in: second), "\(second)")
        #expect(before.components(separatedBy: " (").first == after.components(separatedBy: " (").first, "\(before)\n\(after)")
    }
}
