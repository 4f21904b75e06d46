import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester51b F6, the shell's path: `profile use acme` took acme's own key and base URL while `kops --profile acme` (and
/// config.toml's default_profile) took the environment's, so the same profile reached two projects depending on how it
/// was chosen. Both now follow flags > environment > profile and say the override; a 401 on the environment's key
/// names the profile's own key that was set and not used.
@Suite struct ProfileUseOverrideTests {
    @Test func profileUseFollowsTheStartsPrecedenceAndA401NamesTheUnusedOwnKey() async throws {
        let folder = NSTemporaryDirectory() + "kops-override-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (statuses, out, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try shell.loadConfig("[profiles.acme]\nbase_url = \"\(fixture.baseURL)\"\napi_key_env = \"ACME_KEY\"\n", in: folder)
            shell.context.environment = ["KAPSO_API_KEY": "stray_other_project_key", "ACME_KEY": fixture.apiKey]
            let statuses = [shell.run(line: "profile use acme"), shell.run(line: "numbers")]
            return (statuses, output.out, output.err)
        }
        #expect(statuses.map(\.rawValue) == [0, 77], "\(err)")
        #expect(out.contains("using profile acme ("), "\(out)")
        #expect(err.contains("warning: KAPSO_API_KEY is set, and it overrides profile acme's api_key_env (ACME_KEY)"), "\(err)")
        #expect(
            err.contains(
                "error: the key from env KAPSO_API_KEY was rejected by 127.0.0.1 (401); check that it is a current Kapso project "
                    + "API key; profile acme's own key (env ACME_KEY) is set and was not used, as KAPSO_API_KEY comes first; "
                    + "unset KAPSO_API_KEY to use it"), "\(err)")
        #expect(!(out + err).contains("stray_other_project_key"), "a key is never shown")
    }
}
