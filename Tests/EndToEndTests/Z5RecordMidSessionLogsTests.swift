import Foundation
import KopsTestSupport
import Testing

/// tester67b Z5: in the shell, `use ID`, `record F.md`, `logs`, `logs`, `record stop`, then `kops check F.md` failed every
/// time on a simulator that keeps its API log: the replay's refill read of the first `logs` page showed as one more
/// `(kops)` row on the second page. tester66b X2 fixed the same shape for `--record` from the start; a session that read
/// before `record` kept failing.
@Suite struct Z5RecordMidSessionLogsTests {
    /// Runs `before` in a session, then `record`, `recorded`, `record stop`; then checks the transcript `checks` times, each
    /// with a fresh state folder. `between` runs after the recording (another client's calls).
    static func run(
        before: [String], recorded: [String], checks: Int,
        between: @escaping @Sendable (SimulatorProcess) throws -> Void = { _ in }
    ) async throws -> (recorded: ProcessResult, checks: [ProcessResult], transcript: String) {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-z5-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let script = (before + ["record \(folder)/t.md"] + recorded + ["record stop"]).joined(separator: "\n") + "\n"
            try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/script.kops"))
            func kops(_ arguments: [String], state: String) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--base-url", simulator.baseURL] + arguments,
                    environment: [
                        "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ], timeout: 120)
            }
            let recording = try kops(["run", folder + "/script.kops"], state: "recording")
            try between(simulator)
            let results = try (1...checks).map { try kops(["check", folder + "/t.md"], state: "check\($0)") }
            return (recording, results, (try? String(contentsOfFile: folder + "/t.md", encoding: .utf8)) ?? "")
        }
    }

    @Test(arguments: [
        ["logs", "logs"],
        ["logs --limit 12", "logs --limit 12 --output json"],
        ["logs", "messages --limit 3", "logs"],
    ])
    func twoLogsPagesRecordedMidSessionCheckClean(recorded: [String]) async throws {
        let run = try await Self.run(before: ["use 100200300400501", "messages --limit 5"], recorded: recorded, checks: 3)
        #expect(run.transcript.contains("> " + recorded[recorded.count - 1]), "\(run.recorded.stdout)\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    /// Another client's failed call since the recording still shows on the second page.
    @Test func anotherClientsCallStillShows() async throws {
        let run = try await Self.run(before: ["use 100200300400501"], recorded: ["logs", "logs"], checks: 1) { simulator in
            try FreshStateChecks.curlGET(simulator, "/platform/v1/whatsapp/phone_numbers/999/health", times: 1)
        }
        let check = try #require(run.checks.first)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("+") && check.stdout.contains("/phone_numbers/999/health"), "\(check.stdout)")
    }
}
