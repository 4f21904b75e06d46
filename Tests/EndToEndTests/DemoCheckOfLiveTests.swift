import Foundation
import KopsTestSupport
import Testing

/// probe38 P38-14: `kops --demo check` of a transcript recorded on a live Kapso API replayed it on the demo's data,
/// called the demo "a live API", and `--update` wrote demo output under the live header. It is refused in one line,
/// status 64, before anything replays, and the file is left as it was (no backup, no rewrite).
@Suite struct DemoCheckOfLiveTests {
    static func transcript(kindLine: String?) -> String {
        ["# kops transcript", "", "- kops: 0.38.0", "- recorded: 2026-12-03T13:05:05Z", "- profile: default", "- api: api.kapso.ai"]
            .joined(separator: "\n") + (kindLine.map { "\n" + $0 } ?? "")
            + "\n- phone number id: none\n- personal data: masked\n\n```kops\nkops(default)> explain 131026\nrecorded on the live API\n```\n"
    }

    @Test(arguments: ["- api kind: Kapso API", nil], [false, true])
    func aLiveTranscriptIsNotCheckedOnTheDemo(kindLine: String?, update: Bool) async throws {
        let text = Self.transcript(kindLine: kindLine)
        let (run, after, files) = try await offPool { () -> (ProcessResult, String, [String]) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p38-14-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("live.md").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let run = try ProcessRunner.run("kops", ["--demo", "check", path] + (update ? ["--update"] : []), environment: ["HOME": folder.path])
            return (run, try String(contentsOfFile: path, encoding: .utf8), try FileManager.default.contentsOfDirectory(atPath: folder.path))
        }
        #expect(run.status == 64, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: check: '") && run.stderr.contains("' was recorded on api.kapso.ai, a live Kapso API"), "\(run.stderr)")
        #expect(run.stderr.contains("check it without --demo"), "\(run.stderr)")
        #expect(!run.stderr.contains("--update"), "\(run.stderr)")
        #expect(run.stdout.isEmpty, "nothing replayed: \(run.stdout)")
        #expect(after == text, "the transcript is as recorded")
        #expect(files.sorted() == ["live.md"], "no backup, no restore file: \(files)")
    }
}
