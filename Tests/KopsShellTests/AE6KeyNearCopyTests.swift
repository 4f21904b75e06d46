import Foundation
@testable import KopsShell
import Testing

/// tester58b AE6: AC1 refused a `--key-env` that is exactly the key kops holds, but the key with a character lost in the
/// copy (`demo_key_012345678`) or upper-cased (`DEMO_KEY_0123456789`) was saved in config.toml and printed in the
/// KAPSO_API_KEY override warning, 18 of its 19 characters in clear. A near copy of a known key, and a value shaped like
/// a key in upper case (`SK_LIVE_…`, a random mix), are taken for the key: refused, never shown.
@Suite struct AE6KeyNearCopyTests {
    static let key = "demo_key_0123456789"

    @Test(arguments: ["demo_key_012345678", "DEMO_KEY_0123456789", "demo_key_01234567890", "demo_kye_0123456789", "Demo_Key_012345678"])
    func aNearCopyOfTheKeyIsTheKey(_ value: String) {
        #expect(KeyEnvName.read(value, environment: ["KAPSO_API_KEY": Self.key], knownKeys: [Self.key]) == .secret)
        #expect(KeyEnvName.shown(name: value, knownKeys: [Self.key]) == "<redacted>")
    }

    /// Names, even ones sharing words with the key, stay names; a short key's near copies are no copies.
    @Test(arguments: ["KAPSO_API_KEY", "DEMO_KEY", "kapso_key", "ACME2_KAPSO_KEY", "EAGLE_KAPSO_KEY2", "demo_key_0123"])
    func aNameStaysAName(_ value: String) {
        #expect(KeyEnvName.read(value, environment: ["KAPSO_API_KEY": Self.key], knownKeys: [Self.key, "abc_1"]) == .name)
    }

    /// By its shape alone (no key known): a key upper-cased in the copy.
    @Test(arguments: ["SK_LIVE_4EC39HQLYJWDARJTT1ZDP7DC", "KX9F8E7D6C5B4A39281706F5E4D3C2B1A0ZZ", "KAPSO_LIVE_9F8E7D6C5B4A3"])
    func anUpperCasedKeyIsAKeyByItsShape(_ value: String) {
        #expect(KeyEnvName.read(value) == .secret)
        #expect(!KeyEnvName.isName(value))
    }

    @Test(arguments: ["demo_key_012345678", "DEMO_KEY_0123456789"])
    func profileAddRefusesANearCopyWithoutShowingIt(_ value: String) throws {
        let folder = NSTemporaryDirectory() + "kops-ae6-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offline = OfflineShell()
        offline.shell.context.environment = ["KAPSO_API_KEY": Self.key]
        offline.shell.context.configFile = ConfigFile(path: folder + "/config.toml")
        let status = offline.shell.run(line: "profile add p3 --base-url https://api.kapso.ai --key-env \(value)")
        #expect(status == .usage)
        #expect(offline.output.err.contains("never the key itself"), "\(offline.output.err)")
        #expect(!offline.output.err.contains(value) && !offline.output.err.contains("0123456"), "\(offline.output.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/config.toml"))
    }

    @Test func configTomlNamingANearCopyIsRefusedWithoutShowingIt() throws {
        let text = "[profiles.p3]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"demo_key_012345678\"\n"
        let error = try #require(throws: ConfigError.self) {
            try KopsConfig.parse(text, path: "config.toml", environment: ["KAPSO_API_KEY": Self.key])
        }
        #expect(error.message.hasPrefix("config.toml:3: profile 'p3' holds a literal secret in 'api_key_env'"), "\(error.message)")
        #expect(!error.message.contains("012345678"))
    }
}
