import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// probe18 P18-8: kops ended by a signal while a recorded command runs (an ssh session that drops: SIGHUP; a kill:
/// SIGTERM; `kops … | head`: SIGPIPE) closes the open block with a line that says so, then ends by that signal; the
/// file stays a transcript `kops check` replays, keeping that block as recorded.
@Suite struct RecordingSignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGPIPE])
    func aSignalClosesTheOpenBlockAndCheckKeepsIt(signal: Int32) async throws {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-signal-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let transcript = folder.appendingPathComponent("t.md")
            let slow = try SimulatorProcess(extraArguments: ["--faults", "latency=20000ms"])
            defer { slow.stop() }
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path,
                arguments: ["-c", "record \(transcript.path); explain 131047; numbers"],
                environment: [
                    "KAPSO_API_BASE_URL": slow.baseURL, "KAPSO_API_KEY": slow.apiKey, "PATH": "/usr/bin:/bin",
                    "HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state",
                ],
                stdout: .null, stderr: .null)
            var text = ""
            for _ in 0..<500 where !text.contains("> numbers\n") {
                usleep(10_000)
                text = (try? String(contentsOf: transcript, encoding: .utf8)) ?? ""
            }
            #expect(text.contains("> numbers\n"), "\(text)")
            kops.send(signal)
            #expect(kops.wait(seconds: 10) == signal, "kops ends by the signal, as it would have")
            text = (try? String(contentsOf: transcript, encoding: .utf8)) ?? ""
            #expect(text.hasSuffix("> numbers\n" + TranscriptRecorderLines.terminated + "\n```\n"), "\(text)")
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let check = try ProcessRunner.run(
                "kops", ["check", transcript.path],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stderr.contains("'numbers'"), "\(check.stderr)")
        }
    }
}

/// The recorder's line, spelled here so the test reads the file as a user would.
private enum TranscriptRecorderLines {
    static let terminated =
        "<!-- interrupted: kops was ended here (a kill, a closed terminal or pipe), so the output above is partial; kops check keeps it as recorded -->"
}
