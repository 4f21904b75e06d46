import Foundation
import KopsTestSupport
import Testing

/// A transcript whose file stops taking bytes (a full disk, a file-size limit: probe16 P16-5) is never reported as
/// recorded: the line that hit it fails with one error naming the file and the cause, recording stops, a script stops
/// at that line, and the exit status says so.
@Suite struct RecordingWriteFailureTests {
    struct Outcome: Sendable {
        var shell: ProcessResult
        var script: ProcessResult
        var scriptPath: String
        var transcript: String
    }

    @Test func aTranscriptThatCannotGrowFailsTheLineAndTheRun() async throws {
        let outcome = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-full-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = [
                "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "XDG_STATE_HOME": folder + "/state",
                "KOPS": ProcessRunner.executable("kops").path, "FOLDER": folder,
            ]
            // Files kops writes may grow to 8 blocks of 512 bytes (4 KiB), as on a full disk: a write past it fails with
            // EFBIG instead of SIGXFSZ, which the shell ignores before running kops. Output goes to /dev/null (no limit).
            let limited = "trap '' XFSZ; ulimit -f 8; exec \"$KOPS\" \"$@\" > /dev/null"
            let reads = Array(repeating: "messages", count: 8).joined(separator: "; ")
            let shell = try ProcessRunner.run(
                "/bin/sh", ["-c", limited, "sh", "-c", "record \(folder)/t.md; use 100200300400501; \(reads); record stop"],
                environment: environment)
            let script = folder + "/reads.kops"
            try Data(("use 100200300400501\n" + String(repeating: "messages\n", count: 8) + "health\n").utf8)
                .write(to: URL(fileURLWithPath: script))
            let run = try ProcessRunner.run(
                "/bin/sh", ["-c", limited, "sh", "run", script, "--record", folder + "/r.md"], environment: environment)
            return Outcome(
                shell: shell, script: run, scriptPath: script,
                transcript: try String(contentsOfFile: folder + "/t.md", encoding: .utf8))
        }
        #expect(outcome.transcript.utf8.count <= 4096, "the limit held: \(outcome.transcript.utf8.count) bytes")
        #expect(outcome.shell.status == 1, "\(outcome.shell.stderr)")
        #expect(outcome.shell.stderr.contains("stopped: writing it failed (file too large), so it ends part-way"), "\(outcome.shell.stderr)")
        #expect(!outcome.shell.stderr.contains("stopped recording"), "\(outcome.shell.stderr)")
        #expect(outcome.script.status == 1, "\(outcome.script.stderr)")
        let lines = outcome.script.stderr.split(separator: "\n")
        #expect(
            lines.contains { $0.hasPrefix("\(outcome.scriptPath):") && $0.contains(": error: recording to ") },
            "the script stops at the line that hit the limit: \(outcome.script.stderr)")
        #expect(!outcome.script.stderr.contains("0 failed"), "\(outcome.script.stderr)")
    }
}
