import Foundation
import KopsTestSupport
import Testing

/// fixA's leftover: `kops --profile TOKEN` (a key pasted where the profile's name goes) printed the token whole in the
/// start's "unknown profile '…'" line, as `KOPS_PROFILE=TOKEN` did in every refusal after it; the shell masks such words
/// typed at its prompt (`TypedTokens`), the start did not. Now the start masks them too, and a key kops knows from the
/// environment (or a near copy of it, tester58b AE6). With it, tester58b AE5 through the binary: `state` says the
/// default profile is missing.
@Suite struct ProfileTokenStartErrorTests {
    static let key = "demo_key_0123456789"

    private func kops(_ arguments: [String], environment: [String: String] = [:], config: String? = nil) async throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ptok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("kops/config.toml")) }
        var environment = environment
        environment["XDG_CONFIG_HOME"] = folder.path
        return try await offPool { [environment] in try ProcessRunner.run("kops", arguments, environment: environment) }
    }

    @Test(arguments: ["kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"])
    func aTokenTypedAsTheProfileIsMasked(_ token: String) async throws {
        for config in [nil, "[profiles.a]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"K\"\n"] {
            let result = try await kops(["--profile", token, "-c", "state"], config: config)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("unknown profile '<redacted>'"), "\(result.stderr)")
            #expect(!result.stderr.contains(String(token.prefix(10))), "\(result.stderr)")
        }
    }

    @Test func aTokenInKOPSPROFILEIsMaskedAtStartAndInEachRefusal() async throws {
        let token = "kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz"
        let result = try await kops(["-c", "numbers"], environment: ["KOPS_PROFILE": token, "KAPSO_API_KEY": Self.key])
        #expect(result.stderr.contains("unknown profile '<redacted>' (env KOPS_PROFILE)"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains(String(token.prefix(10))), "\(result.stderr)")
    }

    @Test(arguments: [key, "demo_key_012345678"])
    func theKnownKeyOrANearCopyTypedAsTheProfileIsMasked(_ typed: String) async throws {
        let result = try await kops(["--profile", typed, "-c", "state"], environment: ["KAPSO_API_KEY": Self.key])
        #expect(result.stderr.contains("unknown profile '<redacted>'"), "\(result.stderr)")
        #expect(!result.stderr.contains("0123456"), "\(result.stderr)")
    }

    @Test func stateSaysTheDefaultProfileIsMissing() async throws {
        let config = "default_profile = \"prod\"\n[profiles.a]\nbase_url = \"http://127.0.0.1:9\"\napi_key_env = \"K\"\n"
        let result = try await kops(["-c", "state"], environment: ["K": Self.key], config: config)
        #expect(!result.stdout.contains("https://api.kapso.ai"), "\(result.stdout)")
        #expect(!result.stdout.contains("profile add"), "\(result.stdout)")
        #expect(result.stdout.contains("none: the profile config.toml default_profile names is not in config.toml"), "\(result.stdout)")
        #expect(result.stdout.contains("unknown profile 'prod' (config.toml default_profile); profiles: a"), "\(result.stdout)")
    }
}
