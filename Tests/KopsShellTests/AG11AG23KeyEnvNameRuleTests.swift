import Foundation
@testable import KopsShell
import Testing

/// tester59b AG11: `profile add --key-env demo_key_0123456789_OLD` (the whole key and a suffix) was saved in config.toml
/// and printed on every start; AG23 and closing note 59's AE6 leftover: ordinary names (`kapso_key_2024`,
/// `kapso_api_key_prod2024`, `KAPSO_KEY_2024Q3`) were refused as "the key itself", the name hidden as '…'. One rule now:
/// a value that holds a known key, or most of one, is the key; a name made of words is a name whatever it starts with.
@Suite struct AG11AG23KeyEnvNameRuleTests {
    static let key = "demo_key_0123456789"

    @Test(arguments: ["demo_key_0123456789_OLD", "OLD_DEMO_KEY_0123456789", "demo_key_0123456", "emo_key_0123456789"])
    func aValueHoldingTheKeyIsTheKey(_ value: String) {
        #expect(KeyEnvName.read(value, environment: ["KAPSO_API_KEY": Self.key], knownKeys: [Self.key]) == .secret)
        #expect(KeyEnvName.shown(name: value, knownKeys: [Self.key]) == "<redacted>")
    }

    @Test(arguments: [
        "kapso_key_2024", "kapso_api_key_prod2024", "KAPSO_KEY_2024Q3", "KAPSO_KEY_FOR_PROJECT_3f2a9c0e_8a7d_4e3f",
        "kapso_api_key_prod", "prod_key_2024", "my_kapso_key_v2", "demo_key_0123",
    ])
    func aNameOfWordsIsAName(_ value: String) {
        #expect(KeyEnvName.read(value) == .name)
        #expect(KeyEnvName.read(value, environment: [:], knownKeys: [Self.key]) == .name)
    }

    /// Keys stay keys by their shape: an issued form, a long random run, hex.
    @Test(arguments: [
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "kapso_live_abcdef", "Kx9fQ2mZp7Lw3Rt8Yv1B", "whsec_Zq9xT7pL2mN4vB8k",
        "kapso_Kx9fQ2mZp7Lw3Rt8Yv1B", "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", "KX9F8E7D6C5B4A39281706F5E4D3C2B1A0ZZ",
    ])
    func aKeyStaysAKey(_ value: String) {
        #expect(KeyEnvName.read(value) == .secret)
    }

    @Test func profileAddSavesAnOrdinaryNameAndRefusesTheKeyWithASuffix() throws {
        let folder = NSTemporaryDirectory() + "kops-ag11-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offline = OfflineShell()
        offline.shell.context.environment = ["KAPSO_API_KEY": Self.key]
        offline.shell.context.configFile = ConfigFile(path: folder + "/config.toml")
        let refused = offline.shell.run(line: "profile add p2 --base-url https://api.kapso.ai --key-env \(Self.key)_OLD")
        #expect(refused == .usage)
        #expect(!offline.output.err.contains("0123456789"), "\(offline.output.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/config.toml"))
        let saved = offline.shell.run(line: "profile add p1 --base-url https://api.kapso.ai --key-env kapso_key_2024")
        #expect(saved == .ok, "\(offline.output.err)")
        #expect(try String(contentsOfFile: folder + "/config.toml", encoding: .utf8).contains("api_key_env = \"kapso_key_2024\""))
    }
}
