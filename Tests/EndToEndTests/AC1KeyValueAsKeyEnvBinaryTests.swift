import Foundation
import KopsTestSupport
import Testing

/// tester57b AC1 through the built `kops`: `profile add … --key-env <KAPSO_API_KEY's value>` saved the key in
/// config.toml, and every start printed it in the warning about the profile's `api_key_env`. The add is refused, and a
/// config.toml written so by hand is refused at start without showing it (`AC1KeyValueAsKeyEnvTests` has the rules).
@Suite struct AC1KeyValueAsKeyEnvBinaryTests {
    static let key = "demo_key_0123456789"

    @Test func theKeyIsNeitherSavedNorPrinted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ac1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_CONFIG_HOME": folder.path, "KAPSO_API_KEY": Self.key]
        let config = folder.appendingPathComponent("kops/config.toml")
        let added = try await offPool {
            try ProcessRunner.run(
                "kops", ["-c", "profile add tok4 --base-url https://api.kapso.ai --key-env \(Self.key)"], environment: environment)
        }
        #expect(added.status == 64, "\(added.stderr)")
        #expect(added.stderr.contains("never the key itself"), "\(added.stderr)")
        #expect(!FileManager.default.fileExists(atPath: config.path))

        try Data("[profiles.tok4]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"\(Self.key)\"\n".utf8).write(to: config)
        let started = try await offPool { try ProcessRunner.run("kops", ["-c", "state"], environment: environment) }
        #expect(started.stderr.contains("config.toml:3: profile 'tok4' holds a literal secret in 'api_key_env'"), "\(started.stderr)")
        #expect(!(started.stdout + started.stderr).contains(Self.key), "\(started.stderr)")
    }
}
