import Foundation
import KopsTestSupport

/// A session whose `record` starts mid-session (tester68 A1–A4): `lines` run as a script against the demo simulator
/// (`record FILE` in them names `t.md` in a fresh folder), then `kops check t.md`, then `kops check t.md --update`, each
/// with a fresh state folder. `config` is written as the kops config file, with BASE_URL replaced by the simulator's.
struct PreRecordSessions {
    var recorded: ProcessResult
    var check: ProcessResult
    var update: ProcessResult
    /// The transcript as recorded, and after `check --update`.
    var transcript: String
    var updated: String

    /// `seed` is the simulator's; `checkSeed`, when given, a second simulator's that the check and `--update` replay on
    /// (the data changed since the recording); `withoutRestore` removes the transcript's restore file before the check.
    static func run(
        _ lines: [String], config: String? = nil, arguments: [String] = [], seed: String = "demo", checkSeed: String? = nil,
        withoutRestore: Bool = false
    ) async throws -> PreRecordSessions {
        try await offPool {
            let simulator = try SimulatorProcess(seed: seed)
            defer { simulator.stop() }
            let later = try checkSeed.map { try SimulatorProcess(seed: $0) }
            defer { later?.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-t68-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/config/kops", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let script = lines.map { $0.replacingOccurrences(of: "FILE", with: folder + "/t.md") }.joined(separator: "\n") + "\n"
            try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/script.kops"))
            if let config {
                try Data(config.replacingOccurrences(of: "BASE_URL", with: simulator.baseURL).utf8)
                    .write(to: URL(fileURLWithPath: folder + "/config/kops/config.toml"))
            }
            func kops(_ words: [String], state: String, on simulator: SimulatorProcess = simulator) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", (config == nil ? ["--base-url", simulator.baseURL] : []) + words,
                    environment: [
                        "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ], timeout: 120)
            }
            let recorded = try kops(arguments + ["run", folder + "/script.kops"], state: "recording")
            let transcript = (try? String(contentsOfFile: folder + "/t.md", encoding: .utf8)) ?? ""
            // The transcript shared alone, as it is (its restore file is private: tester70b G9).
            if withoutRestore { try FileManager.default.removeItem(atPath: folder + "/t.md.restore") }
            let check = try kops(["check", folder + "/t.md"], state: "check", on: later ?? simulator)
            let update = try kops(["check", folder + "/t.md", "--update"], state: "update", on: later ?? simulator)
            let updated = (try? String(contentsOfFile: folder + "/t.md", encoding: .utf8)) ?? ""
            return PreRecordSessions(
                recorded: recorded, check: check, update: update, transcript: transcript, updated: updated)
        }
    }

    /// Everything the check said, for failure messages.
    var said: String { "recorded:\n\(recorded.stdout)\(recorded.stderr)\ncheck:\n\(check.stdout)\(check.stderr)\nupdate:\n\(update.stderr)" }
}
