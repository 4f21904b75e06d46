import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// tester63 AN15: SIGTERM (what `timeout`, CI runners, systemd and `docker stop` send) in the middle of `messages --all
/// --output json` killed kops where it stood: a half NDJSON line, or whole lines with no `kops_incomplete` marker, which
/// read as the whole list. Now the stream stops as on Ctrl-C, ends with the marker (status 143, "ended by SIGTERM"),
/// and kops then ends by the signal, as it would have.
@Suite struct AN15TerminatedStreamTests {
    /// Standard output and exit status of `messages --all` on a slow simulator, ended by SIGTERM once a message is out.
    private func terminatedStream() async throws -> (text: String, sawMessage: Bool, status: Int32) {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-an15-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = folder.appendingPathComponent("out.ndjson").path
            let slow = try SimulatorProcess(extraArguments: ["--faults", "latency=1500ms"])
            defer { slow.stop() }
            let kops = try ChildProcess(
                executable: ProcessRunner.executable("kops").path,
                arguments: ["--output", "json", "-c", "use 100200300400501; messages --all --limit 1"],
                environment: [
                    "KAPSO_API_BASE_URL": slow.baseURL, "KAPSO_API_KEY": slow.apiKey, "PATH": "/usr/bin:/bin",
                    "HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state", "XDG_CONFIG_HOME": folder.path + "/config",
                ],
                stdout: .file(output), stderr: .null)
            var text = ""
            for _ in 0..<3000 where !text.contains("{\"id\":\"wamid.") {
                usleep(10_000)
                text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            }
            let sawMessage = text.contains("{\"id\":\"wamid.")
            kops.send(SIGTERM)
            let status = kops.wait(seconds: 20)
            return ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "", sawMessage, status)
        }
    }

    @Test func sigtermEndsTheStreamWithItsMarker() async throws {
        let (text, sawMessage, status) = try await terminatedStream()
        #expect(sawMessage, "\(text)")
        #expect(status == SIGTERM, "kops ends by the signal, as it would have")
        #expect(text.hasSuffix("\n"), "\(text)")
        // `use` prints its number as one JSON document first; the stream's NDJSON lines follow it.
        let stream = text.split(separator: "\n").drop { !$0.hasPrefix("{\"") }
        #expect(!stream.isEmpty, "\(text)")
        for line in stream {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
        let last = String(stream.last ?? "")
        #expect(last.contains("\"kops_incomplete\""), "\(text)")
        #expect(last.contains("\"status\":143"), "\(last)")
        #expect(last.contains("ended by SIGTERM"), "\(last)")
    }
}
