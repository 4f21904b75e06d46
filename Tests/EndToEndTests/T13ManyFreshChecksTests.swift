import Foundation
import KopsTestSupport
import Testing

/// tester64 T13: a transcript checked again and again, each time with a fresh state folder (CI's fresh containers),
/// against one simulator with a fixed clock passed twice, then failed every time: `overview`'s "49 total, 48 failed"
/// became "137 total, 51 failed". The fixed clock stamps calls in sequence from one instant; the replay bounded earlier
/// runs' calls by its own first call's stamp, which passed the recording's calls once the log's stamps reached the next
/// second. When the API's clock is behind the recording's, the replay no longer bounds them by time.
@Suite struct T13ManyFreshChecksTests {
    static let script = [
        "set on_error continue", "use 100200300400501", "messages --limit 30",
        "message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA=", "errors", "webhooks", "deliveries", "overview",
    ].joined(separator: "\n") + "\n"

    @Test func fiveFreshChecksOnOneFixedClockSimulatorAllPass() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-t13-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data(Self.script.utf8).write(to: URL(fileURLWithPath: folder + "/t13.kops"))
            func kops(_ arguments: [String], state: String) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--base-url", simulator.baseURL] + arguments,
                    environment: [
                        "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ])
            }
            _ = try kops(["--record", folder + "/t13.md", "run", folder + "/t13.kops"], state: "recording")
            let transcript = try String(contentsOfFile: folder + "/t13.md", encoding: .utf8)
            #expect(transcript.contains("API calls (24h):"), "\(transcript)")
            for run in 1...5 {
                let check = try kops(["check", folder + "/t13.md"], state: "check\(run)")
                #expect(check.status == 0, "check \(run): \(check.stdout)\(check.stderr)")
                #expect(check.stderr.contains("output unchanged"), "check \(run): \(check.stdout)\(check.stderr)")
            }
        }
    }
}
