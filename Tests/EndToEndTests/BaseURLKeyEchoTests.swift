import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe34 P34-2: a Kapso key pasted after `#` or a bare `?` of the API base URL (a dashboard URL copied whole) was
/// printed in clear by the launch refusal, from the flag, the environment or a profile, while the `-c:1:` line below it
/// masked it. Every line naming the URL masks it as an error line is masked.
@Suite struct BaseURLKeyEchoTests {
    static let key = "kapso_live_abcdef1234567890ABCDEF"

    @Test(arguments: [
        "http://127.0.0.1:9/#\(key)", "http://127.0.0.1:9/?\(key)", "127.0.0.1:9/#\(key)", "htp:/127.0.0.1:9/?\(key)",
        "https://https://127.0.0.1:9/#\(key)",
    ])
    func theRefusalMasksTheKey(base: String) throws {
        let error = try #require(throws: (any Error).self) { try BaseURLSchemeError.check(base, source: "env KAPSO_API_BASE_URL") }
        let line = ErrorReport(error).line()
        #expect(!line.contains("abcdef1234567890"), "\(line)")
        #expect(line.contains("<redacted>"), "\(line)")
    }

    /// Through the binary: the flag and the environment, `-c numbers`; no line of stderr or stdout holds the key.
    @Test(arguments: [["--base-url", "http://127.0.0.1:9/#\(key)"], ["--base-url", "http://127.0.0.1:9/?\(key)"], []])
    func noLaunchLineHoldsTheKey(flags: [String]) async throws {
        let result = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p34-2-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var environment = ["XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state", "KAPSO_API_KEY": "test_key_1"]
            if flags.isEmpty { environment["KAPSO_API_BASE_URL"] = "http://127.0.0.1:9/#\(Self.key)" }
            return try ProcessRunner.run("kops", flags + ["-c", "numbers"], environment: environment)
        }
        #expect(result.status != 0)
        #expect(!(result.stdout + result.stderr).contains("abcdef1234567890"), "\(result.stderr)")
        #expect(result.stderr.contains("<redacted>"), "\(result.stderr)")
    }
}
