@testable import KopsShell
import Testing

/// tester57 AB8: a lower-case or mixed-case environment variable's name (`--key-env kapso_key`, valid in POSIX and every
/// shell) was refused as "the key itself", and one written in config.toml broke the file and every profile. Such a name
/// is told apart from a key by its shape: names are read, keys stay refused and redacted.
@Suite struct AB8LowerCaseKeyEnvTests {
    @Test(arguments: ["kapso_key", "KapsoKey", "kapso_api_key", "acme_Kapso_KEY", "_key"])
    func aLowerOrMixedCaseNameIsAName(value: String) {
        #expect(KeyEnvName.read(value) == .name)
        let line = "profile add low --base-url https://api.kapso.ai --key-env \(value)"
        #expect(Redactor().redact(commandLine: line) == line)
    }

    @Test(arguments: [
        "kapso_live_abcdef", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_abcdef", "Kx9fQ2mZp7Lw3Rt8Yv1BnQ",
        "whsec_Ab12Cd34Ef56Gh78", "a3f9b8c7d6e5f4a3b2c1d0e9",
    ])
    func aKeyWithLowerCaseIsStillTheKey(value: String) {
        #expect(KeyEnvName.read(value) == .secret)
    }

    @Test func configTomlWithALowerCaseNameLoadsItsProfiles() throws {
        let text = "[profiles.low]\nbase_url = \"http://127.0.0.1:49584\"\napi_key_env = \"kapso_key\"\n"
        let config = try KopsConfig.parse(text, path: "config.toml")
        #expect(config.profile(named: "low")?.apiKeyEnv == "kapso_key")
    }
}
