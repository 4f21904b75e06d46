import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// fix48b's leftover of tester47 L5: `kops --profile default` starts on the settings of no profile (the environment's
/// API and key) when config.toml has no profile so named, but `profile use default` in the shell was "unknown profile
/// 'default'". It now switches to those settings, as the launch flag does.
@Suite struct ProfileUseDefaultTests {
    @Test func profileUseDefaultSwitchesToTheEnvironmentsSettings() async throws {
        let folder = NSTemporaryDirectory() + "kops-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (statuses, out, err, numbers) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: folder + "/config.toml")
            shell.context.environment = ["KAPSO_API_KEY": fixture.apiKey, "KAPSO_API_BASE_URL": fixture.baseURL]
            let statuses = [
                shell.run(line: "profile add other --base-url https://other.example --key-env OTHER_KEY"),
                shell.run(line: "profile use other"),
                shell.run(line: "profile use default"),
            ]
            let before = output.out.count
            let listed = shell.run(line: "numbers")
            return (statuses + [listed, shell.run(line: "profile use nope")], output.out, output.err, String(output.out.dropFirst(before)))
        }
        #expect(statuses.prefix(4).map(\.rawValue) == [0, 0, 0, 0], "\(err)")
        #expect(statuses.last != .ok)
        #expect(out.contains("using profile default ("), "\(out)")
        #expect(err.contains("the settings of no profile, as kops starts without --profile"), "\(err)")
        #expect(numbers.contains("100200300400501"), "\(numbers)")
        #expect(err.contains("unknown profile 'nope'"), "\(err)")
    }
}
