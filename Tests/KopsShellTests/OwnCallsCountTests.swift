import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester51 G5: a count of the project's API calls included the calls kops itself made, so it grew with every command
/// (a transcript holding `overview` never passed `kops check`, and `--update` could not fix it) and a quiet project
/// read as busy. kops knows its own calls (its journal marks them "(kops)" in `logs`): the counts leave them out.
@Suite struct OwnCallsCountTests {
    /// The line starting `prefix` of `command`'s output, before and after the `between` lines ran in the same shell.
    static func lines(_ prefix: String, of command: String, around between: [String]) async throws -> (String, String) {
        let (first, second) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            var mark = output.out.count
            _ = shell.run(line: command)
            let first = String(output.out.dropFirst(mark))
            for line in between where shell.run(line: line) != .ok { return (first, "'\(line)' failed: \(output.err)") }
            mark = output.out.count
            _ = shell.run(line: command)
            return (first, String(output.out.dropFirst(mark)))
        }
        let line = { (out: String) in out.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) }
        return (try #require(line(first), "\(first)"), try #require(line(second), "\(second)"))
    }

    @Test func overviewsAPICallCountDoesNotGrowWithKopssOwnCalls() async throws {
        let (before, after) = try await Self.lines(
            "API calls (24h):", of: "overview",
            around: ["numbers", "health 100200300400501", "messages --limit 2", "conversations --limit 2"])
        #expect(before == after, "kops's own calls changed the project's count")
        #expect(before.contains("kops's own calls noted in its state folder not counted"), "\(before)")
    }

    /// The same for `whois`'s "API calls: N … with ID in the path": a `reply`'s send on the number's path is kops's.
    @Test func whoisCountsNoSendKopsMade() async throws {
        let (before, after) = try await Self.lines(
            "API calls:", of: "whois 100200300400501",
            around: ["message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=", "reply Thanks"])
        #expect(before.components(separatedBy: " (").first == after.components(separatedBy: " (").first, "\(before)\n\(after)")
    }
}
