import Foundation
import KopsTestSupport
import Testing

/// probe38 P38-3: a transcript rewrote the bad-base-URL error: `KAPSO_API_BASE_URL=api.kapso.ai` was recorded as "the
/// API base URL 'http://api.kapso.ai' … has no scheme; add https://, e.g. https://http://api.kapso.ai", unlike the
/// terminal's line, because the recorder wrote the base URL as the header's host wherever the text held it. The
/// recorded line is the line shown (less the script location); a session that reached no API is no "Kapso API".
@Suite struct RecordedBaseURLErrorTests {
    @Test(arguments: ["api.kapso.ai", "htps://api.kapso.ai", "api.kapso.ai/platform/v1"])
    func theRecordedErrorIsTheErrorShown(base: String) async throws {
        let (err, transcript) = try await offPool { () -> (String, String) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p38-3-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("u.md").path
            let run = try ProcessRunner.run(
                "kops", ["-c", "record \(path); numbers"],
                environment: ["KAPSO_API_KEY": "abc", "KAPSO_API_BASE_URL": base, "HOME": folder.path])
            return (run.stderr, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        }
        let shown = try #require(err.split(separator: "\n").first { $0.hasPrefix("-c:2: error: ") }, "\(err)")
        let recorded = String(shown.dropFirst("-c:2: ".count))
        #expect(transcript.contains("\n" + recorded + "\n"), "recorded otherwise than shown:\n\(transcript)")
        #expect(!transcript.contains("https://http"), "\(transcript)")
        #expect(!transcript.contains("- api kind: Kapso API"), "\(transcript)")
    }
}
