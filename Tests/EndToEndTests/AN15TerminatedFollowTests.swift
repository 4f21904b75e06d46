import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Session 65's AN15 covered the `--all` streams only: SIGTERM (what `timeout`, CI runners, systemd and `docker stop`
/// send) during `deliveries --follow`, `logs search --follow` or `listen` killed kops where it stood: no closing line, no
/// `kops_incomplete` marker, so the output read as a follow or listen that ended normally. Now each says it was ended by
/// the signal (closing line on standard error, the marker last on standard output under --output json), then ends kops
/// by the signal, as the `--all` streams do.
@Suite(.serialized) struct AN15TerminatedFollowTests {
    /// Standard output, standard error and exit status of `command` (after `use`), ended by SIGTERM once standard error
    /// shows `started`.
    private func terminated(_ command: String, started: String) async throws -> (out: String, err: String, status: Int32) {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-an15f-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (output, errors) = (folder.appendingPathComponent("out").path, folder.appendingPathComponent("err").path)
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path,
                arguments: ["--output", "json", "-c", "use 100200300400501; \(command)"],
                environment: [
                    "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "PATH": "/usr/bin:/bin",
                    "HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state", "XDG_CONFIG_HOME": folder.path + "/config",
                ],
                stdout: .file(output), stderr: .file(errors))
            var err = ""
            for _ in 0..<3000 where !err.contains(started) {
                usleep(10_000)
                err = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            }
            usleep(300_000)
            kops.send(SIGTERM)
            let status = kops.wait(seconds: 20)
            return (
                (try? String(contentsOfFile: output, encoding: .utf8)) ?? "", (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "",
                status
            )
        }
    }

    @Test(arguments: [
        ("deliveries --follow --interval 1", "following deliveries", "stopped after"),
        ("logs search --follow --interval 1", "following log search", "stopped after"),
        ("listen --port 0", "listening on http://127.0.0.1:", "0 deliveries"),
    ])
    func sigtermSaysTheStreamWasCut(_ command: String, _ started: String, _ closing: String) async throws {
        let (out, err, status) = try await terminated(command, started: started)
        #expect(err.contains(started), "\(err)")
        #expect(status == SIGTERM, "kops ends by the signal, as it would have; err: \(err)")
        let closingLine = err.split(separator: "\n").first { $0.contains("ended by SIGTERM") }
        #expect(closingLine != nil, "\(err)")
        #expect(err.contains(closing), "\(err)")
        let last = out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("\"kops_incomplete\""), "\(out)")
        #expect(last.contains("\"status\":143"), "\(last)")
        #expect(last.contains("ended by SIGTERM"), "\(last)")
    }
}
