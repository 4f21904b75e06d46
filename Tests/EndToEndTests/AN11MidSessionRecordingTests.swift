import Foundation
import KopsTestSupport
import Testing

/// tester63 AN11: a transcript recorded mid-session (`numbers`, `use`, `messages`, then `record`) failed its first
/// `logs` on check: the recording's page listed kops's own calls made before `record`, which the replay never makes.
/// A recording's log page now leaves out kops's own calls from before it began, as a check leaves out earlier runs'.
@Suite struct AN11MidSessionRecordingTests {
    static func recordMidSession(_ reader: String, demo: Bool) async throws -> (recorded: ProcessResult, checks: [ProcessResult], transcript: String) {
        try await offPool {
            let simulator = demo ? nil : try SimulatorProcess()
            defer { simulator?.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-an11-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let script = ["numbers", "use 100200300400501", "messages", "record \(folder)/t.md", reader, "record stop"].joined(separator: "\n") + "\n"
            try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/script.kops"))
            func kops(_ arguments: [String], state: String) throws -> ProcessResult {
                let api = simulator.map { ["--base-url", $0.baseURL] } ?? ["--demo"]
                return try ProcessRunner.run(
                    "kops", api + arguments,
                    environment: [
                        "KAPSO_API_KEY": simulator?.apiKey ?? "", "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ], timeout: 120)
            }
            let recorded = try kops(["run", folder + "/script.kops"], state: "recording")
            let checks = try (1...2).map { try kops(["check", folder + "/t.md"], state: "check\($0)") }
            return (recorded, checks, (try? String(contentsOfFile: folder + "/t.md", encoding: .utf8)) ?? "")
        }
    }

    @Test(arguments: [false, true])
    func aRecordingStartedMidSessionChecksClean(demo: Bool) async throws {
        for reader in ["logs", "logs --all --period 7d"] {
            let run = try await Self.recordMidSession(reader, demo: demo)
            #expect(run.transcript.contains("> " + reader), "\(run.recorded.stdout)\(run.recorded.stderr)")
            for (index, check) in run.checks.enumerated() {
                #expect(check.status == 0, "\(reader), check \(index + 1): \(check.stdout)\(check.stderr)")
                #expect(check.stderr.contains("output unchanged"), "\(reader), check \(index + 1): \(check.stdout)\(check.stderr)")
            }
        }
    }
}
