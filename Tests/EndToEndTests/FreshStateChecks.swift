import Foundation
import KopsTestSupport

/// A transcript recorded from a script against one fixed-clock simulator, then checked `checks` times, each check with
/// a fresh state folder, as CI's fresh containers check transcripts against a long-lived API (tester62 AL2, tester63b
/// AO2, tester64 T13). `between` runs after the recording, before the checks (another client's calls); `before`, before the
/// recording (a teammate's calls the recording's log pages show).
struct FreshStateChecks {
    var recorded: ProcessResult
    var checks: [ProcessResult]
    var transcript: String

    static func run(
        script: String, checks: Int, seed: String = "demo",
        between: @escaping @Sendable (SimulatorProcess) throws -> Void = { _ in },
        // After `between`, so a trailing closure is still `between`.
        before: @escaping @Sendable (SimulatorProcess) throws -> Void = { _ in }
    ) async throws -> FreshStateChecks {
        try await offPool {
            let simulator = try SimulatorProcess(seed: seed)
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fresh-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/script.kops"))
            func kops(_ arguments: [String], state: String) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--base-url", simulator.baseURL] + arguments,
                    environment: [
                        "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ])
            }
            try before(simulator)
            let recorded = try kops(["--record", folder + "/script.md", "run", folder + "/script.kops"], state: "recording")
            try between(simulator)
            let results = try (1...checks).map { try kops(["check", folder + "/script.md"], state: "check\($0)") }
            return FreshStateChecks(
                recorded: recorded, checks: results, transcript: try String(contentsOfFile: folder + "/script.md", encoding: .utf8))
        }
    }

    /// Another client's calls: `times` GETs of `path` with the simulator's key, by curl.
    static func curlGET(_ simulator: SimulatorProcess, _ path: String, times: Int) throws {
        for _ in 0..<times {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-o", "/dev/null", "-H", "X-API-Key: \(simulator.apiKey)", simulator.baseURL + path]
            try curl.run()
            curl.waitUntilExit()
        }
    }
}
