import Foundation
@testable import KopsShell
import Testing

/// tester57b AC1: since AB8 a lower-case name is read as a name by its shape, so `--key-env demo_key_0123456789` (the very
/// value of KAPSO_API_KEY) was saved in config.toml and every start printed it, in clear, in the warning "overrides
/// profile X's api_key_env (…)". A value kops holds as a key (KAPSO_API_KEY's, another profile's variable's) is the key:
/// refused as typed and as written in config.toml, and masked in that warning.
@Suite struct AC1KeyValueAsKeyEnvTests {
    static let key = "demo_key_0123456789"

    /// `profile add` in a shell whose environment is `environment` and whose config.toml holds `toml` (none when empty):
    /// its status, standard error, and config.toml after it.
    private func add(
        _ arguments: String, environment: [String: String], toml: String = ""
    ) throws -> (status: KopsShell.ExitStatus, err: String, config: String?) {
        let folder = NSTemporaryDirectory() + "kops-ac1-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offline = OfflineShell()
        offline.shell.context.environment = environment
        if toml.isEmpty {
            offline.shell.context.configFile = ConfigFile(path: folder + "/config.toml")
        } else {
            try offline.shell.loadConfig(toml, in: folder)
        }
        let status = offline.shell.run(line: "profile add " + arguments)
        return (status, offline.output.err, try? String(contentsOfFile: folder + "/config.toml", encoding: .utf8))
    }

    @Test func theEnvironmentsKeyAsKeyEnvIsRefused() throws {
        let result = try add("tok4 --base-url https://api.kapso.ai --key-env \(Self.key)", environment: ["KAPSO_API_KEY": Self.key])
        #expect(result.status == .usage)
        #expect(result.err.contains("invalid --key-env '…'; expected the NAME of an environment variable"), "\(result.err)")
        #expect(result.err.contains("never the key itself"), "\(result.err)")
        #expect(!result.err.contains(Self.key), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(result.config == nil)
    }

    @Test func anotherProfilesKeyAsKeyEnvIsRefused() throws {
        let toml = "[profiles.acme]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"ACME_KEY\"\n"
        let result = try add(
            "tok4 --base-url https://api.kapso.ai --key-env acme_key_0123456789", environment: ["ACME_KEY": "acme_key_0123456789"],
            toml: toml)
        #expect(result.status == .usage)
        #expect(result.err.contains("never the key itself"), "\(result.err)")
        #expect(!result.err.contains("acme_key_0123456789"), "\(result.err)")
        #expect(result.config == toml)
    }

    @Test func aNameThatIsNoKnownKeyIsSavedAsBefore() throws {
        let result = try add("low --base-url https://api.kapso.ai --key-env kapso_key", environment: ["KAPSO_API_KEY": Self.key])
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.config?.contains("api_key_env = \"kapso_key\"") == true)
    }

    /// tester68b B6: a value shaped like a key (`looksLikeKey`) that no kops-known key equals and no set variable is named
    /// by was written into config.toml; it is refused unshown, and taken once a variable of that name is set.
    @Test func b6AKeyShapedValueNamingNoSetVariableIsRefused() throws {
        let result = try add("zed --base-url https://api.kapso.ai --key-env test_key_0123456789", environment: ["KAPSO_API_KEY": Self.key])
        #expect(result.status == .usage)
        #expect(result.err.contains("looks like a key and names no variable that is set"), "\(result.err)")
        #expect(result.err.contains("nothing was saved"), "\(result.err)")
        #expect(!result.err.contains("test_key_0123456789"), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(result.config == nil)
        let exported = try add("zed --base-url https://api.kapso.ai --key-env test_key_0123456789", environment: ["test_key_0123456789": "abcdef0123456789abcdef"])
        #expect(exported.status == .ok, "\(exported.err)")
        #expect(exported.config?.contains("api_key_env = \"test_key_0123456789\"") == true)
        let name = try add("yr --base-url https://api.kapso.ai --key-env kapso_key_2024", environment: [:])
        #expect(name.status == .ok, "\(name.err)")
    }

    @Test func configTomlNamingTheEnvironmentsKeyIsRefusedWithoutShowingIt() throws {
        let text = "[profiles.tok4]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"\(Self.key)\"\n"
        let error = try #require(throws: ConfigError.self) {
            try KopsConfig.parse(text, path: "config.toml", environment: ["KAPSO_API_KEY": Self.key])
        }
        #expect(error.message.hasPrefix("config.toml:3: profile 'tok4' holds a literal secret in 'api_key_env'"), "\(error.message)")
        #expect(!error.message.contains(Self.key))
        // Without that key in the environment, kops cannot know it for one: the name is read as before.
        #expect((try? KopsConfig.parse(text, path: "config.toml", environment: [:]))?.profile(named: "tok4")?.apiKeyEnv == Self.key)
    }

    @Test func configTomlNamingAnotherProfilesKeyIsRefused() throws {
        let text = """
            [profiles.acme]
            api_key_env = "ACME_KEY"

            [profiles.tok4]
            api_key_env = "acme_key_0123456789"

            """
        let error = try #require(throws: ConfigError.self) {
            try KopsConfig.parse(text, path: "config.toml", environment: ["ACME_KEY": "acme_key_0123456789"])
        }
        #expect(error.message.hasPrefix("config.toml:5: profile 'tok4' holds a literal secret in 'api_key_env'"), "\(error.message)")
    }

    @Test func theOverrideWarningMasksAKeyValueAsItsName() throws {
        let config = KopsConfig(profiles: [Profile(name: "tok4", baseURL: "https://api.kapso.ai", apiKeyEnv: Self.key)])
        let settings = try Settings.resolve(flags: .init(profile: "tok4"), environment: ["KAPSO_API_KEY": Self.key], config: config)
        #expect(settings.overridden.count == 1)
        // Since tester67 Y6b a name that looks like a key and names no variable that is set is said so, not shown.
        #expect(settings.overridden.first?.contains("overrides profile tok4's api_key_env (which looks like a key, not shown)") == true, "\(settings.overridden)")
        #expect(settings.overridden.first?.contains(Self.key) == false)
    }
}
