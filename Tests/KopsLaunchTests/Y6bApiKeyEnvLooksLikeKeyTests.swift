import Foundation
import KopsTestSupport
import Testing

/// tester67 Y6b: a profile with `api_key_env = "test_key_0123456789"` (the key itself where the NAME of an environment
/// variable belongs), no such variable set: `state` showed "(env test_key_0123456789)" and a command's error said
/// "reads its API key from test_key_0123456789, which is not set; export test_key_0123456789=...". The value is never
/// printed; the line says it looks like a key and what to do. A variable of that name that is set is a name, as before.
@Suite struct Y6bApiKeyEnvLooksLikeKeyTests {
    static let pasted = "test_key_0123456789"

    @Test func aKeyInApiKeyEnvIsNeverPrinted() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("y6b-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("kops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "[profiles.acme]\nbase_url = \"http://127.0.0.1:9\"\napi_key_env = \"\(Self.pasted)\"\n"
            .write(to: config.appendingPathComponent("kops/config.toml"), atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(
            "kops", ["--profile", "acme", "-c", "state; profile list; numbers"],
            environment: ["XDG_CONFIG_HOME": config.path, "XDG_STATE_HOME": config.path, "HOME": config.path])
        let all = result.stdout + result.stderr
        #expect(!all.contains(Self.pasted), "\(all)")
        #expect(!all.contains("0123456789"), "\(all)")
        #expect(result.stderr.contains("has an api_key_env that looks like an API key (not shown), not the NAME of an environment variable"), "\(all)")
        #expect(result.stdout.contains("not set: the profile's api_key_env looks like a key"), "\(all)")
        #expect(result.status != 0)
    }
}
