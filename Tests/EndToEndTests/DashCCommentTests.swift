import Foundation
import KopsTestSupport
import Testing

/// Session 33: `kops -c` cut comments off its commands before the shell read them, so a word a `#` dropped was never
/// named (`-c 'whois #100200300400501'` said only "missing id", where the prompt and piped input name the word,
/// P29-19) and a recording lost the comment a user typed (`numbers # note` was recorded as `numbers`). Now each `-c`
/// command reaches the shell as typed and says and records what the same line says and records at the prompt.
@Suite struct DashCCommentTests {
    /// Runs `kops --demo` once with `lines` as `-c` commands and once with them piped (read as at the prompt), each
    /// recording into its own transcript; returns both runs and both transcripts' command blocks.
    private func bothWays(_ lines: [String]) async throws -> (dashC: ProcessResult, piped: ProcessResult, recorded: (String, String)) {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-dashc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let environment = ["XDG_CONFIG_HOME": folder.path + "/config"]
            let dashC = try ProcessRunner.run(
                "kops", ["--demo", "-c", "record \(folder.path)/c.md"] + lines.flatMap { ["-c", $0] }, environment: environment)
            let piped = try ProcessRunner.run(
                "kops", ["--demo"], environment: environment,
                stdin: (["record \(folder.path)/p.md"] + lines).joined(separator: "\n") + "\n")
            let blocks = { (name: String) in
                let text = (try? String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)) ?? ""
                // From the first block on: the header's time and the clock lines differ between the two runs.
                let body = text.components(separatedBy: "\n```kops\n").dropFirst().joined(separator: "\n```kops\n")
                return body.split(separator: "\n").filter { !$0.hasPrefix("<!-- clock:") }.joined(separator: "\n")
            }
            return (dashC, piped, (blocks("c.md"), blocks("p.md")))
        }
    }

    /// The error lines, without their location (`-c:2:` / `<stdin>:3:`). (`-c` checks every command before the first
    /// runs, piped input each as it comes: what ran before an error differs, the error does not.)
    private func errors(_ result: ProcessResult) -> [String] {
        result.stderr.split(separator: "\n").compactMap { line in
            line.range(of: ": error: ").map { "error: " + line[$0.upperBound...] }
        }
    }

    /// Standard error without the lines that name the run's own transcript or the demo's port.
    private func hints(_ result: ProcessResult) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter {
            !$0.hasPrefix("demo: ") && !$0.hasPrefix("recording to ") && !$0.hasPrefix("transcript saved")
        }
    }

    @Test(arguments: [
        ["whois #100200300400501"],
        ["numbers; explain #131047"],
        ["reply --to #14155550142 hi"],
    ])
    func aWordACommentDroppedIsNamedAsAtThePrompt(lines: [String]) async throws {
        let ran = try await bothWays(lines)
        #expect(ran.dashC.status == 64, "\(ran.dashC.stderr)")
        #expect(errors(ran.dashC) == errors(ran.piped), "\(ran.dashC.stderr)\n\(ran.piped.stderr)")
        #expect(ran.dashC.stderr.contains("('#' starts a comment, so '#"), "\(ran.dashC.stderr)")
    }

    @Test func commentsAreRecordedAsTyped() async throws {
        let lines = ["# checking the numbers", "numbers # note; not a command", "explain 131047"]
        let ran = try await bothWays(lines)
        #expect(ran.dashC.status == 0, "\(ran.dashC.stderr)")
        #expect(ran.dashC.stdout == ran.piped.stdout)
        #expect(hints(ran.dashC) == hints(ran.piped))
        #expect(ran.recorded.0.contains("> numbers # note; not a command\n"), "\(ran.recorded.0)")
        #expect(ran.recorded.0 == ran.recorded.1)
    }
}
