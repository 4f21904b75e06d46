import Foundation
import KopsTestSupport
import Testing

/// tester63 AN17: `kops --demo -c 'explain 131047'` (or `-c help`) started `kapso-sim` and waited for it, 0.26 s against
/// 0.04 s without `--demo`, for commands that send nothing. Now the simulator starts only when a command may use it.
@Suite struct AN17DemoOfflineStartTests {
    private func run(_ commands: [String]) async throws -> ProcessResult {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-an17-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            return try ProcessRunner.run("kops", ["--demo", "--no-color"] + commands.flatMap { ["-c", $0] }, environment: environment)
        }
    }

    @Test(arguments: [["explain 131047"], ["help"], ["explain 131047; help messages"]])
    func offlineCommandsStartNoSimulator(_ commands: [String]) async throws {
        let result = try await run(commands)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        #expect(!result.stderr.contains("kapso-sim at"), "\(result.stderr)")
    }

    @Test func aCommandThatCallsTheAPIStillHasIt() async throws {
        let result = try await run(["explain 131047", "numbers"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("demo: kapso-sim at"), "\(result.stderr)")
        #expect(result.stdout.contains("Support Line"), "\(result.stdout)")
    }
}
