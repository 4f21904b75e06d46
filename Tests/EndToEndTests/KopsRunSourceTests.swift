import Foundation
import KopsTestSupport
import Testing

/// `kops run` of scripts that source scripts, and `kops check` of a transcript whose blocks an editor touched.
extension KopsRunTests {
    /// probe18 P18-25: `b.kops` beside `a.kops` is found although kops runs in another directory.
    @Test func aSourcedScriptIsReadBesideTheScript() async throws {
        let (result, _) = try await kops(
            ["run", "a.kops"], files: ["a.kops": "explain 131047\nsource b.kops\n", "b.kops": "explain 131026\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("1 command, 0 failed\n2 commands, 0 failed\n"), "\(result.stderr)")
    }

    /// probe18 P18-30: `--allow-writes` on the command line covers the script a `source` line runs.
    @Test func allowWritesReachesASourcedScript() async throws {
        let files = [
            "wtop.kops": "source wsrc.kops\n",
            "wsrc.kops": "use 100200300400501\nwebhooks update 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --active true\n",
        ]
        let (allowed, _) = try await kops(["run", "wtop.kops", "--allow-writes"], files: files)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let (refused, _) = try await kops(["run", "wtop.kops"], files: files)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("'webhooks update' changes data and scripts are read-only; run with --allow-writes"))
    }

    /// probe18 P18-18: a fence with a trailing space is read; a block Markdown shows as text is named by its line and
    /// makes the check partial (exit 1), not silently skipped.
    @Test func checkReadsATouchedFenceAndNamesABlockItCannotRead() async throws {
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\nexplain 131026\n"])
        #expect(recorded.status == 0)
        let transcript = try #require(files["out.md"])
        let trailing = transcript.replacingOccurrences(of: "```kops\n", with: "```kops  \n")
        let (clean, _) = try await kops(["check", "out.md"], files: ["out.md": trailing])
        #expect(clean.stderr == Self.otherAPINote("out.md") + "out.md: 2 commands, output unchanged\n")
        #expect(clean.status == 0)

        var lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let second = try #require(lines.indices.filter { lines[$0] == "```kops" }.last)
        lines[second] = "    ```kops"
        let (partial, _) = try await kops(["check", "out.md"], files: ["out.md": lines.joined(separator: "\n")])
        #expect(
            partial.stderr
                == Self.otherAPINote("out.md")
                + "out.md:\(second + 1): not read: a kops block indented 4 spaces, which Markdown shows as text, not a block; "
                + "indent its fence 3 spaces at most\n"
                + "out.md: 1 command, output unchanged; the replay was partial: 1 block was not read (named above)\n")
        #expect(partial.status == 1)
    }

    /// A transcript that is there but not UTF-8 is named as a transcript, not as a missing script (status 66).
    @Test func checkOfATranscriptThatIsNotUTF8SaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-utf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.md"
        try Data("# kops transcript\n".utf8 + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = try ProcessRunner.run("kops", ["check", path], environment: ["KAPSO_API_KEY": "sk_test_unused_0123"])
        // With the line, column and byte, as for a script (probe38 P38-12).
        #expect(
            result.stderr == "error: cannot read transcript '\(path)': line 2 holds the byte 0xFF (column 1), which is not UTF-8 "
                + "(saved as Latin-1 or Windows-1252?); save the file as UTF-8, as kops writes transcripts\n")
        #expect(result.status == 66)
    }
}
