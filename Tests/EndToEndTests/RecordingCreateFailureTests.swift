import Foundation
import KopsTestSupport
import Testing

/// A bundle or recording whose file cannot be written at all (a full disk: probe20 P20-15) leaves nothing behind:
/// it left an empty file, and the same command, once there was space, was refused "already exists". A file the user
/// had, replaced with --force, stays as it was.
@Suite struct RecordingCreateFailureTests {
    @Test func aFileThatCannotBeWrittenLeavesNothingAndTheRetryWorks() async throws {
        let (full, retried, forced, names, kept) = try await offPool {
            () -> ([ProcessResult], [ProcessResult], ProcessResult, [String], String) in
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-nospace-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = [
                "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "XDG_STATE_HOME": folder + "/state",
                "KOPS": ProcessRunner.executable("kops").path, "FOLDER": folder,
            ]
            // No file kops writes may grow at all, as on a full disk: EFBIG instead of SIGXFSZ (ignored before kops runs).
            let limited = "cd \"$FOLDER\" && trap '' XFSZ && ulimit -f 0 && exec \"$KOPS\" \"$@\" > /dev/null"
            let free = "cd \"$FOLDER\" && exec \"$KOPS\" \"$@\" > /dev/null"
            let commands = ["use 100200300400502; bundle b.md", "record r.md; explain 131047; record stop"]
            let full = try commands.map { try ProcessRunner.run("/bin/sh", ["-c", limited, "sh", "-c", $0], environment: environment) }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "state" }.sorted()
            let retried = try commands.map { try ProcessRunner.run("/bin/sh", ["-c", free, "sh", "-c", $0], environment: environment) }
            try Data("# kops transcript\n\nthe user's own notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/mine.md"))
            let forced = try ProcessRunner.run(
                "/bin/sh", ["-c", limited, "sh", "-c", "use 100200300400502; bundle mine.md --force"], environment: environment)
            return (full, retried, forced, names, try String(contentsOfFile: folder + "/mine.md", encoding: .utf8))
        }
        // Their stderr cannot be read: the limit holds for the file it goes to as well.
        for result in full { #expect(result.status == 1) }
        #expect(names.isEmpty, "no empty file and no temporary one: \(names)")
        for result in retried { #expect(result.status == 0, "\(result.stderr)") }
        #expect(forced.status == 1, "\(forced.stderr)")
        #expect(kept == "# kops transcript\n\nthe user's own notes\n")
    }
}
