import Foundation
import KopsTestSupport
import Testing

/// tester53 T17: `record` without a name twice in one second refused its own generated name ("already exists; add
/// --append …, --force to replace it"), offering to destroy the transcript made a second ago. The second gets `-2`, as
/// `bundle`'s default name does.
@Suite struct T17RecordDefaultNameTests {
    @Test func twoRecordingsWithoutANameInOneSecondGetTwoFiles() async throws {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-t17-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // Three in a row: one second cannot hold them all apart by its stamp alone, whatever the clock does.
            let script = ["131047", "131026", "131049"].map { "record; explain \($0); record stop" }.joined(separator: "; ")
            let ran = try ProcessRunner.run(
                "/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", folder.path, ProcessRunner.executable("kops").path, "-c", script])
            #expect(ran.status == 0, "\(ran.stderr)")
            #expect(!ran.stderr.contains("already exists"), "\(ran.stderr)")
            let transcripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            #expect(transcripts.count == 3, "\(transcripts)")
            #expect(transcripts.allSatisfy { $0.hasPrefix("kops-") }, "\(transcripts)")
            let texts = try transcripts.map { try String(contentsOfFile: folder.path + "/" + $0, encoding: .utf8) }
            #expect(["131047", "131026", "131049"].allSatisfy { code in texts.filter { $0.contains("explain \(code)") }.count == 1 })
        }
    }
}
