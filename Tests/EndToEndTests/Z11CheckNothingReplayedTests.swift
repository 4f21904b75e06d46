import Foundation
import KopsTestSupport
import Testing

/// tester56 Z11: a transcript none of whose commands could be replayed (a `source` line, kept as recorded) ended
/// "1 command, output unchanged; it was not replayed (1 for another reason)" with exit 0, which a CI job reads as
/// "still reproduces the same", though nothing was compared, even after the sourced script changed.
@Suite struct Z11CheckNothingReplayedTests {
    let run = KopsRunTests()

    @Test func aTranscriptWithNothingReplayedChecksNothingAndSaysSo() async throws {
        let (recorded, files) = try await run.kops(
            ["run", "t.kops"], files: ["t.kops": "record out.md\nsource inner.kops\nrecord stop\n", "inner.kops": "explain 131047\n"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let (check, _) = try await run.kops(["check", "out.md"], files: ["out.md": transcript, "inner.kops": "explain 131026\n"])
        #expect(check.stderr.contains("out.md:"), "\(check.stderr)")
        #expect(!check.stderr.contains("output unchanged"), "\(check.stderr)")
        #expect(
            check.stderr.hasSuffix(
                "out.md: nothing was checked: its 1 command was not replayed (1 for another reason); the lines above say why\n"),
            "\(check.stderr)")
        #expect(check.status == 64, "\(check.stderr)")
    }

    /// One command replayed and one kept as recorded is a check of the one: unchanged, 0, as before.
    @Test func oneCommandReplayedIsStillACheck() async throws {
        let (recorded, files) = try await run.kops(
            ["run", "t.kops"],
            files: ["t.kops": "record out.md\nexplain 131047\nsource inner.kops\nrecord stop\n", "inner.kops": "explain 131047\n"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let (check, _) = try await run.kops(["check", "out.md"], files: ["out.md": transcript, "inner.kops": "explain 131047\n"])
        #expect(check.stderr.hasSuffix("out.md: 2 commands, output unchanged; 1 of them was not replayed (1 for another reason)\n"), "\(check.stderr)")
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// tester56b (Z11's residual): a transcript with no commands (its header kept, its blocks deleted) exited 1, "a
    /// command failed", while one none of whose commands was replayed exits 64: both checked nothing.
    @Test func aTranscriptWithNoCommandsExitsAsOneWithNothingReplayed() async throws {
        let (recorded, files) = try await run.kops(["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\n"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let header = String(transcript[..<(try #require(transcript.range(of: "```kops"))).lowerBound])
        let (check, _) = try await run.kops(["check", "notes.md"], files: ["notes.md": header])
        #expect(check.stderr.hasSuffix("notes.md: no commands recorded, so nothing was checked; record some with 'record FILE' "
            + "or 'kops run SCRIPT --record FILE'\n"), "\(check.stderr)")
        #expect(check.status == 64, "\(check.stderr)")
    }
}
