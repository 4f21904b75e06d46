import Foundation
import KopsTestSupport
import Testing

/// probe41 P41-4, as a user meets it: a demo transcript pasted into a ticket system that strips HTML comments lost every
/// `<!-- clock: … -->` line, and `kops check` blamed the output ("review the diff, then --update") without a word about
/// them. It now names the blocks that have none, and `--update` adds no clock line the recording did not write.
@Suite struct DemoClockLineTests {
    @Test func aDemoTranscriptWithoutClockLinesSaysSoAndGetsNoneAdded() async throws {
        let (check, update, after) = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-clock-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            let path = folder + "/t.md"
            let run = try ProcessRunner.run(
                "kops", ["--demo", "--no-color", "-c", "record \(path); use 100200300400501; health; explain 131047"],
                environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("<!-- clock: "))
            let stripped = text.components(separatedBy: "\n").filter { !$0.hasPrefix("<!-- clock: ") }.joined(separator: "\n")
            // And one edit, so --update has something to write.
            try stripped.replacingOccurrences(of: "Support Line", with: "Support Lime").write(toFile: path, atomically: true, encoding: .utf8)
            let check = try ProcessRunner.run("kops", ["--no-color", "check", path], environment: environment)
            let update = try ProcessRunner.run("kops", ["--no-color", "check", path, "--update"], environment: environment)
            return (check, update, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(check.status == 1)
        #expect(
            check.stderr.contains(
                " have no '<!-- clock: … -->' line above them (an editor or ticket system may "
                    + "remove such comments), so each was replayed at the instant of the block before: times and 'ago' texts "
                    + "may differ; --update adds no clock line\n"),
            "\(check.stderr)")
        #expect(check.stderr.contains("t.md: the blocks at lines "), "three blocks, named by line: \(check.stderr)")
        #expect(update.status == 0, "\(update.stderr)")
        #expect(after.contains("Support Line") && !after.contains("Support Lime"), "\(after)")
        #expect(!after.contains("<!-- clock: "), "no clock line it did not record: \(after)")
    }
}
